// A page's layout from its ink: the small skew that makes its text lines horizontal,
// whether the lines run vertically (the page lies on its side), their median height, and
// whether ink fills the gaps between them (a diagonal watermark). Measured on a small gray
// copy's ink points, rotated and counted per row. Used by page preparation (prepare.ts).
import { darkestInkLimit, grayFitLongSide, type GrayRaster, type Raster } from './raster';

interface InkPoints {
  xs: Float32Array;
  ys: Float32Array;
  count: number;
  width: number;
  height: number;
}

/** Half the side of the window a pixel is compared with (in the ≤ 1000 px copy). */
const INK_WINDOW = 15;
/** How much darker than its surroundings a pixel is to be ink: share, and at least (0-255). */
const INK_SHARE = 0.12;
const INK_MIN_STEP = 12;

/**
 * Which pixels are ink: darker than the mean of the window around them by a clear step.
 * A global threshold split an evenly lit page's paper from a tinted card or form printed
 * on it, and a photo's lit side from its shaded one; strokes stand out locally either way.
 */
function inkMask(gray: GrayRaster): Uint8Array {
  const { width: w, height: h, data } = gray;
  const sums = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1]! + row;
    }
  }
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - INK_WINDOW);
    const y1 = Math.min(h, y + INK_WINDOW + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - INK_WINDOW);
      const x1 = Math.min(w, x + INK_WINDOW + 1);
      const mean =
        (sums[y1 * (w + 1) + x1]! -
          sums[y0 * (w + 1) + x1]! -
          sums[y1 * (w + 1) + x0]! +
          sums[y0 * (w + 1) + x0]!) /
        ((y1 - y0) * (x1 - x0));
      const v = data[y * w + x]!;
      if (mean - v > Math.max(INK_MIN_STEP, mean * INK_SHARE)) mask[y * w + x] = 1;
    }
  }
  return mask;
}

/** The grey level at and below which a pixel is ink, by one threshold for the page (Otsu). */
function otsuThreshold(gray: GrayRaster, hist: Uint32Array): number {
  const total = gray.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * Dark pixels of a small gray copy, centred coordinates: by their surroundings (`local`,
 * inkMask) or by one threshold for the page (Otsu). At most about `maxPoints`: every
 * step-th dark pixel in reading order.
 */
function inkPoints(gray: GrayRaster, local: boolean, maxPoints = 150_000): InkPoints {
  const { width: w, height: h, data } = gray;
  const n = w * h;
  // Otsu's ink is every pixel at or below one level: counted from the histogram, and the
  // points taken from the grey bytes, without a mask in between.
  const mask = local ? inkMask(gray) : null;
  let limit = 0;
  let dark = 0;
  if (mask) {
    for (let i = 0; i < n; i++) dark += mask[i]!;
  } else {
    const hist = new Uint32Array(256);
    for (let i = 0; i < n; i++) hist[data[i]!]!++;
    limit = otsuThreshold(gray, hist);
    for (let v = 0; v <= limit; v++) dark += hist[v]!;
  }
  const step = Math.max(1, Math.ceil(dark / maxPoints));
  const xs = new Float32Array(Math.ceil(dark / step) + 1);
  const ys = new Float32Array(xs.length);
  let count = 0;
  let k = 0;
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      const ink = mask ? mask[i] === 1 : data[i]! <= limit;
      if (ink && k++ % step === 0 && count < xs.length) {
        xs[count] = x - cx;
        ys[count] = y - cy;
        count++;
      }
    }
  }
  return { xs, ys, count, width: w, height: h };
}

/**
 * Ink points counted per row after rotating by `degrees` clockwise (optionally
 * transposed), into `bins` when given (cleared first: a search reuses one array).
 */
function rowHistogram(
  p: InkPoints,
  degrees: number,
  transpose: boolean,
  bins: Float64Array = new Float64Array(histogramRows(p)),
): Float64Array {
  const rad = (degrees * Math.PI) / 180;
  const sin = Math.sin(rad);
  const cos = Math.cos(rad);
  bins.fill(0);
  const rows = bins.length;
  const half = (rows - 2) / 2;
  // Transposing swaps the coordinates: chosen once, not per point (50 angles × 150k points).
  const xs = transpose ? p.ys : p.xs;
  const ys = transpose ? p.xs : p.ys;
  // Points come in reading order, so neighbours mostly fall into the same row: a run is
  // counted in a local and added once (a memory increment per point was a third of this).
  let current = -1;
  let run = 0;
  for (let i = 0; i < p.count; i++) {
    const row = Math.round(xs[i]! * sin + ys[i]! * cos + half);
    if (row === current) {
      run++;
      continue;
    }
    if (current >= 0 && current < rows) bins[current] = bins[current]! + run;
    current = row;
    run = 1;
  }
  if (current >= 0 && current < rows) bins[current] = bins[current]! + run;
  return bins;
}

