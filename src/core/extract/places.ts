// Place names as a value's own evidence. An address, an issuing authority (深圳市公安局南山分局)
// and an organisation's name (澄川汇（深圳）…, 深圳某某有限公司) start with, or hold, the
// name of a province or a city, and those are a closed set (places-data.ts: every
// province, prefecture-level and county-level city). PP-OCR reads a rarer glyph of a
// place as a look-alike no place has (深圳 as 潘圳, 浠圳, 斋圳 in some faces), or drops it
// (圳市公安局南山分局 at 0.93, 深 never emitted): a place slot holding no place, one
// character away from exactly the places a proposal names, is doubted and the place
// proposed; a city slot of one character lost one, and the value is not trusted. A city
// read names its districts and counties: the one after it (南山区, 公安局南山分局) is one of them.
import type { Correction } from '../extraction';
import { foldWidth } from '../text/normalise';
import { CITY_STEMS, DISTRICT_STEMS, PROVINCE_NAMES } from './places-data';

/** What the reader knows of one character of a value: the OCR's confidence and runners-up. */
export interface PlaceGlyph {
  confidence: number;
  options: readonly { text: string; p: number }[];
  /** Every other class the recogniser gave 0.001 or more at a doubted glyph (CharAlternatives). */
  candidates?: readonly { text: string; p: number }[];
}

/** A character read at least this surely is not doubted by a place slot's mere shape. */
const SURE_P = 0.9;
/**
 * Where only its position calls a slot a place (a name's first two characters, a branch),
 * a character is doubted below this (深 read 潘, 浠, 斋, 漏 at 0.25-0.41 in ZCOOL XiaoWei;
 * 梧 of 青梧屿 at 0.98 is a brand's, one character from 青州 and 青岛), or where the OCR
 * saw the place's character there.
 */
const UNMARKED_DOUBT_P = 0.6;
/** The most a value whose city slot holds a single character (one was lost) is trusted. */
export const LOST_PLACE_CONFIDENCE = 0.6;
/** The most a value whose place is one character off a place, read surely, is trusted. */
export const MISREAD_PLACE_CONFIDENCE = 0.85;
/** Most proposals one slot makes. */
const MAX_PROPOSALS = 3;

const provinceStem = (name: string): string =>
  name.replace(/(壮族|回族|维吾尔)?自治区$|[省市]$/u, '');

const PROVINCES: readonly { code: string; stem: string }[] = Object.entries(PROVINCE_NAMES).map(
  ([code, name]) => ({ code, stem: provinceStem(name) }),
);
const CITIES: readonly { code: string; stem: string }[] = Object.entries(CITY_STEMS).flatMap(
  ([code, list]) => list.split(' ').map((stem) => ({ code, stem })),
);
const PROVINCE_STEMS = new Set(PROVINCES.map((p) => p.stem));
const CITY_STEM_SET = new Set(CITIES.map((c) => c.stem));

type Level = 'province' | 'city' | 'district' | 'place';

/** A span of a value that should hold a place name of `level`. */
interface Slot {
  /** Code points: [start, end). */
  start: number;
  end: number;
  level: Level;
  /** Whether the value itself says a place stands here (市 after it, the start of an address). */
  marked: boolean;
}

const districtsOf = (city: string | null): readonly string[] =>
  city === null ? [] : (DISTRICT_STEMS[city]?.split(' ') ?? []);

function stemsOf(
  level: Level,
  province: string | null,
  city: string | null,
): readonly { code: string; stem: string }[] {
  if (level === 'province') return PROVINCES;
  if (level === 'district') return districtsOf(city).map((stem) => ({ code: '', stem }));
  const cities = province === null ? CITIES : CITIES.filter((c) => c.code === province);
  return level === 'city' ? cities : [...cities, ...PROVINCES];
}

const isPlace = (seg: string, level: Level, city: string | null): boolean =>
  level === 'province'
    ? PROVINCE_STEMS.has(seg)
    : level === 'district'
      ? districtsOf(city).includes(seg)
      : level === 'city'
        ? CITY_STEM_SET.has(seg)
        : CITY_STEM_SET.has(seg) || PROVINCE_STEMS.has(seg);

const PROVINCE_END = /^(?:(?:壮族|回族|维吾尔)?自治区|省)/u;

/**
 * The administrative prefix of an address-like value: a province (before 省 or 自治区),
 * then up to two cities (each before its 市), each within a few characters of the last.
 */
