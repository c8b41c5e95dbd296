// Draws one page in the coordinate space of its boxes (PageGeometry), for the review
// screen and the slots' thumbnails: PDF text layers are in points at scale 1; OCR'd pages
// in the pixels of the page the engine read: a photographed page cut out and squared,
// turned by `rotation` and deskewed as prepare.ts did, scaled. The pixel work (decoding a
// scan, estimating its skew on a 1,000 px copy, scaling it, encoding the result) runs in a
// worker (render.worker.ts), off the main thread: on the main thread it made tasks of
// 100 ms to over a second per slot. Only a PDF page's rendering by pdfjs stays here
// (pdfjs parses in its own worker and yields between operator chunks); its pixels then go
// to the worker as an ImageBitmap.
import { sniffMime } from '../../core/file-type';
import { decodeBitmapAsStored } from '../../ocr/codec.web';
import { readExifOrientationBrowser } from '../../ocr/exif.web';
import { findPageQuad, rectify, type Quad } from '../../ocr/page-quad';
import { exifMirrored, turnForExifOrientation } from '../../ocr/orientation';
import { pageSkew } from '../../ocr/prepare';
import type { Raster } from '../../ocr/raster';
import type { PdfDocumentParams, PdfjsLib } from '../../ocr/pdf-text';
import type { PageGeometry } from '../model/contract';

type Source = ImageBitmap | OffscreenCanvas;

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot create a 2D canvas to draw the page.');
  return ctx;
}

/** The source's pixels as stored, scaled down so the long side is at most `maxSide`. */
function pixelsOf(source: Source, maxSide: number): Raster {
  const k = Math.min(1, maxSide / Math.max(source.width, source.height));
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(source.width * k)),
    Math.max(1, Math.round(source.height * k)),
  );
  const ctx = context(canvas);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data };
}

/**
 * A photographed page cut from its surroundings and squared as prepare.ts does
 * (page-quad.ts), at about the size it is drawn; null when the source is no such photo.
 */
function squaredPage(source: Source, drawnLongSide: number): OffscreenCanvas | null {
  // Looked for on a small copy (every page drawn pays for it), cut from a larger one.
  const probe = pixelsOf(source, 480);
  const found = findPageQuad(probe);
  if (!found) return null;
  const work = pixelsOf(source, Math.max(480, Math.round(drawnLongSide * 1.25)));
  const k = work.width / probe.width;
  const quad = found.map(([x, y]) => [x * k, y * k] as const) as unknown as Quad;
  const page = rectify(work, quad);
  const canvas = new OffscreenCanvas(page.width, page.height);
  context(canvas).putImageData(
    new ImageData(new Uint8ClampedArray(page.data), page.width, page.height),
    0,
    0,
  );
  return canvas;
}

/**
 * The skew prepare.ts corrected: estimated again (pageSkew) on a ≤ 1000 px copy flipped
 * and turned as the EXIF orientation says; `cut` when the source is a squared photo.
 */
function estimateSkew(
  source: Source,
  exifTurn: 0 | 90 | 180 | 270,
  mirrored: boolean,
  cut: boolean,
): number {
  const k = Math.min(1, 1000 / Math.max(source.width, source.height));
  const w = Math.max(1, Math.round(source.width * k));
  const h = Math.max(1, Math.round(source.height * k));
  const swap = exifTurn === 90 || exifTurn === 270;
  const canvas = new OffscreenCanvas(swap ? h : w, swap ? w : h);
  const ctx = context(canvas);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((exifTurn * Math.PI) / 180);
  if (mirrored) ctx.scale(-1, 1);
  ctx.drawImage(source, -w / 2, -h / 2, w, h);
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return pageSkew({ width: pixels.width, height: pixels.height, data: pixels.data }, cut);
}

/**
 * The source (flipped first when `mirrored`) turned by `rotation` and `skewDegrees`
 * clockwise, scaled to geometry × scale.
 */