/** Rows of rowHistogram: the page's diagonal, whatever the angle, and a row either side. */
const histogramRows = (p: InkPoints): number => Math.ceil(Math.hypot(p.width, p.height)) + 2;

/**
 * How sharply ink falls into rows after rotating by `degrees` clockwise: the sum of
 * squared row counts, normalised by the ink count so pages compare.
 */
function rowEnergy(p: InkPoints, degrees: number, transpose: boolean, bins: Float64Array): number {
  rowHistogram(p, degrees, transpose, bins);
  let energy = 0;
  for (let i = 0; i < bins.length; i++) energy += bins[i]! * bins[i]!;
  return p.count === 0 ? 0 : energy / p.count;
}

/** Share of near-empty rows between the first and last inked row: the gaps between lines. */
function gapShare(p: InkPoints, degrees: number, transpose: boolean): number {
  const bins = rowHistogram(p, degrees, transpose);
  let first = -1;
  let last = -1;
  let max = 0;
  bins.forEach((b, i) => {
    if (b > 0) {
      if (first === -1) first = i;
      last = i;
    }
    max = Math.max(max, b);
  });
  if (first === -1 || last <= first) return 0;
  let empty = 0;
  for (let i = first; i <= last; i++) if (bins[i]! < max * 0.03) empty++;
  return empty / (last - first + 1);
}

function bestAngle(
  p: InkPoints,
  maxDegrees: number,
  transpose = false,
): { degrees: number; energy: number } {
  const bins = new Float64Array(histogramRows(p));
  let best = { degrees: 0, energy: rowEnergy(p, 0, transpose, bins) };
  for (let a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.25) {
    // 0 (or −0, the same rows) was measured first: its energy cannot beat the best.
    if (a === 0) continue;
    const e = rowEnergy(p, a, transpose, bins);
    if (e > best.energy) best = { degrees: a, energy: e };
  }
  return refineEnergy(p, best, transpose, bins);
}

/** The energy's maximum within 0.2° of `coarse` (0.05° steps), `coarse` included. */
function refineEnergy(
  p: InkPoints,
  coarse: { degrees: number; energy: number },
  transpose: boolean,
  bins: Float64Array,
): { degrees: number; energy: number } {
  let best = coarse;
  for (let a = coarse.degrees - 0.2; a <= coarse.degrees + 0.2 + 1e-9; a += 0.05) {
    const e = rowEnergy(p, a, transpose, bins);
    if (e > best.energy) best = { degrees: a, energy: e };
  }
  return best;
}

/** Width of the page's vertical strips whose inked rows are counted (in the ≤ 1000 px copy). */
const STRIP = 128;
/** An energy peak this close to the highest (share) is another candidate for the text's angle. */
const RIVAL_SHARE = 0.6;
/** A rival peak is another family of lines when this far (degrees) from the highest. */
const RIVAL_DISTANCE = 1;
/** Share of inked cells fewer than at the highest peak a rival needs to be chosen. */
const RIVAL_MARGIN = 0.02;

/**
 * Inked (strip, row) cells after rotating by `degrees` clockwise: the page cut into
 * vertical strips, each strip's rows that hold ink counted. A text line of length L and
 * height h inks about h + L·|sin(off)| rows of the strips it crosses, so the count is
 * least where most of the page's line length is level: each line weighs by its length,
 * where the row energy weighs it by its ink squared.
 */
function inkedCells(p: InkPoints, degrees: number): number {
  const rad = (degrees * Math.PI) / 180;
  const sin = Math.sin(rad);
  const cos = Math.cos(rad);
  const rows = histogramRows(p);
  const half = (rows - 2) / 2;
  const cells = new Uint8Array(rows * (Math.floor(p.width / STRIP) + 1));
  let count = 0;
  for (let i = 0; i < p.count; i++) {
    const row = Math.round(p.xs[i]! * sin + p.ys[i]! * cos + half);
    if (row < 0 || row >= rows) continue;
    const cell = Math.floor((p.xs[i]! + p.width / 2) / STRIP) * rows + row;
    if (cells[cell] === 0) {
      cells[cell] = 1;
      count++;
    }
  }
  return count;
}

/** The ink of the darkest tone only (raster.ts darkestInkLimit): text, not a lighter watermark. */
function darkestInkPoints(gray: GrayRaster, local: boolean): InkPoints {
  const limit = darkestInkLimit(gray);
  const data = gray.data.map((v) => (v < limit ? v : 255));
  return inkPoints({ ...gray, data }, local);
}

/**
 * The skew of the page's text lines: the row energy's highest peak, in 0.25° steps then
 * placed within 0.2°. The energy is sharp and exact on a page of parallel lines, but it
 * weighs a line by its ink squared: one long line of large characters at another angle
 * (a purpose note stamped on an ID copy, 仅供办理…使用，他用无效, at −4°) outweighed an
 * ID card's six short lines and won the estimate. So when the energy has another clear
 * peak, a rival family of lines, the peak chosen is the one whose angle leaves the
 * fewest inked rows per strip (inkedCells), counted on the darkest ink only (a diagonal
 * watermark in lighter ink over the whole page would ink every row at every angle).
 */
