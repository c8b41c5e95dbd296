// Renders the pages of an image-only PDF to pixels for OCR, host-agnostic: the host
// passes pdfjs (Node: legacy build) and a canvas factory (@napi-rs/canvas / OffscreenCanvas).
import type { PDFDict as PdfDict } from 'pdf-lib';
import type { PDFPageProxy } from 'pdfjs-dist';
import type { PdfDocument, PdfDocumentParams, PdfjsLib } from './pdf-text';
import type { Raster } from './raster';
import { DocumentReadError } from '../core/read-error';
import { INTAKE_LIMITS } from '../core/intake';
import { MAX_RENDER_PIXELS_PER_DOCUMENT, parseWithPdfLib } from './pdf-limits';

/** A canvas pdfjs can draw on, and a way to read its pixels back. */
export interface RenderTarget {
  /** Passed to pdfjs `page.render({ canvas })`. */
  canvas: unknown;
  readPixels(): Uint8ClampedArray;
}

export type CreateRenderTarget = (width: number, height: number) => RenderTarget;

export interface RasteriseOptions {
  /** 200 dpi: CJK strokes stay distinct, an A4 page is 1654 × 2339 px. */
  dpi?: number;
  maxPages?: number;
  /** A page larger than this is rendered at a lower resolution (memory). */
  maxPixels?: number;
  documentParams?: PdfDocumentParams;
  /**
   * Render at the scan's own resolution when it is below `dpi`: enlarging a 137-dpi scan to
   * 200 dpi made PP-OCR misread a rare character (栖 as 梧) with 0.94 confidence in the
   * examples; the scan's own pixels read correctly.
   */
  nativeResolution?: boolean;
  /**
   * These bytes as already opened by the caller (openPdf): rendered from and left open,
   * so a file is parsed, and its fonts loaded, once for its text and its pages.
   */
  document?: PdfDocument;
  /**
   * Only this part of one page, at `scale` pixels per page unit (point): the one raster
   * yielded (a glyph the text layer does not map, read by OCR: src/ocr/pdf-gaps.ts).
   */
  region?: PdfRegion;
}

/** A part of a page (0-based) in page units at scale 1, origin top-left, and its scale. */
export interface PdfRegion {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  scale: number;
}

export type PdfRasteriser = (
  bytes: Uint8Array,
  options?: RasteriseOptions,
) => AsyncGenerator<Raster>;

/** The rasteriser's default: 200 dpi. */
const PDF_RASTER_DPI = 200;

export function createPdfRasteriser(
  pdfjs: PdfjsLib,
  createTarget: CreateRenderTarget,
  defaults: RasteriseOptions = {},
): PdfRasteriser {
  return async function* rasterise(bytes, options = {}) {
    const {
      dpi: wanted = PDF_RASTER_DPI,
      maxPages = 20,
      maxPixels = 25_000_000,
      documentParams,
      nativeResolution = false,
      document: opened,
      region,
    } = { ...defaults, ...options };
    // pdfjs skips (never decodes) an image over the cap, whatever the pre-check missed.
    const document =
      opened ??
      (await pdfjs.getDocument({
        maxImageSize: INTAKE_LIMITS.maxImagePixels,
        ...documentParams,
        data: bytes.slice(),
      }).promise);
    try {
      if (region !== undefined) {
        yield await renderRegion(document, region, createTarget);
        return;
      }
      // The scan's resolution comes from the document already open for rendering.
      const native = nativeResolution
        ? await document
            .getPage(1)
            .then((page) => largestImageDpi(bytes, page))
            .catch(() => undefined)
        : undefined;
      const dpi =
        native === undefined ? wanted : Math.max(72, Math.min(wanted, Math.round(native)));
      const count = Math.min(document.numPages, maxPages);
      // Every page's size is known before the first is rendered: pages × area is bounded.
      const scales: number[] = [];
      let total = 0;
      for (let index = 0; index < count; index++) {
        const unit = (await document.getPage(index + 1)).getViewport({ scale: 1 });
        let scale = dpi / 72;
        const pixels = unit.width * unit.height * scale * scale;
        if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
        scales.push(scale);
        total += unit.width * unit.height * scale * scale;
      }
      if (total > MAX_RENDER_PIXELS_PER_DOCUMENT) {
        const megapixels = Math.round(total / 1e6);
        const limit = Math.round(MAX_RENDER_PIXELS_PER_DOCUMENT / 1e6);
        throw new DocumentReadError(
          { reason: 'too-many-pixels', values: { megapixels, limit } },
          `The PDF's ${count} pages would take ${megapixels} MP to render for OCR; the limit is ${limit} MP.`,
        );
      }
      for (let index = 0; index < count; index++) {
        const page = await document.getPage(index + 1);
        const viewport = page.getViewport({ scale: scales[index]! });
        yield await renderViewport(
          page,
          viewport,
          Math.ceil(viewport.width),
          Math.ceil(viewport.height),
          createTarget,
        );
      }
    } finally {
      if (opened === undefined) await document.destroy();
    }
  };
}

