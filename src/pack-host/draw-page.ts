// Lays out the JPEG a pack exports, on a 2D context of either host (@napi-rs/canvas in
// Node, OffscreenCanvas in the renderer): paper white under the image (JPEG has no alpha),
// the image (or the part of it `source` names) scaled smoothly to the output size, then
// the watermark. The hosts differ only in how they make the canvas and encode it.
import type { JpegEncodeOptions } from '../core/pack/image-codec';
import { drawOverlays, type OverlayContext } from './draw-overlays';

/** The part of CanvasRenderingContext2D both hosts share and the page needs, for images `I`. */
export interface PageContext<I> extends OverlayContext {
  fillRect(x: number, y: number, w: number, h: number): void;
  imageSmoothingEnabled: boolean;
  imageSmoothingQuality: 'low' | 'medium' | 'high';
  drawImage(image: I, dx: number, dy: number, dw: number, dh: number): void;
  drawImage(
    image: I,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
}

/** Draws `image` as the exported JPEG's page: white, the image scaled, the overlays. */
export function drawJpegPage<I>(
  ctx: PageContext<I>,
  image: I,
  { width, height, overlays, source }: JpegEncodeOptions,
  fontFamily: string,
): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (source) {
    ctx.drawImage(image, source.x, source.y, source.w, source.h, 0, 0, width, height);
  } else ctx.drawImage(image, 0, 0, width, height);
  drawOverlays(ctx, overlays, fontFamily);
}
