// Renders the pages of an image-only PDF to pixels for OCR, host-agnostic: the host
// passes pdfjs (Node: legacy build) and a canvas factory (@napi-rs/canvas / OffscreenCanvas).
import type { PdfDocumentParams, PdfjsLib } from './pdf-text';
import type { Raster } from './raster';

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
}

export type PdfRasteriser = (
  bytes: Uint8Array,
  options?: RasteriseOptions,
) => AsyncGenerator<Raster>;

export function createPdfRasteriser(
  pdfjs: PdfjsLib,
  createTarget: CreateRenderTarget,
  defaults: RasteriseOptions = {},
): PdfRasteriser {
  return async function* rasterise(bytes, options = {}) {
    const {
      dpi = 200,
      maxPages = 20,
      maxPixels = 25_000_000,
      documentParams,
    } = { ...defaults, ...options };
    const document = await pdfjs.getDocument({ ...documentParams, data: bytes.slice() }).promise;
    try {
      const count = Math.min(document.numPages, maxPages);
      for (let index = 0; index < count; index++) {
        const page = await document.getPage(index + 1);
        const unit = page.getViewport({ scale: 1 });
        let scale = dpi / 72;
        const pixels = unit.width * unit.height * scale * scale;
        if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
        const viewport = page.getViewport({ scale });
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        const target = createTarget(width, height);
        await page.render({
          canvas: target.canvas as HTMLCanvasElement,
          viewport,
          background: 'white',
        }).promise;
        page.cleanup();
        yield { width, height, data: target.readPixels() };
      }
    } finally {
      await document.destroy();
    }
  };
}
