// Text as PDF text layers and OCR give it back, made fit for reading fields. Only two
// kinds of repair are made: radical code points become the ideographs they stand for, and
// spacing is tidied. Full-width and half-width characters stay exactly as printed, since
// the checks compare them (NFKC is therefore never applied to the whole text).
import { RADICAL_TO_IDEOGRAPH } from './radicals';

export { foldWidth, foldWidthChar, hasWidthAmbiguity, isWidthVariant } from './width';

/**
 * Characters between which Chinese typesetting never puts a space: ideographs (with
 * extensions and compatibility ideographs), CJK symbols and punctuation, full-width forms.
 * A space found between two of them was put there by the text layer or OCR.
 */
const CJK = String.raw`\p{Script=Han}\u3001-\u303F\uFF01-\uFF60\uFFE0-\uFFE6`;
/** Spacing OCR and PDFs emit (JS `\s` covers ASCII whitespace, U+00A0 and U+3000). */
const SPACING = String.raw`\s+`;
const SPACE_BETWEEN_CJK = new RegExp(String.raw`(?<=[${CJK}])${SPACING}(?=[${CJK}])`, 'gu');
const SPACE_RUN = new RegExp(SPACING, 'gu');
/** Zero-width characters and the soft hyphen: invisible, never part of a printed value. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const IDEOGRAPHIC_SPACE = '\u3000';

/** Each radical code point replaced by its unified ideograph (⼈ → 人, ⻓ → 长). */
export function mapRadicals(s: string): string {
  let out = '';
  for (const ch of s) {
    const ideograph = RADICAL_TO_IDEOGRAPH.get(ch.codePointAt(0) ?? 0);
    out += ideograph === undefined ? ch : String.fromCodePoint(ideograph);
  }
  return out;
}

/**
 * Text from a PDF text layer or OCR, normalised: radicals mapped to ideographs, invisible
 * characters dropped, spaces between two CJK characters removed, other runs of spacing
 * collapsed to one space (or one U+3000 when the run is only ideographic spaces), trimmed.
 * Width is never changed.
 */
export function normaliseText(s: string): string {
  return mapRadicals(s)
    .replace(INVISIBLE, '')
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(SPACE_RUN, (run) => (/^\u3000+$/u.test(run) ? IDEOGRAPHIC_SPACE : ' '))
    .trim();
}
