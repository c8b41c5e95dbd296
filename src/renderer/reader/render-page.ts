// Draws one page in the coordinate space of its boxes (PageGeometry), for the review
// screen: PDF text layers are in points at scale 1; OCR'd pages in the pixels of the page
// the engine read: the source turned by `rotation`, deskewed as prepare.ts did, scaled.
import { sniffMime } from '../../core/file-type';
import { readExifOrientationBrowser } from '../../ocr/engines.web';
import { decodeBitmapAsStored } from '../../ocr/codec.web';
import { estimateLayout, exifMirrored, turnForExifOrientation } from '../../ocr/prepare';
import type { PdfDocumentParams, PdfjsLib } from '../../ocr/pdf-text';
import type { PageGeometry } from '../model/contract';

type Source = ImageBitmap | OffscreenCanvas;

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot create a 2D canvas to draw the page.');
  return ctx;
}

/**
 * The skew prepare.ts corrected: estimated again on a ≤ 1000 px copy flipped and turned
 * as the EXIF orientation says.
 */
function estimateSkew(source: Source, exifTurn: 0 | 90 | 180 | 270, mirrored: boolean): number {
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
  return estimateLayout({ width: pixels.width, height: pixels.height, data: pixels.data })
    .skewDegrees;
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

export async function renderPageImage(
  file: { bytes: Uint8Array; mime: string },
  index: number,
  geometry: PageGeometry,
  scale: number,
  pdf: () => Promise<{ pdfjs: PdfjsLib; documentParams: PdfDocumentParams | undefined }>,
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
      const out = textLayer
        ? canvas
        : drawTurned(canvas, geometry, estimateSkew(canvas, 0, false), scale);
      return await out.convertToBlob({ type: 'image/png' });
    } finally {
      await doc.destroy();
    }
  }
  const bitmap = await decodeBitmapAsStored(
    file.bytes,
    mime === 'image/jpeg' || mime === 'image/png' ? mime : file.mime,
  );
  try {
    const orientation =
      mime === 'image/jpeg' ? await readExifOrientationBrowser(file.bytes) : undefined;
    const mirrored = exifMirrored(orientation);
    const skew = estimateSkew(bitmap, turnForExifOrientation(orientation), mirrored);
    const canvas = drawTurned(bitmap, geometry, skew, scale, mirrored);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  } finally {
    bitmap.close();
  }
}
