// A photographed page: where its four edges lie against the darker surface around it, and
// the page cut out and squared (perspective correction). Plain pixel arithmetic over RGBA
// buffers (raster.ts), so both hosts prepare a photo alike.
import { createRaster, grayFitLongSide, type GrayRaster, type Raster } from './raster';

export type Point = readonly [number, number];

/** The page's corners in the image's pixels: top left, top right, bottom right, bottom left. */
export type Quad = readonly [Point, Point, Point, Point];

/**
 * The 8 coefficients h of the projective map taking each `from` point to its `to` point:
 * x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), y' = (h3 x + h4 y + h5) / (h6 x + h7 y + 1).
 */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  // Gaussian elimination with partial pivoting.
  const n = 8;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let k = col; k < n; k++) a[r]![k]! -= f * a[col]![k]!;
      b[r]! -= f * b[col]!;
    }
  }
  return b.map((v, i) => v / a[i]![i]!);
}

/** The long side of the copy the edges are looked for on. */
const SEARCH_SIDE = 480;
/** How far in from each image side the page's edge may lie (share of the image). */
const EDGE_REACH = 0.35;
/** Least brightness step from the surface to the paper (0-255). */
const MIN_STEP = 30;
/** How far the corners are moved towards the page's centre (share of the way). */
const INSET = 0.008;
/** Share of a side's scan lines that must find the same straight edge. */
const MIN_INLIERS = 0.5;

interface Line {
  /** depth = slope × along + offset, in the search copy's pixels. */
  slope: number;
  offset: number;
}

/**
 * Where the paper starts along one scan line (values from the image's side inwards): the
 * surface's level is that of the line's first pixels, the paper's that of the brightest
 * part within reach; the edge is the first of three pixels past halfway between them.
 * None when the line starts on paper, or never leaves the surface.
 */
function edgeOnLine(values: Float32Array, reach: number, counts: Uint32Array): number | null {
  const start = [values[0]!, values[1]!, values[2]!].sort((a, b) => a - b)[1]!;
  const paper = kthOfBytes(values, reach, Math.floor(reach * 0.9), counts);
  if (paper - start < MIN_STEP) return null;
  const half = (start + paper) / 2;
  for (let i = 1; i + 2 < reach; i++) {
    if (values[i]! >= half && values[i + 1]! >= half && values[i + 2]! >= half) {
      // Between the last surface pixel and the first paper pixel, where `half` is crossed.
      const before = values[i - 1]!;
      const t = (half - before) / Math.max(1e-6, values[i]! - before);
      return i - 1 + Math.min(1, Math.max(0, t));
    }
  }
  return null;
}

/**
 * The k-th smallest (from 0) of the first `n` values, which are whole numbers 0-255 (grey
 * levels): counted, not sorted (sorting a copy of every scan line was most of the search).
 */
function kthOfBytes(values: Float32Array, n: number, k: number, counts: Uint32Array): number {
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[values[i]!]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen > k) return v;
  }
  return 255;
}

/** A straight line through most of the points (least squares, outliers dropped, thrice). */
function fitLine(points: readonly Point[], lines: number): Line | null {
  let kept = points;
  let line: Line | null = null;
  for (let round = 0; round < 4; round++) {
    if (kept.length < Math.max(12, lines * MIN_INLIERS)) return null;
    let sa = 0;
    let sd = 0;
    let saa = 0;
    let sad = 0;
    for (const [a, d] of kept) {
      sa += a;
      sd += d;
      saa += a * a;
      sad += a * d;
    }
    const n = kept.length;
    const det = n * saa - sa * sa;
    if (det === 0) return null;
    const slope = (n * sad - sa * sd) / det;
    line = { slope, offset: (sd - slope * sa) / n };
    const fitted = line;
    const residual = (p: Point): number => Math.abs(p[1] - (fitted.slope * p[0] + fitted.offset));
    const sorted = points.map(residual).sort((x, y) => x - y);
    const limit = Math.max(1, 2.5 * sorted[Math.floor(sorted.length / 2)]!);
    kept = points.filter((p) => residual(p) <= limit);
  }
  return kept.length >= Math.max(12, lines * MIN_INLIERS) ? line : null;
}

type Side = 'left' | 'right' | 'top' | 'bottom';

/** The page's edge on one side of the image, in the search copy's (x, y). */
function sideLine(gray: GrayRaster, side: Side): Line | null {
  const { width: w, height: h, data } = gray;
  const horizontal = side === 'left' || side === 'right';
  const lines = horizontal ? h : w;
  const length = horizontal ? w : h;
  const reach = Math.round(length * EDGE_REACH);
  const values = new Float32Array(reach);
  const counts = new Uint32Array(256);
  const points: Point[] = [];
  for (let along = 0; along < lines; along++) {
    for (let k = 0; k < reach; k++) {
      const x = side === 'left' ? k : side === 'right' ? w - 1 - k : along;
      const y = side === 'top' ? k : side === 'bottom' ? h - 1 - k : along;
      values[k] = data[y * w + x]!;
    }
    const depth = edgeOnLine(values, reach, counts);
    if (depth !== null) points.push([along, depth]);
  }
  // Lines that cross the page's other edges near the corners miss; the middle must hold.
  const line = fitLine(points, lines * 0.6);
  if (!line) return null;
  // Depth from the image's side → a coordinate: x for left/right, y for top/bottom.
  if (side === 'left' || side === 'top') return line;
  return { slope: -line.slope, offset: length - 1 - line.offset };
}

