// Reading one file into the documents it holds, the same in the CLI (Node) and the app
// (renderer): type sniffing → PDF text layer, or OCR for images and image-only PDFs →
// segmentation (pages and regions that are each one document) → layout extraction.
// Every failure is one sentence in `error` and its reason in `problem`, never a throw:
// the readers throw DocumentReadError, converted once here.
import { extractDocument } from '../core/extract';
import type { DocumentKind } from '../core/documents';
import { segmentText } from '../core/segment';
import type { DocumentText, ExtractedDocument, PageText, ReadProblem } from '../core/extraction';
import { DocumentReadError, unreadDocument } from '../core/read-error';
import { admit } from '../core/intake';
import type { OcrEngine, OcrProgress } from '../core/ports';
import { isRasterOcrEngine } from './engine';
import { checkNotTruncated } from './image-header';
import { withInspections, type DecodeImage, type ReadPixels } from './inspect-pages';
import {
  markGapFields,
  readGapsFromImage,
  UNREAD_GLYPH_CONFIDENCE,
  type FilledGlyph,
} from './pdf-gaps';
import {
  openPdf,
  PdfReadError,
  readOpenPdfTextKeepingGaps,
  UNMAPPED_GLYPH,
  type PdfDocument,
  type PdfReadErrorCode,
  type PdfjsLib,
  type ReadPdfOptions,
} from './pdf-text';
import type { PdfRasteriser } from './rasterise-pdf';
import { checkPdfImages } from './pdf-limits';
import type { PreparedPage } from './prepare';

export interface ReadDocumentDeps {
  /** Absent: the host is given images only (the app's OCR workers); a PDF is then a fault. */
  pdfjs?: PdfjsLib;
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
 * One element per document the text holds (see segmentText). A file that is one
 * document is read as a whole, as before; each part of a file holding several is read
 * on its own text, as the kind its page or region was classified, and says where it is.
 */
function documentsOf(
  text: DocumentText,
  file: string,
  deps: ReadDocumentDeps,
): ExtractedDocument[] {
  // A kind a person chose by hand reads the whole file as that one document.
  const parts = deps.kind ? [] : segmentText(text);
  // Each document keeps the text it was read from: a value whose label was lost may be
  // searched for there with another document's (src/core/extract/cross-document.ts).
  if (parts.length <= 1)
    return [{ ...extractDocument(text, file, extractOptions(deps)), source: text.source, text }];
  return parts.map((part) => ({
    ...extractDocument(part.text, file, part.kind === 'unknown' ? {} : { kind: part.kind }),
    source: text.source,
    text: part.text,
    page: part.pages[0]!,
    ...(part.pages.length > 1 ? { pages: part.pages } : {}),
    ...(part.region ? { region: part.region } : {}),
    ...pageSizeOf(text, part.pages[0]!),
  }));
}

function pageSizeOf(text: DocumentText, page: number): Pick<ExtractedDocument, 'pageSize'> {
  const p = text.pages.find((t) => t.page === page);
  return p ? { pageSize: { width: p.width, height: p.height } } : {};
}

/** What reading a file produced besides its documents: the analysis works on these. */
interface ReadPass {
  text?: DocumentText;
  /**
   * The pages' pixels as the OCR read them (before page preparation), page order, each with
   * what page preparation found on it.
   */
  pixels: ReadPixels[];
  /**
   * A PDF as pdfjs opened it for its text: its pages are rendered from it for OCR and for
   * the analysis (opening it again parsed the file and loaded its fonts once more, about
   * 0.3 s of CPU for a text-layer license). Destroyed once the file is read.
   */
  pdf?: PdfDocument;
}

/**
 * Pages of a scanned PDF whose pixels are kept for the image analysis (a whole dossier
 * scanned into one PDF is four): a longer file's pages are rendered again for it, which
 * keeps memory bounded (an A4 page at 300 dpi is 35 MB).
 */
const KEPT_PAGE_PIXELS = 4;

/** The engine reads the image; a raster engine hands over the pixels it decoded for the analysis. */
function recogniseImage(
  file: DocumentFile,
  mime: 'image/jpeg' | 'image/png',
  ocr: OcrEngine,
  deps: ReadDocumentDeps,
  pass: ReadPass,
): Promise<DocumentText> {
  const image = { bytes: file.bytes, mime };
  if (!isRasterOcrEngine(ocr)) return ocr.recognise(image, deps.onProgress);
  let read: ReadPixels | undefined;
  return ocr.recognise(
    image,
    deps.onProgress,
    (raster) => pass.pixels.push((read = { raster })),
    (page) => {
      if (read !== undefined) read.prepared = findings(page);
    },
  );
}

/** What the image analysis takes from page preparation (not its prepared copies). */
const findings = ({ quad, squared }: PreparedPage): ReadPixels['prepared'] => ({
  ...(quad === undefined ? {} : { quad }),
  ...(squared === undefined ? {} : { squared }),
});

async function ocrImage(
  file: DocumentFile,
  mime: 'image/jpeg' | 'image/png',
  deps: ReadDocumentDeps,
  pass: ReadPass,
): Promise<ExtractedDocument[]> {
  checkNotTruncated(file.bytes, mime);
  if (deps.ocr === undefined) throw noOcr();
  let text: DocumentText;
  try {
    text = await recogniseImage(file, mime, deps.ocr, deps, pass);
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw refuse('damaged', 'The image could not be decoded: it may be damaged or truncated.');
  }
  deps.onText?.(text);
  return documentsOf(text, file.name, deps);
}

async function ocrPdf(
  file: DocumentFile,
  deps: ReadDocumentDeps,
  pass: ReadPass,
): Promise<ExtractedDocument[]> {
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
      ...(pass.pdf === undefined ? {} : { document: pass.pdf }),
    })) {
      let prepared: ReadPixels['prepared'];
      const onPrepared = (page: PreparedPage): void => void (prepared = findings(page));
      pages.push(await ocr.recogniseRaster(raster, index++, { onPrepared }, deps.onProgress));
      // Kept only while whole: an engine that transferred the buffer to a worker left it
      // detached, and the page is then rendered again for the analysis.
      const whole = raster.data.length === raster.width * raster.height * 4;
      const contiguous = pass.pixels.length === index - 1;
      if (whole && contiguous && pass.pixels.length < KEPT_PAGE_PIXELS)
        pass.pixels.push({ raster, ...(prepared === undefined ? {} : { prepared }) });
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
  return documentsOf(text, file.name, deps);
}

