// Text or a frame running off the image's edge: the darkest ink along each side's outer
// strip against the strip's own background. Calibrated with the other detectors
// (detectors.ts, bench/quality.ts).
import type { GreyImage } from './pixels';

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface EdgeInk {
  side: Side;
  /** Share of the side's length where ink touches the edge. */
  share: number;
  /** Where along the side the ink lies (pixels from the side's start), first and last. */
  from: number;
  to: number;
}

/**
 * Ink running off the image: along each side, the darkest point of the outermost strip
 * (after a 3 px mean along the side, which takes out sensor noise) compared with the
 * strip's own background around it. A scan keeps a white margin and a photo a desk
 * around the page: both are even there, so nothing stands out. A page cut through its
 * text or frame has strokes and lines crossing the edge, each darker than the paper
 * beside it.
 */
export function inkAtEdges(grey: GreyImage): EdgeInk[] {
  const { width: w, height: h, data } = grey;
  const depth = Math.max(3, Math.round(Math.max(w, h) * EDGE_STRIP));
  const out: EdgeInk[] = [];
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const along = side === 'top' || side === 'bottom' ? w : h;
    const at = (a: number, s: number): number =>
      side === 'top'
        ? data[s * w + a]!
        : side === 'bottom'
          ? data[(h - 1 - s) * w + a]!
          : side === 'left'
            ? data[a * w + s]!
            : data[a * w + (w - 1 - s)]!;
    // Per position: the darkest of the strip's depth, each a 3-position mean.
    const dark = new Float32Array(along);
    for (let a = 1; a < along - 1; a++) {
      let min = 255;
      // The outermost pixel row is left out: a rotated scan's fill or a codec's edge.
      for (let s = 1; s < depth; s++) {
        const v = (at(a - 1, s) + at(a, s) + at(a + 1, s)) / 3;
        if (v < min) min = v;
      }
      dark[a] = min;
    }
    dark[0] = dark[1]!;
    dark[along - 1] = dark[along - 2]!;
    // The background beside each position: the brightest level in a window around it
    // (paper between strokes, or the desk), blocks of 1/40 of the side.
    const block = Math.max(8, Math.round(along / 40));
    const blocks = Math.ceil(along / block);
    const level = new Float32Array(blocks);
    for (let b = 0; b < blocks; b++) {
      const slice = Array.from(dark.subarray(b * block, Math.min(along, (b + 1) * block))).sort(
        (x, y) => x - y,
      );
      level[b] = slice[Math.floor(slice.length * 0.75)]!;
    }
    // The side's own level too: where the desk runs along most of a side, an object's
    // brighter outline on it (a finger) leaves the desk no darker than the side itself.
    const sideLevel = Array.from(dark).sort((x, y) => x - y)[Math.floor(along / 2)]!;
    const margin = Math.round(along * 0.01);
    let hits = 0;
    let from = -1;
    let to = -1;
    for (let a = margin; a < along - margin; a++) {
      const b = Math.floor(a / block);
      const background = Math.min(
        sideLevel,
        Math.max(level[b]!, level[Math.max(0, b - 1)]!, level[Math.min(blocks - 1, b + 1)]!),
      );
      if (background - dark[a]! >= EDGE_INK_CONTRAST) {
        hits++;
        if (from < 0) from = a;
        to = a;
      }
    }
    const share = hits / along;
    if (share > 0) out.push({ side, share, from, to });
  }
  return out;
}

/** Strip along each side looked at, as a share of the long side. */
export const EDGE_STRIP = 0.006;
/** How much darker than the paper beside it a point must be to count as ink. */
export const EDGE_INK_CONTRAST = 60;
