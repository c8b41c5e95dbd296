// Turning a value as printed into the field's format: ISO dates, `long-term`, codes
// without spaces. A value that cannot be parsed gives null, never a guess.
import { LONG_TERM } from '../document-fields';
import { foldWidth, normaliseText } from '../text/normalise';
import { USCC_LENGTH } from '../codes/uscc';
import { repairListCommas, repairScopeWording } from './scope-wording';
import { repairMisreadWords } from './words';

/** How a term without an end is printed: 长期, 永久, and a partnership's 不约定期限 / 无固定期限. */
const LONG_TERM_WORDS = /长期|永久|长久|不约定期限|无固定期限/u;

/** What stands between a term's start and its end: 至, or a dash after the start's digits. */
const TERM_UNTIL = /至|\d\s*[-—–~]/u;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// A dot the OCR read as a comma (`2025,09.21` on a copied ID back) is still the date's
// separator: the comma never stands between a 4-digit year and a month and day otherwise.
const DATE = /(\d{4})\s*[年.,\-/]\s*(\d{1,2})\s*[月.,\-/]\s*(\d{1,2})\s*日?/u;

interface DateMatch {
  /** ISO date or long-term; null for date-shaped text that is no real date (2015.08.32). */
  value: string | null;
  index: number;
  end: number;
}

/**
 * Every date-shaped match (and long-term word) in order of appearance, the real ones with
 * their value. A match that is no real date (`0100-05-20` of `0100-05-2019年06月01日`, a
 * term `2015.08.32035.08.20` whose start's day ran into its end) gives up only its first
 * character: the search goes on inside it, where a real date may start.
 */
function dateMatches(text: string): DateMatch[] {
  const s = foldWidth(text);
  const out: DateMatch[] = [];
  const pattern = new RegExp(`${DATE.source}|${LONG_TERM_WORDS.source}`, 'gu');
  for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
    const index = m.index;
    const end = index + m[0].length;
    if (m[1] === undefined) {
      out.push({ value: LONG_TERM, index, end });
      continue;
    }
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const real = y >= 1900 && y <= 2199 && isRealDate(y, mo, d);
    out.push({
      value: real ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null,
      index,
      end,
    });
    if (!real) pattern.lastIndex = index + 1;
  }
  return out;
}

/** The real dates (and long-term words) in order of appearance. */
function datesIn(text: string): { value: string; index: number; end: number }[] {
  return dateMatches(text).filter((d): d is DateMatch & { value: string } => d.value !== null);
}

/** The text before the first date in it (width folded), or null when it holds no date. */
export function beforeFirstDate(text: string): string | null {
  const first = datesIn(text)[0];
  return first === undefined ? null : foldWidth(text).slice(0, first.index);
}

/** The text after the first date in it (width folded), or null when it holds no date. */
export function afterFirstDate(text: string): string | null {
  const first = datesIn(text)[0];
  return first === undefined ? null : foldWidth(text).slice(first.end);
}

/** `2016年05月20日`, `2016.05.20`, `2016-05-20`, `1990 年 3 月 7 日` → ISO; `长期` → long-term. */
export function parseDate(text: string): string | null {
  return datesIn(text)[0]?.value ?? null;
}

/**
 * `2015年03月12日 至 长期`, `自2015年03月12日至2045年03月11日`, `2016.05.20-2036.05.20` →
 * [from, until]. A date after 至 (or after a dash that follows digits) with no real date
 * before it, or the one date right after date-shaped text that is no real date, is the term's end
 * (its start was not read, or garbled: `2023.226-2043.12.26`, `2015.08.32035.08.20`):
 * `至2045年03月11日` → [null, 2045-03-11].
 */
