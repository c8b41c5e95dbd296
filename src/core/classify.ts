// The kind of a document from its content: weighted keywords and labels of each kind,
// matched on lines (spaces and width ignored, one misread or one inserted character
// tolerated in long words: a watermark's glyph read into a label), and values only one
// kind prints (an ID number, a J-number, an ID card's validity term), so that it works on
// a PDF text layer and on OCR lines alike.
import type { DetectedKind, DocumentKind } from './documents';
import { DOCUMENT_KINDS } from './document-fields';
import type { DocumentText } from './extraction';
import { KIND_KEYWORDS } from './extract/labels';
import { pageLines, type Line, type WorkCounter } from './extract/lines';
import { foldWidth } from './text/normalise';
import { containsFuzzy } from './text/fuzzy';
import { birthDateFromIdNumber, isIdNumberShaped } from './codes/id-number';
import { linePrintsDate } from './extract/printed-date';

/** Below this score nothing is recognised. */
const MIN_SCORE = 3;

export interface Classification {
  kind: DetectedKind;
  scores: Record<DocumentKind, number>;
}

/** Weight of a value only one kind prints, found by its type. */
const VALUE_EVIDENCE = 2;
const ID_NUMBER_RUN = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/gu;
const ACCOUNT_CODE = /(?<![0-9A-Z])J\d{13}(?!\d)/u;
const BIRTH_LINE = /出生\d{4}年\d{1,2}月\d{1,2}日/u;
const ID_TERM = /\d{4}[.-]\d{2}[.-]\d{2}-(?:\d{4}[.-]\d{2}[.-]\d{2}|长期)/u;

/**
 * The ID numbers a line prints, by their shape (isIdNumberShaped): the check digit is not
 * asked for, as one misread digit fails it, and the shape alone is what no other kind
 * prints. The line is searched
 * whole (a number split over two OCR boxes) and box by box: a misread label beside the
 * number (公民身份号码 read as `KAS14`) runs into it on the line and hides it there.
 */
function idNumbersOn(line: Line): string[] {
  const items = new Map<number | undefined, string>();
  for (const g of line.glyphs) items.set(g.item, (items.get(g.item) ?? '') + g.key);
  const texts = [line.glyphs.map((g) => g.key).join(''), ...(items.size > 1 ? items.values() : [])];
  const found = texts.flatMap((text) =>
    [...text.replace(/\s/gu, '').toUpperCase().matchAll(ID_NUMBER_RUN)].map((m) => m[0]),
  );
  return [...new Set(found)].filter(isIdNumberShaped);
}

/**
 * The birth date an ID number holds (digits 7-14) printed on a line of its own as a date:
 * what a card front prints under its 出生 label, and no other document does (with its
 * 年 月 日 lost too, as three numbers: linePrintsDate).
 */
function birthDatePrinted(lines: readonly Line[], numbers: readonly string[]): boolean {
  const births = numbers.map((n) => birthDateFromIdNumber(n)).filter((b) => b !== null);
  return lines.some((line) => {
    const text = line.glyphs.map((g) => g.key).join('');
    if (/\d{17}[\dX]/u.test(text.replace(/\s/gu, '').toUpperCase())) return false;
    return births.some((birth) => linePrintsDate(line, birth));
  });
}

/** Values whose type says the kind, wherever they stand: evidence when labels were lost. */
function valueEvidence(
  lines: readonly string[],
  kind: DocumentKind,
  grouped: readonly Line[],
): number {
  const compact = lines.map((line) => line.replace(/\s/gu, '').toUpperCase());
  switch (kind) {
    case 'id-card-front': {
      const numbers = grouped.flatMap(idNumbersOn);
      // Its birth line, 出生 and a date (出生1981年4月10日): no other kind prints a birth.
      const birth = compact.some((line) => BIRTH_LINE.test(line)) ? 1 : 0;
      if (numbers.length === 0) return birth;
      // The birth date it holds printed too (出生 and the number's label both lost).
      return birthDatePrinted(grouped, numbers) ? 2 * VALUE_EVIDENCE : VALUE_EVIDENCE;
    }
    case 'id-card-back':
      return compact.some((line) => ID_TERM.test(line)) &&
        compact.some((l) => /公安局|分局/u.test(l))
        ? VALUE_EVIDENCE
        : 0;
    case 'bank-permit':
      return compact.some((line) => ACCOUNT_CODE.test(line)) ? VALUE_EVIDENCE : 0;
    default:
      return 0;
  }
}

export function classifyWithScores(text: DocumentText, work?: WorkCounter): Classification {
  return classifyLines(text.pages.map((page) => pageLines(page, work)));
}

/** The classification of pages already grouped into lines (extractDocument groups once). */
export function classifyLines(pages: readonly Line[][]): Classification {
  const grouped = pages.flat();
  const lines = grouped.map((line) => foldWidth(line.glyphs.map((g) => g.ch).join('')));
  const scores = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, 0])) as Record<
    DocumentKind,
    number
  >;
  for (const kind of DOCUMENT_KINDS) {
    for (const [word, weight] of KIND_KEYWORDS[kind]) {
      if (lines.some((line) => containsFuzzy(line, foldWidth(word)))) scores[kind] += weight;
    }
    scores[kind] += valueEvidence(lines, kind, grouped);
  }
  const ranked = [...DOCUMENT_KINDS].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0] ?? 'business-license';
  const second = ranked[1] ?? best;
  const weak = scores[best] < MIN_SCORE || scores[best] - scores[second] < 1;
  return { kind: weak ? 'unknown' : best, scores };
}

/**
 * The kind the evidence leans to where it may be too weak to be recognised: at least one
 * typed value only that kind prints (or labels weighing as much), and more than any other
 * kind's; null where no kind has that much.
 */
export function leaningKind(scores: Record<DocumentKind, number>): DocumentKind | null {
  const ranked = [...DOCUMENT_KINDS].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = ranked;
  if (best === undefined || scores[best] < VALUE_EVIDENCE) return null;
  return second !== undefined && scores[best] - scores[second] < 1 ? null : best;
}

/** The document's kind, or `unknown` when the evidence is weak or ambiguous. */
export function classifyDocument(text: DocumentText, work?: WorkCounter): DetectedKind {
  return classifyWithScores(text, work).kind;
}
