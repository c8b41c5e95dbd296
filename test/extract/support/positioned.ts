// Synthetic positioned text for reader tests: items placed by hand on one page.
import type { DocumentText, TextItem } from '../../../src/core/extraction';

/** One text item at (x, y), characters h high (full-width ones h wide). */
export function item(text: string, x: number, y: number, h = 20, confidence = 1): TextItem {
  const w = [...text].reduce(
    (sum, ch) => sum + (ch === '\u3000' || ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55) * h,
    0,
  );
  return { page: 0, x, y, w, h, text, confidence };
}

/** A one-page text of those items. */
export function page(items: TextItem[], source: DocumentText['source'] = 'pdf-text'): DocumentText {
  return { source, pages: [{ page: 0, width: 1200, height: 900, items }] };
}

/** A one-page text of those items on a width × height page, as an OCR engine gives it. */
export function ocrText(
  items: TextItem[],
  width = 1700,
  height = 2400,
  source: DocumentText['source'] = 'paddle',
): DocumentText {
  return { source, pages: [{ page: 0, width, height, items }] };
}

/** A recorded OCR item: its box, its confidence and its text, as PP-OCR gave them. */
export type OcrRow = [x: number, y: number, w: number, h: number, confidence: number, text: string];

/** A one-page OCR text of recorded items (real PP-OCR output kept in a test). */
export function ocrPage(rows: readonly OcrRow[], width: number, height: number): DocumentText {
  const items: TextItem[] = rows.map(([x, y, w, h, confidence, text]) => ({
    page: 0,
    x,
    y,
    w,
    h,
    text,
    confidence,
  }));
  return { source: 'paddle', pages: [{ page: 0, width, height, items }] };
}