/** Where a vertical-ish line x = a·y + b meets a horizontal-ish one y = c·x + d. */
function meet(vertical: Line, horizontal: Line): Point {
  const y =
    (horizontal.slope * vertical.offset + horizontal.offset) /
    (1 - horizontal.slope * vertical.slope);
  return [vertical.slope * y + vertical.offset, y];
}

function cornerAngle(a: Point, corner: Point, b: Point): number {
  const ux = a[0] - corner[0];
  const uy = a[1] - corner[1];
  const vx = b[0] - corner[0];
  const vy = b[1] - corner[1];
  const cos = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
  return (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
}

/**
 * The corners of a page photographed on a darker surface, when all four of its edges show
 * as straight lines; null for a scan, a rendering, or a photo cropped to the page (nothing
 * to cut away). Looked for on a ≤ 480 px copy: each image side is scanned inwards for the
 * step from the surface to the paper, and a straight line is fitted to the steps.
 */
export function findPageQuad(src: Raster): Quad | null {
  const { gray, scale } = grayFitLongSide(src, SEARCH_SIDE);
  // Side by side, stopping at the first that shows no edge (a scan: usually the first).
  const left = sideLine(gray, 'left');
  const right = left && sideLine(gray, 'right');
  const top = right && sideLine(gray, 'top');
  const bottom = top && sideLine(gray, 'bottom');
  if (!left || !right || !top || !bottom) return null;
  const corners = [meet(left, top), meet(right, top), meet(right, bottom), meet(left, bottom)];
  const { width: w, height: h } = gray;
  // Inside the image (a corner may lie a little outside it), and nearly a rectangle.
  const slack = 0.02 * Math.max(w, h);
  if (corners.some(([x, y]) => x < -slack || y < -slack || x > w + slack || y > h + slack))
    return null;
  for (let i = 0; i < 4; i++) {
    const angle = cornerAngle(corners[(i + 3) % 4]!, corners[i]!, corners[(i + 1) % 4]!);
    if (Math.abs(angle - 90) > 20) return null;
  }
  const area =
    Math.abs(
      corners.reduce((sum, [x, y], i) => {
        const [nx, ny] = corners[(i + 1) % 4]!;
        return sum + x * ny - nx * y;
      }, 0),
    ) / 2;
  if (area < 0.2 * w * h) return null;
  // A little inside the edges found: no sliver of the surface along the page's sides.
  const cx = corners.reduce((sum, c) => sum + c[0], 0) / 4;
  const cy = corners.reduce((sum, c) => sum + c[1], 0) / 4;
  const k = 1 / scale;
  return corners.map(
    ([x, y]) => [(x + (cx - x) * INSET) * k, (y + (cy - y) * INSET) * k] as const,
  ) as unknown as Quad;
}

const distance = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * The size of the page inside `quad` squared with no detail lost (rectify's output before
 * any scaling down): as wide as its longer top or bottom edge, as high as its longer side.
 */
export function squaredSize(quad: Quad): { width: number; height: number } {
  const [tl, tr, br, bl] = quad;
  return {
    width: Math.max(distance(tl, tr), distance(bl, br)),
    height: Math.max(distance(tl, bl), distance(tr, br)),
  };
}

/**
 * The page inside `quad` as a rectangle: as wide as its longer top or bottom edge, as high
 * as its longer side edge (no detail lost), scaled down so its long side is at most
 * `maxSide`, each pixel sampled bilinearly.
 */
export function rectify(src: Raster, quad: Quad, maxSide = Infinity): Raster {
  const { width: fullWidth, height: fullHeight } = squaredSize(quad);
  const scale = Math.min(1, maxSide / Math.max(fullWidth, fullHeight));
  const width = Math.max(1, Math.round(fullWidth * scale));
  const height = Math.max(1, Math.round(fullHeight * scale));
  const m = homography(
    [
      [0, 0],
      [width, 0],
      [width, height],
      [0, height],
    ],
    quad,
  );
  const out = createRaster(width, height);
  const o = out.data;
  const d = src.data;
  const sw = src.width;
  const sh = src.height;
  for (let y = 0; y < height; y++) {
    const py = y + 0.5;
    // Numerators and denominator are linear in x: stepped, not recomputed.
    let nx = m[0]! * 0.5 + m[1]! * py + m[2]!;
    let ny = m[3]! * 0.5 + m[4]! * py + m[5]!;
    let nz = m[6]! * 0.5 + m[7]! * py + 1;
    let oi = y * width * 4;
    for (let x = 0; x < width; x++, oi += 4, nx += m[0]!, ny += m[3]!, nz += m[6]!) {
      const sx = nx / nz - 0.5;
      const sy = ny / nz - 0.5;
      const x0 = Math.min(sw - 2, Math.max(0, Math.floor(sx)));
      const y0 = Math.min(sh - 2, Math.max(0, Math.floor(sy)));
      const fx = Math.min(1, Math.max(0, sx - x0));
      const fy = Math.min(1, Math.max(0, sy - y0));
      const i00 = (y0 * sw + x0) * 4;
      const i01 = i00 + sw * 4;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      o[oi] = d[i00]! * w00 + d[i00 + 4]! * w10 + d[i01]! * w01 + d[i01 + 4]! * w11;
      o[oi + 1] = d[i00 + 1]! * w00 + d[i00 + 5]! * w10 + d[i01 + 1]! * w01 + d[i01 + 5]! * w11;
      o[oi + 2] = d[i00 + 2]! * w00 + d[i00 + 6]! * w10 + d[i01 + 2]! * w01 + d[i01 + 6]! * w11;
    }
  }
  return out;
}
