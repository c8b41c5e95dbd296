// Work bounds for a PDF, judged before anything is decoded or rendered: the pixels of
// every image it holds (a 1 MB PDF can declare a 20000×20000 image that pdfjs would
// decode into 1.2 GB) and the pixels its pages would take to render for OCR.
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFDict } from 'pdf-lib';
import { DocumentReadError } from '../core/extraction';
import { INTAKE_LIMITS } from '../core/intake';

/** All pages of one image-only PDF together, rendered for OCR: 20 A4 pages at 200 dpi are 77 MP. */
export const MAX_RENDER_PIXELS_PER_DOCUMENT = 120_000_000;

const numberIn = (dict: PDFDict, key: string): number | undefined => {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
};

/**
 * Refuses a PDF holding an image over the pixel limit (DocumentReadError 'too-many-pixels').
 * A PDF pdf-lib cannot parse is left to the reader, which words its own refusal.
 */
export async function checkPdfImages(
  bytes: Uint8Array,
  maxPixels = INTAKE_LIMITS.maxImagePixels,
): Promise<void> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    return;
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const { dict } = object;
    if (dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = numberIn(dict, 'Width') ?? 0;
    const height = numberIn(dict, 'Height') ?? 0;
    if (width * height > maxPixels)
      throw tooManyPixels(width, height, maxPixels, 'holds an image of');
  }
}

export function tooManyPixels(
  width: number,
  height: number,
  maxPixels: number,
  what: string,
): DocumentReadError {
  const megapixels = Math.round((width * height) / 1e6);
  const limit = Math.round(maxPixels / 1e6);
  return new DocumentReadError(
    {
      reason: 'too-many-pixels',
      values: { width: Math.round(width), height: Math.round(height), megapixels, limit },
    },
    `The PDF ${what} ${Math.round(width)}×${Math.round(height)} pixels (${megapixels} MP); the limit is ${limit} MP.`,
  );
}
