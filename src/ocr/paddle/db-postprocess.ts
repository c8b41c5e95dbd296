// Differentiable Binarization post-processing (PP-OCR det): the probability map is
// thresholded, each connected region becomes a box scored by its mean probability,
// and the box is grown back ("unclipped") because DB is trained on shrunk text regions.
// Pages are deskewed first (prepare.ts), so axis-aligned boxes are enough.

export interface ProbabilityMap {
  width: number;
  height: number;
  data: Float32Array;
}

export interface DetectedBox {
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
  /** How much the box was grown on each side (unclip), in the same pixels. */
  pad: number;
  /**
   * Share of the region's bounding box its pixels fill (absent: solid). A text line on a
   * deskewed page fills most of it; diagonal text (a watermark), a frame or a seal's
   * ring fill a small share.
   */
  fill?: number;
}

export interface DbOptions {
  /** Pixel threshold on the probability map (PP-OCR: 0.3). */
  threshold: number;
  /** Minimum mean probability of a box (PP-OCR: 0.6). */
  boxThreshold: number;
  /** Growth ratio: offset = area × ratio / perimeter (PP-OCR: 1.5). */
  unclipRatio: number;
  /** Boxes whose short side is below this (map pixels) are noise. */
  minSize: number;
}

export const DEFAULT_DB_OPTIONS: DbOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.6,
  minSize: 3,
};

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Pixels above the threshold and the sum of their probabilities. */
  count: number;
  sum: number;
  /** Whether a pixel (map coordinates) belongs to this region (absent: the whole box). */
  contains?: (x: number, y: number) => boolean;
}

/**
 * Connected regions above `threshold` inside the region `within` (8-connectivity, as
 * cv2.findContours): only its own pixels, not those of other regions in its bounding box
 * (a diagonal line's box holds the lines it crosses, which came out twice).
 */
function regions(map: ProbabilityMap, within: Region, threshold: number): Region[] {
  const { width: w, data } = map;
  const rw = within.x1 - within.x0 + 1;
  const rh = within.y1 - within.y0 + 1;
  // 0: not visited; n > 0: pixel of the n-th region found.
  const labels = new Int32Array(rw * rh);
  const stack = new Int32Array(rw * rh);
  const found: Region[] = [];
  const member = within.contains;
  const above = (lx: number, ly: number): boolean =>
    data[(ly + within.y0) * w + lx + within.x0]! > threshold &&
    (member === undefined || member(lx + within.x0, ly + within.y0));
  // Row by row (a division and a remainder per pixel of the page were a fifth of this).
  for (let sy = 0, start = 0; sy < rh; sy++) {
    const row = (sy + within.y0) * w + within.x0;
    for (let sx = 0; sx < rw; sx++, start++) {
      if (labels[start] !== 0 || !(data[row + sx]! > threshold)) continue;
      if (member !== undefined && !member(sx + within.x0, sy + within.y0)) continue;
      flood(start);
    }
  }
  return found;

  function flood(start: number): void {
    const label = found.length + 1;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    const r = { x0: rw, y0: rh, x1: 0, y1: 0, count: 0, sum: 0 };
    while (top > 0) {
      const p = stack[--top]!;
      const px = p % rw;
      const py = (p - px) / rw;
      r.count++;
      r.sum += data[(py + within.y0) * w + px + within.x0]!;
      if (px < r.x0) r.x0 = px;
      if (px > r.x1) r.x1 = px;
      if (py < r.y0) r.y0 = py;
      if (py > r.y1) r.y1 = py;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= rh) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= rw) continue;
          const q = ny * rw + nx;
          if (labels[q] === 0 && above(nx, ny)) {
            labels[q] = label;
            stack[top++] = q;
          }
        }
      }
    }
    found.push({
      x0: r.x0 + within.x0,
      y0: r.y0 + within.y0,
      x1: r.x1 + within.x0,
      y1: r.y1 + within.y0,
      count: r.count,
      sum: r.sum,
      contains: (x, y) => {
        const lx = x - within.x0;
        const ly = y - within.y0;
        return lx >= 0 && ly >= 0 && lx < rw && ly < rh && labels[ly * rw + lx] === label;
      },
    });
  }
}

/** Boxes in probability-map pixels. */
export function dbBoxes(
  map: ProbabilityMap,
  options: DbOptions = DEFAULT_DB_OPTIONS,
): DetectedBox[] {
  const { width: w, height: h } = map;
  const boxes: DetectedBox[] = [];
  const visit = (region: Region, threshold: number): void => {
    const bw = region.x1 - region.x0 + 1;
    const bh = region.y1 - region.y0 + 1;
    if (Math.min(bw, bh) < options.minSize) return;
    // Mean over the region itself (PP-OCR's "slow" score mode), not its bounding box.
    const score = region.sum / region.count;
    if (score < options.boxThreshold) return;
    // Tightly spaced lines touch at the pixel threshold and fill little of their joint
    // box; a higher threshold separates them (the cores of lines are near 1).
    const fill = region.count / (bw * bh);
    if (fill < 0.55 && bh > 12 && threshold < 0.75) {
      const parts = regions(map, region, threshold + 0.15);
      if (parts.length > 1) {
        for (const part of parts) visit(part, threshold + 0.15);
        return;
      }
    }
    const offset = (bw * bh * options.unclipRatio) / (2 * (bw + bh));
    const ux0 = Math.max(0, region.x0 - offset);
    const uy0 = Math.max(0, region.y0 - offset);
    const ux1 = Math.min(w, region.x1 + 1 + offset);
    const uy1 = Math.min(h, region.y1 + 1 + offset);
    if (Math.min(ux1 - ux0, uy1 - uy0) < options.minSize + 2) return;
    boxes.push({ x: ux0, y: uy0, w: ux1 - ux0, h: uy1 - uy0, score, pad: offset, fill });
  };
  for (const region of regions(
    map,
    { x0: 0, y0: 0, x1: w - 1, y1: h - 1, count: 0, sum: 0 },
    options.threshold,
  ))
    visit(region, options.threshold);
  return boxes;
}

/**
 * Grown boxes of neighbours on one row overlap, so a crop would show the first glyph of
 * the next box (a label read as "签发机关苏", its value as "苏州…"). Each such pair is cut
 * at the middle of the gap between their cores (the boxes before growth).
 */
export function separateNeighbours(boxes: readonly DetectedBox[]): DetectedBox[] {
  const out = boxes.map((b) => ({ ...b }));
  const byX = [...out].sort((a, b) => a.x - b.x);
  for (const left of byX) {
    for (const right of byX) {
      if (right === left || right.x <= left.x) continue;
      const overlapY = Math.min(left.y + left.h, right.y + right.h) - Math.max(left.y, right.y);
      if (overlapY < 0.5 * Math.min(left.h, right.h)) continue;
      const leftCoreEnd = left.x + left.w - left.pad;
      const rightCoreStart = right.x + right.pad;
      if (left.x + left.w <= right.x || rightCoreStart <= leftCoreEnd) continue;
      const cut = (leftCoreEnd + rightCoreStart) / 2;
      left.w = Math.max(1, cut - left.x);
      const rightEnd = right.x + right.w;
      right.x = cut;
      right.w = Math.max(1, rightEnd - cut);
    }
  }
  return out;
}