function prefixSlots(chars: readonly string[]): Slot[] {
  const slots: Slot[] = [];
  let pos = 0;
  const rest = (from: number): string => chars.slice(from).join('');
  for (let end = 1; end <= 4 && end < chars.length; end++) {
    const m = PROVINCE_END.exec(rest(end));
    if (m) {
      slots.push({ start: 0, end, level: 'province', marked: true });
      pos = end + [...m[0]].length;
      break;
    }
  }
  for (let n = 0; n < 2; n++) {
    const at = chars.slice(pos, pos + 5).indexOf('市');
    if (at < 1) break;
    slots.push({ start: pos, end: pos + at, level: 'city', marked: true });
    pos += at + 1;
  }
  // The city's district or county (南山区, 淳安县), or the police station's (公安局南山分局).
  if (slots.some((s) => s.level === 'city')) {
    const district = chars
      .slice(pos, pos + 5)
      .findIndex((c) => c === '区' || c === '县' || c === '旗');
    const bureau = chars.slice(pos, pos + 3).join('') === '公安局' ? pos + 3 : -1;
    const branch =
      bureau < 0
        ? -1
        : chars
            .slice(bureau, bureau + 6)
            .join('')
            .indexOf('分局');
    if (district >= 1)
      slots.push({ start: pos, end: pos + district, level: 'district', marked: true });
    else if (branch >= 1)
      slots.push({ start: bureau, end: bureau + branch, level: 'district', marked: true });
  }
  return slots;
}

/** Slots of an organisation's name: a place in brackets, the two characters it starts with. */
function nameSlots(chars: readonly string[], prefix: readonly Slot[]): Slot[] {
  const slots: Slot[] = [];
  chars.forEach((ch, i) => {
    if (ch !== '（' && ch !== '(') return;
    const close = chars.findIndex((c, j) => j > i && (c === '）' || c === ')'));
    if (close - i - 1 >= 2 && close - i - 1 <= 4)
      slots.push({ start: i + 1, end: close, level: 'place', marked: false });
  });
  if (prefix.length === 0 && chars.length > 4)
    slots.push({ start: 0, end: 2, level: 'city', marked: false });
  return slots;
}

/** A bank's branch: the two characters after the bank's name (…有限公司深圳南山支行). */
function branchSlots(chars: readonly string[]): Slot[] {
  const text = chars.join('');
  const end = Math.max(text.lastIndexOf('公司'), text.lastIndexOf('银行'));
  if (end < 0) return [];
  const start = [...text.slice(0, end + 2)].length;
  return chars.length - start >= 4 ? [{ start, end: start + 2, level: 'city', marked: false }] : [];
}

const ORGANISATION_FIELDS = new Set(['companyName', 'accountName']);
const ADDRESS_FIELDS = new Set(['address', 'issuingAuthority', 'companyName', 'accountName']);

/** The place slots of a field's value. */
function slotsOf(field: string, chars: readonly string[]): Slot[] {
  const prefix = ADDRESS_FIELDS.has(field) ? prefixSlots(chars) : [];
  return [
    ...prefix,
    ...(ORGANISATION_FIELDS.has(field) ? nameSlots(chars, prefix) : []),
    ...(field === 'bankName' ? branchSlots(chars) : []),
  ];
}

/** Fields whose values name places. */
export const PLACE_FIELDS = [
  'address',
  'issuingAuthority',
  'companyName',
  'accountName',
  'bankName',
];

export interface PlaceDoubt {
  /** Proposals, likeliest first (may be none: a character lost, no place to name). */
  corrections: Correction[];
  /** The most the value is trusted. */
  cap: number;
}

interface Candidate {
  stem: string;
  /** The OCR's own probability of the changed character (0: it did not see it). */
  p: number;
  /** Whether the character changed was read surely. */
  sure: boolean;
  /** Whether it was read weakly (below UNMARKED_DOUBT_P). */
  weak: boolean;
}

/**
 * What a value's place slots say: null when each holds a place (or nothing can be said),
 * else the places one character away, proposed, and how far the value is trusted.
 * `glyphs` are the value's characters as the OCR read them (null where unknown).
 */
