// The image-quality detectors (spec §3 files.quality), each on plain pixels: colour vs
// greyscale, text sharpness and a screen's pixel grid here; glare (glare.ts), covered
// areas (covered.ts) and text running off the edge (edges.ts) in their own files.
// Thresholds were calibrated on generated images with known defects (see
// bench/quality.ts and BENCHMARKS.md); each says what it measures.
import {
  clip,
  histogramQuantile,
  kthSmallest,
  type GreyImage,
  type Rect,
  type RgbaImage,
} from './pixels';

/**
 * Share of pixels with clear colour (max − min channel ≥ 30), on a reduced image. A grey
 * desk or a warm light stays below 30; a blurred blue label on an ID photo stays above.
 */
export function colourShare(image: RgbaImage): number {
  const n = image.width * image.height;
  const d = image.data;
  let coloured = 0;
  for (let j = 0; j < n * 4; j += 4) {
    const r = d[j]!;
    const g = d[j + 1]!;
    const b = d[j + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) >= 30) coloured++;
  }
  return n === 0 ? 0 : coloured / n;
}

/** Below this share of coloured pixels a page is greyscale (a colour original has frames, seals, emblems). */
export const GREYSCALE_MAX_COLOUR_SHARE = 0.001;

/**
 * Sharpness of the text in a region: the strongest edges (98th percentile of the
 * brightness step over 2 px, after a 3 × 3 mean that takes out sensor noise) relative to
 * the region's ink contrast. Sharp text at any resolution steps almost its full contrast
 * within 2 px; blurred text spreads the step. Null when the region holds too little
 * contrast to tell (blank, or washed out: glare and covered areas are told apart).
 */
export function textSharpness(grey: GreyImage, region: Rect): number | null {
  const r = clip(region, grey.width, grey.height);
  if (r === null || r.w < 8 || r.h < 6) return null;
  const { width } = grey;
  const w = r.w;
  const h = r.h;
  // The 3 × 3 mean (of the neighbours inside the image) as row sums, then column sums:
  // integer sums, so the same values as nine reads per pixel, in a third of the time.
  const rowSums = new Float64Array((h + 2) * w);
  for (let j = 0; j < h + 2; j++) {
    const yy = r.y - 1 + j;
    if (yy < 0 || yy >= grey.height) continue;
    const row = yy * width;
    for (let x = 0; x < w; x++) {
      const xx = r.x + x;
      let sum = grey.data[row + xx]!;
      if (xx > 0) sum += grey.data[row + xx - 1]!;
      if (xx + 1 < width) sum += grey.data[row + xx + 1]!;
      rowSums[j * w + x] = sum;
    }
  }
  const smooth = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const yy = r.y + y;
    const rowsIn = 1 + (yy > 0 ? 1 : 0) + (yy + 1 < grey.height ? 1 : 0);
    for (let x = 0; x < w; x++) {
      const xx = r.x + x;
      const columnsIn = 1 + (xx > 0 ? 1 : 0) + (xx + 1 < width ? 1 : 0);
      const sum = rowSums[y * w + x]! + rowSums[(y + 1) * w + x]! + rowSums[(y + 2) * w + x]!;
      smooth[y * w + x] = sum / (rowsIn * columnsIn);
    }
  }
  // The smoothed values' histogram (each rounded to a whole level, as a byte holds it).
  const hist = new Uint32Array(256);
  for (let i = 0; i < w * h; i++) hist[Math.round(smooth[i]!)]!++;
  const contrast = histogramQuantile(hist, w * h, 0.99) - histogramQuantile(hist, w * h, 0.01);
  if (contrast < 40) return null;
  // A field as large as a business scope has half a million steps: the 98th percentile is
  // selected (kthSmallest) rather than sorted for.
  const steps = new Float64Array((w - 2) * (h - 2));
  let n = 0;
  for (let y = 0; y < h - 2; y++) {
    for (let x = 0; x < w - 2; x++) {
      const v = smooth[y * w + x]!;
      steps[n++] = Math.max(
        Math.abs(smooth[y * w + x + 2]! - v),
        Math.abs(smooth[(y + 2) * w + x]! - v),
      );
    }
  }
  return kthSmallest(steps, Math.floor(steps.length * 0.98)) / contrast;
}

/**
 * A photo of a screen: the display's pixel grid repeats every few pixels over the whole
 * image, so the fine detail (brightness minus its neighbours' mean) correlates with
 * itself at a lag of 3-7 pixels. Text and sensor noise do not. Returns the strongest
 * correlation found along rows or columns.
 */
export function gridPeriodicity(grey: GreyImage): number {
  const { width: w, height: h, data } = grey;
  let best = 0;
  for (const horizontal of [true, false]) {
    const lines = horizontal ? h : w;
    const length = horizontal ? w : h;
    // The k-th pixel of a sampled line is at first + k × step (no closure per pixel).
    const step = horizontal ? 1 : w;
    // The correlations at lags 3-7, each summed in the same order as before, in locals.
    let c3 = 0;
    let c4 = 0;
    let c5 = 0;
    let c6 = 0;
    let c7 = 0;
    let energy = 0;
    const sampleLines = 48;
    for (let s = 0; s < sampleLines; s++) {
      const line = Math.floor(lines * (0.1 + (0.8 * s) / sampleLines));
      const first = horizontal ? line * w : line;
      const hp = new Float32Array(length);
      for (let k = 1, i = first + step; k < length - 1; k++, i += step)
        hp[k] = data[i]! - (data[i - step]! + data[i + step]!) / 2;
      for (let k = 8; k < length - 8; k++) {
        const v = hp[k]!;
        energy += v * v;
        c3 += v * hp[k + 3]!;
        c4 += v * hp[k + 4]!;
        c5 += v * hp[k + 5]!;
        c6 += v * hp[k + 6]!;
        c7 += v * hp[k + 7]!;
      }
    }
    if (energy === 0) continue;
    for (const c of [c3, c4, c5, c6, c7]) best = Math.max(best, c / energy);
  }
  return best;
}
