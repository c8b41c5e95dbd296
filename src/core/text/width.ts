// Full-width and half-width forms. The checks compare characters exactly as printed
// (（ and ( differ), so nothing here is applied to values silently: the diff uses
// `foldWidth` to *name* a difference, the address comparison uses it on purpose, and
// `hasWidthAmbiguity` marks OCR values a person must confirm against the image.

const FULLWIDTH_ASCII_FIRST = 0xff01; // ！
const FULLWIDTH_ASCII_LAST = 0xff5e; // ～
const FULLWIDTH_TO_ASCII_OFFSET = 0xff01 - 0x21;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width signs with a half-width twin outside the ASCII block (￠￡￢￣￤￥). */
const FULLWIDTH_SIGNS: ReadonlyMap<number, number> = new Map([
  [0xffe0, 0x00a2],
  [0xffe1, 0x00a3],
  [0xffe2, 0x00ac],
  [0xffe3, 0x00af],
  [0xffe4, 0x00a6],
  [0xffe5, 0x00a5],
]);

/** Half-width CJK punctuation (｡｢｣､) and the ordinary full-width marks they stand for. */
const HALFWIDTH_CJK_PUNCTUATION: ReadonlyMap<number, number> = new Map([
  [0xff61, 0x3002],
  [0xff62, 0x300c],
  [0xff63, 0x300d],
  [0xff64, 0x3001],
]);

/** One code point folded to a single width: full-width ASCII to ASCII, U+3000 to a space. */
export function foldWidthChar(ch: string): string {
  const cp = ch.codePointAt(0);
  if (cp === undefined || ch.length > 2) return ch;
  if (cp >= FULLWIDTH_ASCII_FIRST && cp <= FULLWIDTH_ASCII_LAST) {
    return String.fromCodePoint(cp - FULLWIDTH_TO_ASCII_OFFSET);
  }
  if (cp === IDEOGRAPHIC_SPACE) return ' ';
  const sign = FULLWIDTH_SIGNS.get(cp) ?? HALFWIDTH_CJK_PUNCTUATION.get(cp);
  return sign === undefined ? ch : String.fromCodePoint(sign);
}

/** The whole string folded to one width (for comparisons that ignore width on purpose). */
export function foldWidth(s: string): string {
  let out = '';
  for (const ch of s) out += foldWidthChar(ch);
  return out;
}

/** True when a and b are different code points that are the same character in another width. */
export function isWidthVariant(a: string, b: string): boolean {
  return a !== b && foldWidthChar(a) === foldWidthChar(b);
}

function existsInBothWidths(cp: number): boolean {
  return (
    (cp >= 0x21 && cp <= 0x7e) ||
    (cp >= FULLWIDTH_ASCII_FIRST && cp <= FULLWIDTH_ASCII_LAST) ||
    cp === 0x20 ||
    cp === IDEOGRAPHIC_SPACE ||
    FULLWIDTH_SIGNS.has(cp) ||
    [...FULLWIDTH_SIGNS.values()].includes(cp) ||
    HALFWIDTH_CJK_PUNCTUATION.has(cp) ||
    [...HALFWIDTH_CJK_PUNCTUATION.values()].includes(cp)
  );
}

/**
 * True when s holds a character that exists in both widths (brackets, digits, Latin
 * letters, punctuation such as ：，, spaces): OCR cannot tell which width was printed, so
 * such a value needs a person's confirmation before a check compares it.
 */
export function hasWidthAmbiguity(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp !== undefined && existsInBothWidths(cp)) return true;
  }
  return false;
}