export function placeDoubt(
  field: string,
  value: string,
  glyphs: readonly (PlaceGlyph | null)[] | null,
): PlaceDoubt | null {
  const chars = [...value];
  let province: string | null = null;
  let city: string | null = null;
  const corrections: Correction[] = [];
  let cap = 1;
  for (const slot of slotsOf(field, chars)) {
    const seg = chars.slice(slot.start, slot.end).join('');
    if (isPlace(seg, slot.level, city)) {
      if (slot.level === 'province')
        province = PROVINCES.find((p) => p.stem === seg)?.code ?? province;
      if (slot.level === 'city') city = seg;
      continue;
    }
    // A city not read (or not one): its districts are not known.
    if (slot.level === 'city') city = null;
    const n = slot.end - slot.start;
    const glyphAt = (i: number): PlaceGlyph | null => glyphs?.[slot.start + i] ?? null;
    const candidates: Candidate[] = [];
    for (const { stem } of stemsOf(slot.level, province, city)) {
      const s = [...stem];
      if (s.length === n && n >= 2) {
        const diff = s.flatMap((c, i) => (c === chars[slot.start + i] ? [] : [i]));
        if (diff.length !== 1) continue;
        const g = glyphAt(diff[0]!);
        candidates.push({
          stem,
          p: g?.options.find((o) => o.text === s[diff[0]!])?.p ?? 0,
          sure: (g?.confidence ?? 0) >= SURE_P,
          weak: (g?.confidence ?? 1) < UNMARKED_DOUBT_P,
        });
      } else if (n === 1 && slot.marked && s.length === 2 && s.includes(seg)) {
        candidates.push({ stem, p: 0, sure: false, weak: true });
      }
    }
    const unique = [...new Map(candidates.map((c) => [c.stem, c])).values()];
    const kept = slot.marked ? unique : unique.filter((c) => c.weak || c.p > 0);
    const lost = (slot.level === 'city' || slot.level === 'district') && slot.marked && n === 1;
    if (!lost && kept.length === 0) continue;
    // A place one character off read surely is only a doubt when it is the only one.
    if (!lost && kept.every((c) => c.sure && c.p === 0) && kept.length > 1) continue;
    kept.sort((a, b) => b.p - a.p);
    for (const c of kept.slice(0, MAX_PROPOSALS)) {
      const to = [...chars.slice(0, slot.start), c.stem, ...chars.slice(slot.end)].join('');
      corrections.push({
        field,
        from: value,
        to,
        reason: 'ocr-alternative',
        note: lost
          ? `${seg}${chars[slot.end] ?? ''} names no place: a character was lost there; ${c.stem}${chars[slot.end] ?? ''} is one: check it against the image.`
          : `${seg} names no place; ${c.stem} is one character away${c.p > 0 ? ` (the OCR also saw ${[...c.stem].find((ch, i) => ch !== chars[slot.start + i])} there)` : ''}: check it against the image.`,
      });
    }
    cap = Math.min(cap, lost ? LOST_PLACE_CONFIDENCE : MISREAD_PLACE_CONFIDENCE);
  }
  return corrections.length > 0 || cap < 1 ? { corrections, cap } : null;
}

// A place named in an issuing authority and in an address (authority-place.ts compares
// the ID back's with the front's).

/** Characters that end a place's name (a municipality, county, district, banner, league). */
const PLACE_END = /[市县区旗盟]/u;
/**
 * Where an address's units end (a province and an autonomous prefecture, 自治州, too): a
 * place's name starts after one.
 */
const UNIT_END = /[省州市区县旗盟]/u;

/** The authority's leading place (圳市 of 圳市公安局南山分局), or null when none is named. */
export function leadingPlace(authority: string): string | null {
  const office = authority.indexOf('公安');
  if (office <= 0) return null;
  const chars = [...authority.slice(0, office)];
  const end = chars.findIndex((ch, i) => i > 0 && PLACE_END.test(ch));
  return end < 0 ? null : chars.slice(0, end + 1).join('');
}

/**
 * The place of `address` that `place` is a proper ending of (深圳市 for 圳市 in
 * 广东省深圳市南山区…): the address's unit that ends where `place` ends, starting after the
 * previous unit's end. Null when the address names `place` as a whole, or not at all.
 */
export function fullerPlace(place: string, address: string): string | null {
  const chars = [...foldWidth(address)];
  const want = [...foldWidth(place)];
  for (let k = 1; k + want.length <= chars.length; k++) {
    if (!want.every((ch, i) => chars[k + i] === ch)) continue;
    let start = k;
    while (start > 0 && !UNIT_END.test(chars[start - 1]!)) start--;
    if (start === k) return null;
    return [...address].slice(start, k + want.length).join('');
  }
  return null;
}
