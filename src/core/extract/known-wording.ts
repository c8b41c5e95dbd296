// A value's doubts from what its kind of text always holds (index.ts): a place name in its
// place slots (places.ts), an issuing authority's 公安局, words PP-OCR was measured to
// misread as no word (words.ts), and a business scope's standard wording (scope-standard.ts). Each gives proposals, likeliest first, and how far
// the value is trusted. The value itself is changed where no check compares it character
// for character: a place slot naming no place where exactly one place is a character away
// (PLACE_TAKEN_FIELDS), and a scope's standard wording; in a company's name, which is
// compared, only the one such place the page's recognition backs (PAGE_BACKED_PLACE_FIELDS).
// The reading as made is then the proposal.
import type { CharAlternatives, Correction } from '../extraction';
import { CLOSE_SECOND_CONFIDENCE } from './alternatives';
import { pageSupportsAt } from './page-support';
import { PLACE_FIELDS, placeDoubt, type PlaceDoubt, type PlaceGlyph } from './places';
import { standardWordingDoubt } from './scope-standard';
import { authorityWording, misreadWordProposal } from './words';

export type { PlaceGlyph } from './places';

/** Fields whose kind of text has wording of its own: places, an authority's, a scope's. */
export const KNOWN_WORDING_FIELDS: readonly string[] = [...PLACE_FIELDS, 'businessScope'];

/**
 * Fields whose place is taken where one place only is a character away from a slot naming
 * none: no check compares them character for character (an address is compared normalised
 * with what a person states; an authority with the front's address, by place), and a place
 * is a closed list. Replayed on seven tuned sets (quick, ch-3500/3550/3560, s3200/3220/3240),
 * taking it turned 19 wrong values right and no right value wrong; a company's or an
 * account's name is compared exactly and keeps the proposal only.
 */
const PLACE_TAKEN_FIELDS: ReadonlySet<string> = new Set([
  'address',
  'issuingAuthority',
  'bankName',
]);

/**
 * Fields compared character for character whose place is taken only where the page's own
 * recognition backs it: a company's or an account's name (企业名称: 字号（行政区划）, the
 * region a registered one). Of the places a character away from a slot naming none, the one
 * place whose character the recogniser gave PAGE_SUPPORT_ODDS (0.2) or more of the one it
 * read there (a runner-up or a candidate: page-support.ts), as the page alone must to
 * support another document's value: 澄川汇（斋圳）… read 斋 at 0.36 with 深 behind at 0.12
 * (odds 0.33) is 深圳. A bank form printing 琛圳… (read 琛 at 0.84, 深 at 0.012; or 瑶 at
 * 0.37, 深 below 0.001: seed offsets 4550 and 4600) keeps what it prints, for the
 * comparison with the license to show.
 */
const PAGE_BACKED_PLACE_FIELDS: ReadonlySet<string> = new Set(['companyName', 'accountName']);

/** The one place correction whose changed character the page backs (see above), or null. */
function pageBackedPlace(
  value: string,
  corrections: readonly Correction[],
  glyphs: readonly (PlaceGlyph | null)[] | null,
): Correction | null {
  const read = [...value];
  const backed = corrections.filter((c) => {
    const to = [...c.to];
    if (to.length !== read.length) return false;
    const at = read.flatMap((ch, i) => (ch === to[i] ? [] : [i]));
    if (at.length !== 1) return false;
    const g = glyphs?.[at[0]!];
    if (g === null || g === undefined || g.options.length === 0) return false;
    const seen: CharAlternatives = {
      at: at[0]!,
      p: g.confidence,
      options: [g.options[0]!, ...g.options.slice(1)],
      ...(g.candidates ? { candidates: [...g.candidates] } : {}),
    };
    return pageSupportsAt(
      read.map((_, i) => (i === at[0] ? seen : null)),
      value,
      at[0]!,
      to[at[0]!]!,
    );
  });
  return backed.length === 1 ? backed[0]! : null;
}

export interface KnownWordingDoubt extends PlaceDoubt {
  /**
   * The value with its one possible place taken (PLACE_TAKEN_FIELDS), or a scope with its
   * standard wording put back, when it was.
   */
  taken?: string;
  /** A scope's characters (indices as read) whose doubt its standard wording settled. */
  settled?: ReadonlySet<number>;
}

export function knownWordingDoubt(
  field: string,
  value: string,
  glyphs: readonly (PlaceGlyph | null)[] | null,
): KnownWordingDoubt | null {
  // A business scope's standard wording, where the OCR doubted a character of it: taken.
  if (field === 'businessScope')
    return glyphs === null ? null : standardWordingDoubt(field, value, glyphs);
  const corrections: Correction[] = [];
  let cap = 1;
  // An authority's 公安局 misread (公安届) is put back first, its place doubted after.
  const bureau = field === 'issuingAuthority' ? authorityWording(value) : null;
  const place = placeDoubt(field, bureau ?? value, glyphs);
  const only = place?.corrections.length === 1 ? place.corrections[0]! : null;
  if (place !== null && only !== null && PLACE_TAKEN_FIELDS.has(field)) {
    return {
      taken: only.to,
      cap: place.cap,
      corrections: [
        {
          field,
          from: only.to,
          to: value,
          reason: 'ocr-alternative',
          note: `Read as ${value}, which names a place that is none; ${only.to} holds the one place a character away and was taken: check it against the image.`,
        },
      ],
    };
  }
  const backed =
    place !== null && PAGE_BACKED_PLACE_FIELDS.has(field)
      ? pageBackedPlace(value, place.corrections, glyphs)
      : null;
  if (place !== null && backed !== null) {
    return {
      taken: backed.to,
      cap: Math.min(place.cap, CLOSE_SECOND_CONFIDENCE),
      corrections: [
        {
          field,
          from: backed.to,
          to: value,
          reason: 'ocr-alternative',
          note: `Read as ${value}, which names a place that is none; the OCR found ${backed.to} nearly as likely, the one place a character away it backs, which was taken: check it against the image.`,
        },
      ],
    };
  }
  if (place !== null) {
    corrections.push(...place.corrections.map((c) => ({ ...c, from: value })));
    cap = Math.min(cap, place.cap);
  }
  if (bureau !== null) {
    corrections.push({
      field,
      from: value,
      to: bureau,
      reason: 'ocr-alternative',
      note: `An issuing authority is a 公安局; ${value} holds none, but three characters one off it: check it against the image.`,
    });
    cap = Math.min(cap, CLOSE_SECOND_CONFIDENCE);
  }
  // An authority is a place's 公安局: one naming no 公安 (安局虎丘分局, where a watermark
  // took 苏州市公) lost its head, and nothing says what it was.
  if (field === 'issuingAuthority' && bureau === null && !value.includes('公安'))
    cap = Math.min(cap, CLOSE_SECOND_CONFIDENCE);
  // A word PP-OCR was measured to misread as no word (技市 for 技术): the word proposed.
  const word = misreadWordProposal(field, value);
  if (word !== null) {
    corrections.push(word);
    cap = Math.min(cap, CLOSE_SECOND_CONFIDENCE);
  }
  return corrections.length > 0 || cap < 1 ? { corrections, cap } : null;
}
