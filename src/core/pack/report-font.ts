// The CJK font the report and PDF watermarks are drawn with, passed in by the host (the
// bytes come from a file in Node, from a bundled asset in the app).
import type { PDFDocument } from 'pdf-lib';

/** What `PDFDocument.registerFontkit` accepts. */
export type PdfFontkit = Parameters<PDFDocument['registerFontkit']>[0];

export interface ReportFont {
  fontkit: PdfFontkit;
  /** An OpenType/TrueType font covering Simplified Chinese; embedded as a subset. */
  bytes: Uint8Array;
}
