// Reading one file into an ExtractedDocument, the same in the CLI (Node) and the app
// (renderer): type sniffing → PDF text layer, or OCR for images and image-only PDFs →
// layout extraction. Every failure is one sentence in `error`, never a throw.
import { extractDocument } from '../core/extract';
import type { DocumentText, ExtractedDocument, PageText } from '../core/extraction';
import { sniffMime } from '../core/file-type';
import type { OcrEngine, OcrProgress } from '../core/ports';
import { isRasterOcrEngine } from './engine';
import { isTruncatedImage, MAX_IMAGE_PIXELS, readImageDimensions } from './image-header';
import { PdfReadError, readPdfText, type PdfjsLib, type ReadPdfOptions } from './pdf-text';
import type { PdfRasteriser } from './rasterise-pdf';

/** Files above this are refused (the CLI also checks before reading from disk). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface ReadDocumentDeps {
  pdfjs: PdfjsLib;
  /** Host getDocument parameters (Node: local cMaps and fonts), page limit. */
  pdfOptions?: ReadPdfOptions;
  /** Absent: images and image-only PDFs give the error "no text layer: OCR is needed". */
  ocr?: OcrEngine;
  /** Renders image-only PDF pages for OCR; absent: such PDFs cannot be OCR'd on this host. */
  rasterise?: PdfRasteriser;
  onProgress?: (p: OcrProgress) => void;
  /**
   * Called with the text as read, before extraction: a host that needs the pages' sizes
   * (the review screen's geometry) takes them from here instead of opening the file again.
   */
  onText?: (text: DocumentText) => void;
}

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

function failed(file: string, error: string): ExtractedDocument {
  return {
    file,
    kind: 'unknown',
    fields: {},
    confidence: {},
    corrections: [],
    warnings: [],
    error,
  };
}

/** "the file is empty (0 bytes)" → "The file is empty (0 bytes)." */
function sentence(message: string): string {
  const s = message.trim();
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?。]$/.test(s) ? '' : '.');
}

const NO_OCR = 'No text layer: OCR is needed, and no OCR engine is available here.';

/**
 * extractDocument marks OCR values of the fields compared character for character that
 * hold width-ambiguous characters (（ vs () as needing confirmation; the source is kept.
 */
function withOcrMarks(doc: ExtractedDocument, text: DocumentText): ExtractedDocument {
  return { ...doc, source: text.source };
}

async function ocrImage(
  file: DocumentFile,
  mime: 'image/jpeg' | 'image/png',
  deps: ReadDocumentDeps,
): Promise<ExtractedDocument> {
  const dimensions = readImageDimensions(file.bytes, mime);
  if (dimensions === null || dimensions.width === 0 || dimensions.height === 0)
    return failed(file.name, 'The image is damaged: its size cannot be read from its header.');
  const pixels = dimensions.width * dimensions.height;
  if (pixels > MAX_IMAGE_PIXELS) {
    const mp = Math.round(pixels / 1e6);
    return failed(
      file.name,
      `The image is ${dimensions.width} × ${dimensions.height} pixels (${mp} megapixels), over the 100-megapixel limit.`,
    );
  }
  if (isTruncatedImage(file.bytes, mime))
    return failed(file.name, 'The image is truncated: its end is missing, so it cannot be read.');
  if (deps.ocr === undefined) return failed(file.name, NO_OCR);
  let text: DocumentText;
  try {
    text = await deps.ocr.recognise({ bytes: file.bytes, mime }, deps.onProgress);
  } catch {
    return failed(file.name, 'The image could not be decoded: it may be damaged or truncated.');
  }
  deps.onText?.(text);
  return withOcrMarks(extractDocument(text, file.name), text);
}

async function ocrPdf(file: DocumentFile, deps: ReadDocumentDeps): Promise<ExtractedDocument> {
  const { ocr, rasterise } = deps;
  if (ocr === undefined) return failed(file.name, NO_OCR);
  if (rasterise === undefined || !isRasterOcrEngine(ocr))
    return failed(
      file.name,
      'No text layer: OCR is needed, and this host cannot render PDF pages for OCR.',
    );
  const pages: PageText[] = [];
  try {
    let index = 0;
    for await (const raster of rasterise(file.bytes, {
      maxPages: deps.pdfOptions?.maxPages ?? 20,
    })) {
      pages.push(await ocr.recogniseRaster(raster, index++, {}, deps.onProgress));
    }
  } catch {
    return failed(
      file.name,
      'The PDF pages could not be rendered for OCR: the file may be damaged.',
    );
  }
  const text: DocumentText = { source: ocr.id, pages };
  deps.onText?.(text);
  return withOcrMarks(extractDocument(text, file.name), text);
}

/** Reads one document; never throws for a bad file (the reason is in `error`). */
export async function readDocument(
  input: DocumentFile,
  deps: ReadDocumentDeps,
): Promise<ExtractedDocument> {
  // A plain Uint8Array view: pdfjs refuses Node Buffers.
  const file = {
    name: input.name,
    bytes: new Uint8Array(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
  };
  const { name, bytes } = file;
  if (bytes.length === 0) return failed(name, 'The file is empty (0 bytes).');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return failed(
      name,
      `The file is ${Math.round(bytes.length / 1048576)} MB, over the 50 MB limit.`,
    );
  }
  const mime = sniffMime(bytes);
  if (mime === 'image/jpeg' || mime === 'image/png') return ocrImage(file, mime, deps);
  if (mime !== 'application/pdf') {
    return failed(name, 'The file is neither a PDF nor a JPG or PNG image.');
  }
  let text: DocumentText;
  try {
    text = await readPdfText(bytes, deps.pdfjs, deps.pdfOptions);
  } catch (error) {
    if (error instanceof PdfReadError && error.code === 'no-text-layer') return ocrPdf(file, deps);
    if (error instanceof PdfReadError) return failed(name, sentence(error.message));
    return failed(name, 'The PDF could not be read: it may be damaged.');
  }
  deps.onText?.(text);
  return { ...extractDocument(text, name), source: text.source };
}