/** Largest side of a region rendered (pixels): a crop, never a page. */
const MAX_REGION_SIDE = 4096;

async function renderRegion(
  document: PdfDocument,
  { page: index, x, y, w, h, scale: wanted }: PdfRegion,
  createTarget: CreateRenderTarget,
): Promise<Raster> {
  const scale = Math.min(wanted, MAX_REGION_SIDE / Math.max(w, h, 1));
  const page = await document.getPage(index + 1);
  const viewport = page.getViewport({ scale, offsetX: -x * scale, offsetY: -y * scale });
  const width = Math.max(1, Math.ceil(w * scale));
  const height = Math.max(1, Math.ceil(h * scale));
  return renderViewport(page, viewport, width, height, createTarget);
}

/** The page drawn through `viewport` on a white canvas of width × height, as a raster. */
async function renderViewport(
  page: Awaited<ReturnType<PdfDocument['getPage']>>,
  viewport: ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getViewport']>,
  width: number,
  height: number,
  createTarget: CreateRenderTarget,
): Promise<Raster> {
  const target = createTarget(width, height);
  await page.render({
    canvas: target.canvas as HTMLCanvasElement,
    viewport,
    background: 'white',
  }).promise;
  page.cleanup();
  return { width, height, data: target.readPixels() };
}

/**
 * The pixel sizes of the images page `pageIndex` (from 0) draws as image XObjects, also
 * inside form XObjects, read from the PDF's dictionaries with pdf-lib: nothing is decoded.
 * (pdfjs's operator list gave the same sizes, but building it decoded the scan, which the
 * rendering then decoded again: 0.13-0.24 s of CPU per scanned PDF.) Image masks are
 * stencils, not scans. None when pdf-lib cannot parse the file.
 */
export async function pageImageSizes(
  bytes: Uint8Array,
  pageIndex: number,
): Promise<{ width: number; height: number }[]> {
  const parsed = await parseWithPdfLib(bytes);
  if (parsed === undefined) return [];
  const { lib, doc } = parsed;
  const { PDFBool, PDFDict, PDFName, PDFNumber, PDFStream } = lib;
  const page = doc.getPages()[pageIndex];
  if (page === undefined) return [];
  const sizes: { width: number; height: number }[] = [];
  const seen = new Set<PdfDict>();
  const visit = (resources: PdfDict | undefined, depth: number): void => {
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (xobjects === undefined || depth > MAX_FORM_DEPTH) return;
    for (const [, ref] of xobjects.entries()) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFStream) || seen.has(stream.dict)) continue;
      const { dict } = stream;
      seen.add(dict);
      const subtype = dict.lookup(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Form')) {
        visit(dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1);
        continue;
      }
      if (subtype !== PDFName.of('Image') || dict.lookup(PDFName.of('ImageMask')) === PDFBool.True)
        continue;
      const width = dict.lookup(PDFName.of('Width'));
      const height = dict.lookup(PDFName.of('Height'));
      if (width instanceof PDFNumber && height instanceof PDFNumber)
        sizes.push({ width: width.asNumber(), height: height.asNumber() });
    }
  };
  visit(page.node.Resources(), 0);
  return sizes;
}

/** Form XObjects nested deeper than this are not looked into. */
const MAX_FORM_DEPTH = 8;

/**
 * The resolution of the largest image a page draws, in pixels per inch of the page (the
 * scan inside an image-only PDF); undefined when the page draws no image.
 */
async function largestImageDpi(bytes: Uint8Array, page: PDFPageProxy): Promise<number | undefined> {
  const unit = page.getViewport({ scale: 1 });
  const longInches = Math.max(unit.width, unit.height) / 72;
  let best: number | undefined;
  for (const { width, height } of await pageImageSizes(bytes, page.pageNumber - 1)) {
    const dpi = Math.max(width, height) / longInches;
    if (Number.isFinite(dpi) && (best === undefined || dpi > best)) best = dpi;
  }
  return best;
}

/** The resolution of the scan inside an image-only PDF (its first page); see largestImageDpi. */
export async function scannedImageDpi(
  pdfjs: PdfjsLib,
  bytes: Uint8Array,
  documentParams: PdfDocumentParams = {},
): Promise<number | undefined> {
  const document = await pdfjs.getDocument({ ...documentParams, data: bytes.slice() }).promise;
  try {
    const page = await document.getPage(1);
    const dpi = await largestImageDpi(bytes, page);
    page.cleanup();
    return dpi;
  } finally {
    await document.destroy();
  }
}
