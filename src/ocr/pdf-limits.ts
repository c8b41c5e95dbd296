// Work bounds for a PDF, judged before anything is decoded or rendered: the pixels of
// every image it holds (a 1 MB PDF can declare a 20000×20000 image that pdfjs would
// decode into 1.2 GB) and the pixels its pages would take to render for OCR.
import type * as PdfLibModule from 'pdf-lib';
import type { PDFDict, PDFDocument } from 'pdf-lib';
import { DocumentReadError } from '../core/read-error';
import { INTAKE_LIMITS } from '../core/intake';

/** All pages of one image-only PDF together, rendered for OCR: 20 A4 pages at 200 dpi are 77 MP. */
export const MAX_RENDER_PIXELS_PER_DOCUMENT = 120_000_000;

type PdfLib = typeof PdfLibModule;

const numberIn = (lib: PdfLib, dict: PDFDict, key: string): number | undefined => {
  const value = dict.lookup(lib.PDFName.of(key));
  return value instanceof lib.PDFNumber ? value.asNumber() : undefined;
};

/**
 * The PDF parsed by pdf-lib for reading its dictionaries (encryption ignored, nothing
 * written back), with the module; undefined when pdf-lib cannot parse it. Loaded here,
 * not with this module: an image file never needs pdf-lib (60 modules).
 */
export async function parseWithPdfLib(
  bytes: Uint8Array,
): Promise<{ lib: PdfLib; doc: PDFDocument } | undefined> {
  const imported = await import('pdf-lib');
  // pdf-lib is CommonJS: bundled (the CLI), its dynamic import gives the exports as
  // `default` only, and `PDFDocument` was undefined there (every check passed unread).
  const lib =
    imported.PDFDocument === undefined
      ? (imported as unknown as { default: PdfLib }).default
      : imported;
  try {
    const doc = await lib.PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    return { lib, doc };
  } catch {
    return undefined;
  }
}

/**
 * False when the file holds no image XObject, seen without parsing it: a stream's
 * dictionary is never inside an object stream (ISO 32000-1, 7.5.7), so an image's
 * `/Subtype /Image` stands in the file's own bytes, and a text-layer PDF without one is
 * not parsed by pdf-lib at all (its load and parse were about 0.11 s of the 0.95 s CPU of
 * `dossier extract` on a text-layer license). A Subtype spelled with # escapes
 * (`/Im#61ge`) counts as one. (pdfjs never decodes an image over the limit either way:
 * openPdf's maxImageSize.)
 */
export function mayHoldImages(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(bytes);
  return text.includes('/Image') || /\/Subtype\s*\/[^\s/<>[\]()]*#/.test(text);
}

/**
 * Refuses a PDF holding an image over the pixel limit (DocumentReadError 'too-many-pixels').
 * A PDF pdf-lib cannot parse is left to the reader, which words its own refusal.
 */
export async function checkPdfImages(
  bytes: Uint8Array,
  maxPixels = INTAKE_LIMITS.maxImagePixels,
): Promise<void> {
  if (!mayHoldImages(bytes)) return;
  const parsed = await parseWithPdfLib(bytes);
  if (parsed === undefined) return;
  const { lib, doc } = parsed;
  const { PDFName, PDFRawStream } = lib;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const { dict } = object;
    if (dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = numberIn(lib, dict, 'Width') ?? 0;
    const height = numberIn(lib, dict, 'Height') ?? 0;
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