/**
 * A PDF whose text layer is missing, unmapped or a scanner's invisible OCR, or that holds
 * a scanned page with no layer, is read by OCR, page by page.
 */
const OCR_INSTEAD: ReadonlySet<PdfReadErrorCode> = new Set([
  'no-text-layer',
  'unmapped-text',
  'ocr-layer',
  'scanned-page',
]);

async function read(
  file: DocumentFile,
  deps: ReadDocumentDeps,
  pass: ReadPass,
): Promise<ExtractedDocument[]> {
  const { name, bytes } = file;
  // Type, size and declared pixels: the one intake policy (src/core/intake.ts).
  const admission = admit(bytes);
  if (!admission.ok) throw new DocumentReadError(admission.problem, admission.message);
  const { mime } = admission;
  if (mime !== 'application/pdf') return ocrImage(file, mime, deps, pass);
  if (deps.pdfjs === undefined) throw new Error('A PDF was given to a reader without pdfjs.');
  await checkPdfImages(bytes);
  let text: DocumentText;
  let filled: FilledGlyph[] = [];
  try {
    pass.pdf = await openPdf(bytes, deps.pdfjs, deps.pdfOptions?.documentParams);
    const layer = await readOpenPdfTextKeepingGaps(pass.pdf, deps.pdfOptions?.maxPages);
    text = layer.text;
    if (layer.unmapped.length > 0) {
      const gaps = await readGaps(layer.text, layer.unmapped, deps, pass.pdf);
      if ('distrust' in gaps) return ocrPdf(file, deps, pass);
      ({ text, filled } = gaps);
    }
  } catch (error) {
    if (error instanceof PdfReadError && OCR_INSTEAD.has(error.code))
      return ocrPdf(file, deps, pass);
    if (error instanceof DocumentReadError) throw error;
    throw refuse('damaged', 'The PDF could not be read: it may be damaged.');
  }
  deps.onText?.(text);
  const documents = documentsOf(text, name, deps);
  if (filled.length > 0) for (const doc of documents) markGapFields(doc, filled);
  return documents;
}

/**
 * The few glyphs a text layer does not map, read from the page's image (pdf-gaps.ts); a
 * host that cannot OCR rendered pages keeps them unread, the runs holding them doubtful.
 */
async function readGaps(
  text: DocumentText,
  unmapped: Parameters<typeof readGapsFromImage>[1],
  deps: ReadDocumentDeps,
  document: PdfDocument,
): ReturnType<typeof readGapsFromImage> {
  const { ocr, rasterise } = deps;
  if (ocr !== undefined && rasterise !== undefined && isRasterOcrEngine(ocr))
    return readGapsFromImage(text, unmapped, ocr, rasterise, { document });
  const filled = unmapped.map((g) => ({ page: g.page, box: g.box, text: null }));
  const pages = text.pages.map((p) => ({
    ...p,
    items: p.items.map((i) =>
      i.text.includes(UNMAPPED_GLYPH) ? { ...i, confidence: UNREAD_GLYPH_CONFIDENCE } : i,
    ),
  }));
  return { text: { ...text, pages }, filled };
}

/**
 * Reads a file into the documents it holds, in page order (one element for most files;
 * a file that cannot be read gives one element with `error` and `problem`). Never
 * throws for a bad file.
 */
export async function readDocuments(
  input: DocumentFile,
  deps: ReadDocumentDeps,
): Promise<ExtractedDocument[]> {
  // A plain Uint8Array view: pdfjs refuses Node Buffers.
  const file = {
    name: input.name,
    bytes: new Uint8Array(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
  };
  const pass: ReadPass = { pixels: [] };
  try {
    const onText = (t: DocumentText): void => {
      pass.text = t;
      deps.onText?.(t);
    };
    const documents = await read(file, { ...deps, onText }, pass);
    // Quality and seal analysis of each document on its own page or part of a page.
    const inspectDeps = pass.pdf === undefined ? deps : { ...deps, document: pass.pdf };
    return await withInspections(documents, file.bytes, pass.text, inspectDeps, pass.pixels);
  } catch (error) {
    // Anything else is a fault of this program, not of the file: it is not hidden.
    if (!(error instanceof DocumentReadError)) throw error;
    return [unreadDocument(file.name, sentence(error.message), error.problem)];
  } finally {
    await pass.pdf?.destroy().catch(() => undefined);
  }
}

/**
 * Reads a file known to hold one document (tests, benchmarks of single documents): the
 * first document found. Hosts that take whatever people bring use readDocuments.
 */
export async function readDocument(
  input: DocumentFile,
  deps: ReadDocumentDeps,
): Promise<ExtractedDocument> {
  return (await readDocuments(input, deps))[0]!;
}
