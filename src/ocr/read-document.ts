// Reading one file into an ExtractedDocument, the same in the CLI (Node) and the app
// (renderer): type sniffing → PDF text layer, or OCR for images and image-only PDFs →
// layout extraction. Every failure is one sentence in `error` and its reason in
// `problem`, never a throw: the readers throw DocumentReadError, converted once here.
import { extractDocument } from '../core/extract';
import type { DocumentKind } from '../core/documents';
import {
  DocumentReadError,
  type DocumentText,
  type ExtractedDocument,
  type PageText,
  type ReadProblem,
} from '../core/extraction';
import { admit } from '../core/intake';
import type { OcrEngine, OcrProgress } from '../core/ports';
import { isRasterOcrEngine } from './engine';
import { checkNotTruncated } from './image-header';
import { withInspection, type DecodeImage } from './inspect-pages';
import { PdfReadError, readPdfText, type PdfjsLib, type ReadPdfOptions } from './pdf-text';
import type { PdfRasteriser } from './rasterise-pdf';
import { checkPdfImages } from './pdf-limits';

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
  /** Decodes an image for the quality and seal analysis; absent: images are not analysed. */
  decodeImage?: DecodeImage;
  /** Read the text as this kind (a person chose it) instead of classifying it. */
  kind?: DocumentKind;
}

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

const extractOptions = (deps: ReadDocumentDeps) => (deps.kind ? { kind: deps.kind } : {});

function failed(file: string, error: string, problem: ReadProblem): ExtractedDocument {
  return {
    file,
    kind: 'unknown',
    fields: {},
    confidence: {},
    corrections: [],
    warnings: [],
    error,
    problem,
  };
}

/** "the file is empty (0 bytes)" → "The file is empty (0 bytes)." */
function sentence(message: string): string {
  const s = message.trim();
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?。]$/.test(s) ? '' : '.');
}

/** A refusal: `message` is the sentence (or fragment, see `sentence`) people see. */
function refuse(
  reason: ReadProblem['reason'],
  message: string,
  values?: ReadProblem['values'],
): DocumentReadError {
  return new DocumentReadError(values ? { reason, values } : { reason }, message);
}

const noOcr = (): DocumentReadError =>
  refuse('no-ocr', 'No text layer: OCR is needed, and no OCR engine is available here.');

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
  checkNotTruncated(file.bytes, mime);
  if (deps.ocr === undefined) throw noOcr();
  let text: DocumentText;
  try {
    text = await deps.ocr.recognise({ bytes: file.bytes, mime }, deps.onProgress);
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw refuse('damaged', 'The image could not be decoded: it may be damaged or truncated.');
  }
  deps.onText?.(text);
  return withOcrMarks(extractDocument(text, file.name, extractOptions(deps)), text);
}

async function ocrPdf(file: DocumentFile, deps: ReadDocumentDeps): Promise<ExtractedDocument> {
  const { ocr, rasterise } = deps;
  if (ocr === undefined) throw noOcr();
  if (rasterise === undefined || !isRasterOcrEngine(ocr))
    throw refuse(
      'no-ocr',
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
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw refuse(
      'damaged',
      'The PDF pages could not be rendered for OCR: the file may be damaged.',
    );
  }
  const text: DocumentText = { source: ocr.id, pages };
  deps.onText?.(text);
  return withOcrMarks(extractDocument(text, file.name, extractOptions(deps)), text);
}

async function read(file: DocumentFile, deps: ReadDocumentDeps): Promise<ExtractedDocument> {
  const { name, bytes } = file;
  // Type, size and declared pixels: the one intake policy (src/core/intake.ts).
  const admission = admit(bytes);
  if (!admission.ok) throw new DocumentReadError(admission.problem, admission.message);
  const { mime } = admission;
  if (mime !== 'application/pdf') return ocrImage(file, mime, deps);
  await checkPdfImages(bytes);
  let text: DocumentText;
  try {
    text = await readPdfText(bytes, deps.pdfjs, deps.pdfOptions);
  } catch (error) {
    if (error instanceof PdfReadError && error.code === 'no-text-layer') return ocrPdf(file, deps);
    if (error instanceof DocumentReadError) throw error;
    throw refuse('damaged', 'The PDF could not be read: it may be damaged.');
  }
  deps.onText?.(text);
  return { ...extractDocument(text, name, extractOptions(deps)), source: text.source };
}

/** Reads one document; never throws for a bad file (see `error` and `problem`). */
export async function readDocument(
  input: DocumentFile,
  deps: ReadDocumentDeps,
): Promise<ExtractedDocument> {
  // A plain Uint8Array view: pdfjs refuses Node Buffers.
  const file = {
    name: input.name,
    bytes: new Uint8Array(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
  };
  try {
    let text: DocumentText | undefined;
    const onText = (t: DocumentText): void => {
      text = t;
      deps.onText?.(t);
    };
    return await withInspection(await read(file, { ...deps, onText }), file.bytes, text, deps);
  } catch (error) {
    // Anything else is a fault of this program, not of the file: it is not hidden.
    if (!(error instanceof DocumentReadError)) throw error;
    return failed(file.name, sentence(error.message), error.problem);
  }
}
