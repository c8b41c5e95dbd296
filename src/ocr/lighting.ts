// Uneven light on a photographed page (brighter near the lamp, darker away from it): the
// paper's brightness modelled as a smooth surface and divided out, so the paper is one
// level and the ink one level wherever they lie. Plain pixel arithmetic (raster.ts).
import { createRaster, type Raster } from './raster';

/** Cells per long side in which the paper's level is measured. */
const CELLS = 24;
/** The paper's level in a cell: this quantile of its brightness (the ink is the rest). */
const PAPER_QUANTILE = 0.9;
/** Cells below the fitted surface by more than this share are not paper (a photo, a QR code). */
const OUTLIER = 0.1;
/** Light that varies less than this across the page (brightest / darkest) is left alone. */
const EVEN = 1.12;
/** The level the paper is brought to. */
const PAPER = 245;

/** Monomials of a cubic surface in x and y (each in −1..1). */
function terms(x: number, y: number): number[] {
  return [1, x, y, x * x, x * y, y * y, x * x * x, x * x * y, x * y * y, y * y * y];
}

/** Least squares by the normal equations (10 unknowns), Gaussian elimination. */
function solve(rows: readonly number[][], values: readonly number[]): number[] | null {
  const n = rows[0]!.length;
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  rows.forEach((r, k) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i]![j]! += r[i]! * r[j]!;
      a[i]![n]! += r[i]! * values[k]!;
    }
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    if (Math.abs(a[col]![col]!) < 1e-9) return null;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

interface Cell {
  x: number;
  y: number;
  level: number;
}

/** The paper's level per cell: a high quantile of its luma (every other pixel and row). */
function cellLevels(src: Raster): Cell[] {
  const { width: w, height: h, data: d } = src;
  const size = Math.max(8, Math.round(Math.max(w, h) / CELLS));
  const cells: Cell[] = [];
  const hist = new Uint32Array(256);
  for (let cy = 0; cy + size / 2 <= h; cy += size) {
    for (let cx = 0; cx + size / 2 <= w; cx += size) {
      hist.fill(0);
      let n = 0;
      const y1 = Math.min(h, cy + size);
      const x1 = Math.min(w, cx + size);
      for (let y = cy; y < y1; y += 2) {
        for (let x = cx, i = (y * w + cx) * 4; x < x1; x += 2, i += 8) {
          hist[(0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) | 0]!++;
          n++;
        }
      }
      let acc = 0;
      let level = 255;
      for (let v = 0; v < 256; v++) {
        acc += hist[v]!;
        if (acc >= n * PAPER_QUANTILE) {
          level = v;
          break;
        }
      }
      cells.push({ x: ((cx + x1) / 2 / w) * 2 - 1, y: ((cy + y1) / 2 / h) * 2 - 1, level });
    }
  }
  return cells;
}

/**
 * The paper's brightness over the page as a cubic surface through the cells' levels,
 * cells far below it (dark pictures, a QR code, the surface around a page) left out.
 */
function paperSurface(cells: readonly Cell[]): number[] | null {
  let kept = cells.filter((c) => c.level > 40);
  let coefficients: number[] | null = null;
  for (let round = 0; round < 4; round++) {
    if (kept.length < 20) return null;
    coefficients = solve(
      kept.map((c) => terms(c.x, c.y)),
      kept.map((c) => c.level),
    );
    if (!coefficients) return null;
    const fit = coefficients;
    const at = (c: Cell): number => terms(c.x, c.y).reduce((s, t, i) => s + t * fit[i]!, 0);
    kept = cells.filter((c) => c.level > 40 && c.level >= at(c) * (1 - OUTLIER));
  }
  return coefficients;
}

/**
 * The page with its lighting evened out: each pixel divided by the paper's brightness
 * where it lies (all three channels alike, so colour stays). A page lit evenly (a scan, a
 * rendering) is returned as is.
 */
export function evenLighting(src: Raster): Raster {
  const cells = cellLevels(src);
  const c = paperSurface(cells);
  if (!c) return src;
  const { width: w, height: h, data: d } = src;
  // The surface over the page, on a coarse grid first: is the light uneven at all?
  let lo = Infinity;
  let hi = -Infinity;
  for (let gy = 0; gy <= 8; gy++)
    for (let gx = 0; gx <= 8; gx++) {
      const v = terms(gx / 4 - 1, gy / 4 - 1).reduce((s, t, i) => s + t * c[i]!, 0);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (lo <= 40 || hi / lo < EVEN) return src;
  const out = createRaster(w, h);
  const o = out.data;
  const gain = new Float32Array(w);
  for (let y = 0; y < h; y++) {
    const ny = ((y + 0.5) / h) * 2 - 1;
    // For one row the surface is a cubic in x: its four coefficients, then Horner.
    const k0 = c[0]! + c[2]! * ny + c[5]! * ny * ny + c[9]! * ny * ny * ny;
    const k1 = c[1]! + c[4]! * ny + c[8]! * ny * ny;
    const k2 = c[3]! + c[7]! * ny;
    const k3 = c[6]!;
    for (let x = 0; x < w; x++) {
      const nx = ((x + 0.5) / w) * 2 - 1;
      const level = k0 + nx * (k1 + nx * (k2 + nx * k3));
      gain[x] = PAPER / Math.max(40, level);
    }
    for (let x = 0, i = y * w * 4; x < w; x++, i += 4) {
      const g = gain[x]!;
      o[i] = d[i]! * g;
      o[i + 1] = d[i + 1]! * g;
      o[i + 2] = d[i + 2]! * g;
    }
  }
  return out;
}
