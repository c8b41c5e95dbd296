// Draws the watermark overlays the core laid out, on a 2D context of either host
// (@napi-rs/canvas in Node, OffscreenCanvas in the renderer).
import type { TextOverlay } from '../core/pack/image-codec';

/** The part of CanvasRenderingContext2D both hosts share and the overlays need. */
export interface OverlayContext {
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  fillText(text: string, x: number, y: number): void;
  font: string;
  fillStyle: unknown;
  globalAlpha: number;
  textAlign: string;
  textBaseline: string;
}

export function drawOverlays(
  ctx: OverlayContext,
  overlays: readonly TextOverlay[] | undefined,
  fontFamily: string,
): void {
  for (const o of overlays ?? []) {
    ctx.save();
    ctx.translate(o.x, o.y);
    ctx.rotate((-o.angleDegrees * Math.PI) / 180);
    ctx.globalAlpha = o.opacity;
    ctx.fillStyle = o.color;
    ctx.font = `${o.fontSize}px ${fontFamily}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(o.text, 0, 0);
    ctx.restore();
  }
}