export function parseTerm(text: string): [string | null, string | null] {
  const matches = dateMatches(text);
  const dates = matches.filter((d) => d.value !== null);
  const first = dates[0];
  if (!first) return [null, null];
  if (first.value === LONG_TERM) return [null, LONG_TERM];
  const s = foldWidth(text);
  const until = TERM_UNTIL.exec(s);
  if (until !== null && until.index < first.index) return [null, first.value];
  // The one date right after date-shaped text (overlapping it, or a dash apart): that
  // text was the start, garbled.
  const before = matches[matches.indexOf(first) - 1];
  const garbledStart =
    dates.length === 1 &&
    before !== undefined &&
    /^[\s\-—–~]*$/u.test(s.slice(before.end, first.index));
  if (garbledStart) return [null, first.value];
  return [first.value, dates[1]?.value ?? null];
}

/** `YYYYMMDD` as an ISO date when it is a real one (1900-2199), else null. */
function digitDate(digits: string): string | null {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (digits.length !== 8 || y < 1900 || y > 2199 || !isRealDate(y, m, d)) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** Whether `until` is a whole number of years after `from`: to the day, or the day before. */
function wholeYears(from: string, until: string): boolean {
  const years = Number(until.slice(0, 4)) - Number(from.slice(0, 4));
  if (years < 1) return false;
  if (until.slice(4) === from.slice(4)) return true;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const dayBefore = new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
  return dayBefore === until;
}

/**
 * A term whose dates' separators the OCR lost (`2021072820410728`, `202112.20-2041.12.20`
 * on a copied ID back): its digits alone, when they are exactly two dates of 8 digits
 * (YYYYMMDD) or one before a long-term word, the dates real and the term a whole number
 * of years (to the day, or to the day before), which a misread digit in a month or day
 * breaks. Null otherwise: the digits are then not known to be the dates.
 */
export function termFromDigits(text: string): [string, string] | null {
  const s = foldWidth(text);
  const long = LONG_TERM_WORDS.exec(s);
  const digits = (long ? s.slice(0, long.index) : s).replace(/\D/gu, '');
  if (long) {
    const from = digitDate(digits);
    return from === null ? null : [from, LONG_TERM];
  }
  if (digits.length !== 16) return null;
  const from = digitDate(digits.slice(0, 8));
  const until = digitDate(digits.slice(8));
  return from !== null && until !== null && wholeYears(from, until) ? [from, until] : null;
}

/** Whether a term's text ends where its end should follow (`2019年01月01日至`: wrapped, or lost). */
export function termCutAtUntil(text: string): boolean {
  return /至\s*$/u.test(foldWidth(text).trim());
}

/** Letters and digits only, upper-case, width folded: for codes printed with spaces. */
export function compactCode(text: string): string {
  return foldWidth(text)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

/**
 * A USCC as printed: the first run of 15 or more code characters (18 when valid); else
 * 18 characters that are code characters but one inside them (`#`, an ideograph the OCR
 * read for a letter or a digit: 9133010#MA2B2C3D4X), as read: it fails its type, and the
 * checksum may say what that one character is (a proposal, never a silent repair).
 */
export function parseCreditCode(text: string): string | null {
  const s = foldWidth(text).toUpperCase().replace(/\s+/gu, '');
  const run = s.match(/[0-9A-Z]{15,}/gu)?.[0];
  if (run !== undefined) return run.slice(0, 20);
  return oneMisread(s, USCC_LENGTH);
}

const CODE_RUN = /[0-9A-Z]+/gu;

/**
 * The first `length` characters of `s` that are code characters on both sides of one
 * other character, the runs not part of longer ones (so 代码：#… never takes the label's
 * colon): the code with that one character as read, or null.
 */
function oneMisread(s: string, length: number): string | null {
  const runs = [...s.matchAll(CODE_RUN)];
  for (let i = 0; i + 1 < runs.length; i++) {
    const left = runs[i]!;
    const right = runs[i + 1]!;
    // One character between them (an ideograph beyond the BMP is two code units).
    const between = [...s.slice(left.index + left[0].length, right.index)];
    if (between.length !== 1 || left[0].length + 1 + right[0].length !== length) continue;
    return s.slice(left.index, right.index + right[0].length);
  }
  return null;
}

/** An ID number as printed: the first run of 15 or more letters and digits (OCR may read 0 as O). */
export function parseIdNumber(text: string): string | null {
  const run = foldWidth(text)
    .replace(/\s+/g, '')
    .toUpperCase()
    .match(/[0-9A-Z]{15,}/);
  return run ? run[0].slice(0, 20) : null;
}

export function parseAccountNumber(text: string): string | null {
  const digits = foldWidth(text)
    .replace(/[\s-]+/g, '')
    .match(/\d{6,}/);
  return digits ? digits[0] : null;
}

/**
 * 核准号 / 基本存款账户编号: a letter followed by digits (J and 13 on a basic account's
 * form). A face whose J has no hook to the left (a straight stem with a foot) is read as
 * 1, and a thin one may be lost: fourteen digits starting 1, or thirteen alone, are the
 * J-number where `jBelongs` (the document is a basic account's, whose numbers all start
 * with J); elsewhere (a permit for a temporary or special account, L… or Z…, whose letter
 * was lost) they are returned as read, no J put where none may belong.
 */
export function parseAccountCode(text: string, jBelongs: boolean): string | null {
  const code = compactCode(text);
  const m = code.match(/[A-Z]\d{8,}/);
  if (m) return m[0];
  const digits = code.match(/^1?(\d{13})$/);
  if (!digits) return null;
  return jBelongs ? `J${digits[1]}` : digits[0];
}

/** 编号 of a permit, e.g. 3310-01234567 (a hyphen read as a dash or 一 is a hyphen). */
export function parseSerialNumber(text: string): string | null {
  const m = foldWidth(text)
    .replace(/\s+/g, '')
    .replace(/(\d)[-－‐–—一](?=\d)/gu, '$1-')
    .match(/[0-9A-Z][0-9A-Z-]{4,}/);
  return m ? m[0] : null;
}

export function parseSex(text: string): string | null {
  const m = text.match(/[男女]/u);
  return m ? m[0] : null;
}

/**
 * Free text (names, addresses, scope): normalised spacing, separators at the ends dropped.
 * No value starts with a mark: one read between a label and its value (签发机关，杭州市…: a
 * colon, or a speck, read as a comma) is the gap's, not the value's.
 */
export function parseText(text: string): string | null {
  const value = normaliseText(text)
    .replace(/^[:：,，、;；.。\s]+/u, '')
    .trim();
  return value === '' ? null : value;
}

/**
 * The business scope. OCR confuses ； with ： (same width, one dot apart); in a scope a
 * colon only follows 项目 (一般项目：, 许可项目：), so any other colon was a semicolon, and
 * the colon those headings always have was lost where the OCR gave none (一般项目日用…).
 * A ； read ， between the activities of a headed scope is put back (repairListCommas).
 */
export function parseBusinessScope(text: string): string | null {
  const value = parseText(text);
  return value === null
    ? null
    : repairListCommas(
        sentenceEnds(
          repairScopeWording(repairMisreadWords(value))
            .replace(/(?<!项目)：/gu, '；')
            .replace(/(一般项目|许可项目)(?![：:])/gu, '$1：'),
        ),
      );
}

/**
 * A scope's parts are sentences: 许可项目：…。一般项目：…。（除依法须经批准的项目外…）. The
 * mark before a heading or before the closing clause is a 。, which a face with a small
 * or high full stop has read as ， , . ; · or lost: it is made a 。 again.
 */
function sentenceEnds(scope: string): string {
  return scope.replace(
    /(?<=[\p{Script=Han}）)])\s*[，,.;；·•・]?\s*(?=(?:一般项目|许可项目)：|[（(]除依法须经批准)/gu,
    '。',
  );
}

/**
 * The ethnicity: the leading ideographs (汉, 蒙古 …), with the （入籍） a naturalised
 * citizen's people is printed with (乌克兰（入籍）, brackets made full-width).
 */
export function parseEthnicity(text: string): string | null {
  const m = normaliseText(text).match(/(\p{Script=Han}+)(\s*[（(]\s*入籍\s*[）)])?/u);
  if (!m) return null;
  return m[2] === undefined ? m[1]! : `${m[1]!}（入籍）`;
}
