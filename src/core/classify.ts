// The kind of a document from its content: weighted keywords and labels of each kind,
// matched on lines (spaces and width ignored, one misread character tolerated in long
// words), so that it works on a PDF text layer and on OCR lines alike.
import type { DetectedKind, DocumentKind } from './documents';
import { DOCUMENT_KINDS } from './documents';
import type { DocumentText } from './extraction';
import { KIND_KEYWORDS } from './extract/labels';
import { pageLines, type Line, type WorkCounter } from './extract/lines';
import { foldWidth } from './text/normalise';

/** Below this score nothing is recognised. */
const MIN_SCORE = 3;

export interface Classification {
  kind: DetectedKind;
  scores: Record<DocumentKind, number>;
}

function containsFuzzy(line: string, word: string): boolean {
  if (line.includes(word)) return true;
  const w = [...word];
  if (w.length < 4) return false;
  const l = [...line];
  for (let i = 0; i + w.length <= l.length; i++) {
    let diff = 0;
    for (let k = 0; k < w.length && diff <= 1; k++) if (l[i + k] !== w[k]) diff++;
    if (diff <= 1) return true;
  }
  return false;
}

export function classifyWithScores(text: DocumentText, work?: WorkCounter): Classification {
  return classifyLines(text.pages.map((page) => pageLines(page, work)));
}

/** The classification of pages already grouped into lines (extractDocument groups once). */
export function classifyLines(pages: readonly Line[][]): Classification {
  const lines = pages.flatMap((page) =>
    page.map((line) => foldWidth(line.glyphs.map((g) => g.ch).join(''))),
  );
  const scores = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, 0])) as Record<
    DocumentKind,
    number
  >;
  for (const kind of DOCUMENT_KINDS) {
    for (const [word, weight] of KIND_KEYWORDS[kind]) {
      if (lines.some((line) => containsFuzzy(line, foldWidth(word)))) scores[kind] += weight;
    }
  }
  const ranked = [...DOCUMENT_KINDS].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0] ?? 'business-license';
  const second = ranked[1] ?? best;
  const weak = scores[best] < MIN_SCORE || scores[best] - scores[second] < 1;
  return { kind: weak ? 'unknown' : best, scores };
}

/** The document's kind, or `unknown` when the evidence is weak or ambiguous. */
export function classifyDocument(text: DocumentText, work?: WorkCounter): DetectedKind {
  return classifyWithScores(text, work).kind;
}