function textAngle(p: InkPoints, gray: GrayRaster, local: boolean, maxDegrees: number): number {
  const bins = new Float64Array(histogramRows(p));
  const angles: number[] = [];
  for (let a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.25) angles.push(a);
  const energy = angles.map((a) => rowEnergy(p, a, false, bins));
  // The highest, 0 preferred on a tie (bestAngle's order: 0 first, then from −max up).
  let top = Math.max(0, angles.indexOf(0));
  for (let i = 0; i < angles.length; i++) if (energy[i]! > energy[top]!) top = i;
  const rivals = angles
    .map((_, i) => i)
    .filter(
      (i) =>
        i !== top &&
        (i === 0 || energy[i]! >= energy[i - 1]!) &&
        (i === angles.length - 1 || energy[i]! >= energy[i + 1]!) &&
        energy[i]! >= energy[top]! * RIVAL_SHARE &&
        Math.abs(angles[i]! - angles[top]!) >= RIVAL_DISTANCE,
    );
  let chosen = top;
  if (rivals.length > 0) {
    const dark = darkestInkPoints(gray, local);
    // Over three neighbouring angles: one angle's count is noisy.
    const cells = (a: number): number =>
      inkedCells(dark, a - 0.25) + inkedCells(dark, a) + inkedCells(dark, a + 0.25);
    const atTop = cells(angles[top]!);
    let fewest = atTop;
    for (const i of rivals) {
      const n = cells(angles[i]!);
      if (n < fewest && n < atTop * (1 - RIVAL_MARGIN)) {
        fewest = n;
        chosen = i;
      }
    }
  }
  return refineEnergy(p, { degrees: angles[chosen]!, energy: energy[chosen]! }, false, bins)
    .degrees;
}

export interface LayoutEstimate {
  /** Skew in degrees clockwise that makes text lines horizontal. */
  skewDegrees: number;
  /** True when the text lines run vertically: the page lies on its side. */
  sideways: boolean;
  /** Median height of the inked row bands (text lines), in the input's pixels; 0 if unknown. */
  lineHeight?: number;
  /** Ink fills the gaps between the lines (a diagonal watermark across the page). */
  inkAcrossLines?: boolean;
}

/** The tallest share of the page a text line is believed to take (an ID card's title: 8%). */
const MAX_LINE_SHARE = 0.1;

/**
 * Median length of the runs of inked rows (text lines) at `degrees`, in histogram rows,
 * and whether ink runs across the lines: a diagonal watermark fills every row, so the
 * "lines" merge into bands a tenth of the page high or more (15% measured on an A4 copy
 * stamped 仅供…使用，他用无效) and no line height can be told.
 */
function lineBands(p: InkPoints, degrees: number): { median: number; inkAcross: boolean } {
  const bins = rowHistogram(p, degrees, false);
  let max = 0;
  for (const b of bins) max = Math.max(max, b);
  const bands: number[] = [];
  let run = 0;
  for (const b of bins) {
    if (b > max * 0.03) run++;
    else if (run > 0) {
      bands.push(run);
      run = 0;
    }
  }
  if (run > 0) bands.push(run);
  // Specks and rules are a row or two high; text lines are several.
  const lines = bands.filter((h) => h >= 3).sort((a, b) => a - b);
  const median = lines.length < 3 ? 0 : lines[Math.floor(lines.length / 2)]!;
  const inkAcross = median > p.height * MAX_LINE_SHARE;
  return { median: inkAcross ? 0 : median, inkAcross };
}

/** Estimates skew and whether text lines run vertically, on a ≤ 1000 px copy. */
export function estimateLayout(src: Raster, maxSkewDegrees = 5, localInk = false): LayoutEstimate {
  const { gray, scale } = grayFitLongSide(src, 1000);
  const points = inkPoints(gray, localInk);
  if (points.count < 200) return { skewDegrees: 0, sideways: false };
  const rows = { degrees: textAngle(points, gray, localInk, maxSkewDegrees) };
  const columns = bestAngle(points, maxSkewDegrees, true);
  // Horizontal text leaves empty rows between its lines; CJK characters also line up
  // in columns, with narrower gaps, so a clear margin is needed to call a page sideways.
  const rowGaps = gapShare(points, rows.degrees, false);
  const columnGaps = gapShare(points, columns.degrees, true);
  const sideways = columnGaps > 0.15 && columnGaps > rowGaps * 1.5;
  const bands = sideways ? { median: 0, inkAcross: false } : lineBands(points, rows.degrees);
  return {
    skewDegrees: sideways ? 0 : rows.degrees,
    sideways,
    lineHeight: bands.median / scale,
    ...(bands.inkAcross ? { inkAcrossLines: true } : {}),
  };
}