function drawTurned(
  source: Source,
  geometry: PageGeometry,
  skewDegrees: number,
  scale: number,
  mirrored = false,
): OffscreenCanvas {
  const width = Math.max(1, Math.round(geometry.width * scale));
  const height = Math.max(1, Math.round(geometry.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = context(canvas);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const swap = geometry.rotation === 90 || geometry.rotation === 270;
  // Drawn before turning: the source's own width maps to the turned page's width or height.
  const drawW = swap ? height : width;
  const drawH = swap ? width : height;
  ctx.translate(width / 2, height / 2);
  ctx.rotate(((geometry.rotation + skewDegrees) * Math.PI) / 180);
  ctx.imageSmoothingQuality = 'high';
  if (mirrored) ctx.scale(-1, 1);
  ctx.drawImage(source, -drawW / 2, -drawH / 2, drawW, drawH);
  return canvas;
}

/** What the render worker draws: a whole image file, or a rendered PDF page to turn. */
export type DrawRequest =
  | { type: 'image'; bytes: Uint8Array; mime: string; geometry: PageGeometry; scale: number }
  | { type: 'turn'; bitmap: ImageBitmap; geometry: PageGeometry; scale: number };

const drawnLongSide = (geometry: PageGeometry, scale: number): number =>
  Math.max(geometry.width, geometry.height) * scale;

/** Draws a request (in the render worker): the page as a JPEG (an image) or a PNG (a PDF page). */
export async function drawPage(request: DrawRequest): Promise<Blob> {
  const { geometry, scale } = request;
  if (request.type === 'turn') {
    const { bitmap } = request;
    try {
      const squared = squaredPage(bitmap, drawnLongSide(geometry, scale));
      const source = squared ?? bitmap;
      const skew = estimateSkew(source, 0, false, squared !== null);
      const canvas = drawTurned(source, geometry, skew, scale);
      return await canvas.convertToBlob({ type: 'image/png' });
    } finally {
      bitmap.close();
    }
  }
  const mime = sniffMime(request.bytes);
  const bitmap = await decodeBitmapAsStored(
    request.bytes,
    mime === 'image/jpeg' || mime === 'image/png' ? mime : request.mime,
  );
  try {
    const orientation =
      mime === 'image/jpeg' ? await readExifOrientationBrowser(request.bytes) : undefined;
    const mirrored = exifMirrored(orientation);
    // Squared as stored: the EXIF turn and flip apply to the page cut out.
    const squared = squaredPage(bitmap, drawnLongSide(geometry, scale));
    const source = squared ?? bitmap;
    const skew = estimateSkew(
      source,
      turnForExifOrientation(orientation),
      mirrored,
      squared !== null,
    );
    const canvas = drawTurned(source, geometry, skew, scale, mirrored);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  } finally {
    bitmap.close();
  }
}

/** Messages between the renderer and render.worker.ts. */
export type DrawMessage = { id: number; request: DrawRequest };
export type DrawAnswer = { id: number; blob: Blob } | { id: number; error: string };

/** The render worker, started on first use; `draw` sends it one request. */
export interface PageRenderer {
  draw(request: DrawRequest): Promise<Blob>;
  dispose(): void;
}

export function createPageRenderer(): PageRenderer {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (b: Blob) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error): void => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  function spawn(): Worker {
    if (worker) return worker;
    const created = new Worker(new URL('./render.worker.ts', import.meta.url), {
      type: 'module',
      name: 'render',
    });
    created.onmessage = (event: MessageEvent<DrawAnswer>) => {
      const answer = event.data;
      const call = pending.get(answer.id);
      if (!call) return;
      pending.delete(answer.id);
      if ('blob' in answer) call.resolve(answer.blob);
      else call.reject(new Error(answer.error));
    };
    created.onerror = (event) => {
      event.preventDefault();
      // A worker that failed to start or crashed goes; the next request starts another.
      created.terminate();
      if (worker === created) worker = undefined;
      failAll(new Error(`The page could not be drawn: ${event.message || 'the worker stopped'}.`));
    };
    worker = created;
    return created;
  }
  return {
    draw(request) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const transfer: Transferable[] =
          request.type === 'turn' ? [request.bitmap] : [request.bytes.buffer as ArrayBuffer];
        spawn().postMessage({ id, request } satisfies DrawMessage, transfer);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll(new Error('The page renderer was closed.'));
    },
  };
}

export async function renderPageImage(
  file: { bytes: Uint8Array; mime: string },
  index: number,
  geometry: PageGeometry,
  scale: number,
  pdf: () => Promise<{ pdfjs: PdfjsLib; documentParams: PdfDocumentParams | undefined }>,
  renderer: PageRenderer,
): Promise<Blob> {
  const mime = sniffMime(file.bytes);
  if (mime === 'application/pdf') {
    const { pdfjs, documentParams } = await pdf();
    const doc = await pdfjs.getDocument({ ...documentParams, data: file.bytes.slice() }).promise;
    try {
      const page = await doc.getPage(index + 1);
      const unit = page.getViewport({ scale: 1 });
      const textLayer =
        geometry.rotation === 0 &&
        Math.abs(geometry.width - unit.width) < 0.5 &&
        Math.abs(geometry.height - unit.height) < 0.5;
      // OCR'd page: rendered at the size of the read page (before its turn), then turned.
      const swap = geometry.rotation === 90 || geometry.rotation === 270;
      const pdfScale = textLayer
        ? scale
        : ((swap ? geometry.height : geometry.width) * scale) / unit.width;
      const viewport = page.getViewport({ scale: pdfScale });
      const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        viewport,
        background: 'white',
      }).promise;
      page.cleanup();
      if (textLayer) return await canvas.convertToBlob({ type: 'image/png' });
      return await renderer.draw({
        type: 'turn',
        bitmap: canvas.transferToImageBitmap(),
        geometry,
        scale,
      });
    } finally {
      await doc.destroy();
    }
  }
  // A copy goes to the worker: the caller's bytes stay whole.
  return renderer.draw({
    type: 'image',
    bytes: file.bytes.slice(),
    mime: file.mime,
    geometry,
    scale,
  });
}
