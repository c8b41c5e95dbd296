// The image-quality detectors (spec §3 files.quality), each on plain pixels: colour vs
// greyscale, text sharpness, glare, covered areas, text running off the edge, a screen's
// pixel grid. Thresholds were calibrated on generated images with known defects (see
// bench/quality.ts and BENCHMARKS.md); each says what it measures.
import { clip, components, quantile8, type GreyImage, type Rect, type RgbaImage } from './pixels';

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
  const smooth = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = r.y + y + dy;
        if (yy < 0 || yy >= grey.height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = r.x + x + dx;
          if (xx < 0 || xx >= width) continue;
          sum += grey.data[yy * width + xx]!;
          count++;
        }
      }
      smooth[y * w + x] = sum / count;
    }
  }
  const values = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) values[i] = Math.round(smooth[i]!);
  const contrast = quantile8(values, 0.99) - quantile8(values, 0.01);
  if (contrast < 40) return null;
  const steps: number[] = [];
  for (let y = 0; y < h - 2; y++) {
    for (let x = 0; x < w - 2; x++) {
      const v = smooth[y * w + x]!;
      steps.push(
        Math.max(Math.abs(smooth[y * w + x + 2]! - v), Math.abs(smooth[(y + 2) * w + x]! - v)),
      );
    }
  }
  if (steps.length === 0) return null;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length * 0.98)]! / contrast;
}

/** A coarse grid over a reduced image: mean, spread and brightest level per cell. */
export interface CellGrid {
  cols: number;
  rows: number;
  cell: number;
  mean: Float32Array;
  std: Float32Array;
  /** 90th percentile of brightness: the paper's level where the cell has text. */
  high: Float32Array;
  /** Share of warm, object-like pixels (skin, paper notes, wood), not red ink. */
  warm: Float32Array;
  /** Share of pixels clipped white on every channel (the sensor's ceiling). */
  clipped: Float32Array;
}

export function cellGrid(image: RgbaImage, cell: number): CellGrid {
  const cols = Math.floor(image.width / cell);
  const rows = Math.floor(image.height / cell);
  const n = cols * rows;
  const grid: CellGrid = {
    cols,
    rows,
    cell,
    mean: new Float32Array(n),
    std: new Float32Array(n),
    high: new Float32Array(n),
    warm: new Float32Array(n),
    clipped: new Float32Array(n),
  };
  const d = image.data;
  const values = new Uint8Array(cell * cell);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let k = 0;
      let sum = 0;
      let sq = 0;
      let warm = 0;
      let clipped = 0;
      for (let y = cy * cell; y < (cy + 1) * cell; y++) {
        for (let x = cx * cell; x < (cx + 1) * cell; x++) {
          const j = (y * image.width + x) * 4;
          const r = d[j]!;
          const g = d[j + 1]!;
          const b = d[j + 2]!;
          const l = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
          values[k++] = l;
          sum += l;
          sq += l * l;
          if (r >= 250 && g >= 250 && b >= 250) clipped++;
          if (r > g && g > b && r - b > 40 && g - b > 20 && r - g < 70 && l > 70 && l < 245) warm++;
        }
      }
      const i = cy * cols + cx;
      const mean = sum / k;
      grid.mean[i] = mean;
      grid.std[i] = Math.sqrt(Math.max(0, sq / k - mean * mean));
      grid.high[i] = quantile8(values, 0.9);
      grid.warm[i] = warm / k;
      grid.clipped[i] = clipped / k;
    }
  }
  return grid;
}

export interface Blob extends Rect {
  /** Share of the image's area. */
  share: number;
}

function cellBlobs(
  grid: CellGrid,
  mask: Uint8Array,
  minShare: number,
): { blob: Blob; cells: number[] }[] {
  const total = grid.cols * grid.rows;
  return components(mask, grid.cols, grid.rows, Math.max(1, Math.ceil(minShare * total))).map(
    (c) => ({
      blob: {
        x: c.minX * grid.cell,
        y: c.minY * grid.cell,
        w: (c.maxX - c.minX + 1) * grid.cell,
        h: (c.maxY - c.minY + 1) * grid.cell,
        share: c.pixels.length / total,
      },
      cells: c.pixels,
    }),
  );
}

/** The page's paper level: the median bright level of cells that look like paper. */
export function paperLevel(grid: CellGrid): number {
  const bright: number[] = [];
  for (let i = 0; i < grid.high.length; i++) if (grid.high[i]! >= 140) bright.push(grid.high[i]!);
  if (bright.length === 0) return 255;
  bright.sort((a, b) => a - b);
  return bright[Math.floor(bright.length / 2)]!;
}

/**
 * Glare: a washed-out patch (cells clipped white on every channel, no ink showing) on a
 * page whose paper is otherwise clearly below it. Uneven lighting brightens paper but
 * keeps its tint, so it rarely clips all three channels. A flatbed scan's paper is
 * already white, so glare can only be told on photos.
 */
export function findGlare(grid: CellGrid): Blob[] {
  const paper = paperLevel(grid);
  if (paper > 238) return [];
  const mask = new Uint8Array(grid.cols * grid.rows);
  for (let i = 0; i < mask.length; i++) {
    if (grid.clipped[i]! >= 0.7) mask[i] = 1;
  }
  return cellBlobs(grid, mask, 0.004).map((b) => b.blob);
}

/**
 * Covered: a smooth object-coloured area (skin, a note, a hand) reaching into the page's
 * interior, not the desk around the page's edge.
 */
export function findCovered(grid: CellGrid): Blob[] {
  const mask = new Uint8Array(grid.cols * grid.rows);
  for (let i = 0; i < mask.length; i++) {
    if (grid.warm[i]! >= 0.6 && grid.std[i]! < 14) mask[i] = 1;
  }
  const insetX = Math.floor(grid.cols * 0.15);
  const insetY = Math.floor(grid.rows * 0.15);
  return cellBlobs(grid, mask, 0.008)
    .filter(({ cells }) =>
      cells.some((c) => {
        const x = c % grid.cols;
        const y = (c - x) / grid.cols;
        return x >= insetX && x < grid.cols - insetX && y >= insetY && y < grid.rows - insetY;
      }),
    )
    .map((b) => b.blob);
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * Text running off the image: strong ink edges within the outermost strip of a side. A
 * scan keeps a white margin and a photo a desk around the page, so neither has text
 * strokes touching its edge; a page cut off through its text does.
 */
export function inkAtEdges(grey: GreyImage): { side: Side; share: number }[] {
  const { width: w, height: h, data } = grey;
  const strip = Math.max(3, Math.round(Math.max(w, h) * 0.006));
  const out: { side: Side; share: number }[] = [];
  const measure = (side: Side): number => {
    const along = side === 'top' || side === 'bottom' ? w : h;
    let hits = 0;
    for (let a = 1; a < along - 1; a++) {
      let hit = false;
      for (let s = 0; s < strip && !hit; s++) {
        const [x, y] =
          side === 'top'
            ? [a, s]
            : side === 'bottom'
              ? [a, h - 1 - s]
              : side === 'left'
                ? [s, a]
                : [w - 1 - s, a];
        const v = data[y * w + x]!;
        const step = Math.max(
          Math.abs(data[y * w + Math.min(w - 1, x + 1)]! - v),
          Math.abs(data[Math.min(h - 1, y + 1) * w + x]! - v),
        );
        // Dark ink with a sharp step: a text stroke, not the desk or a shadow.
        if (v < 110 && step > 70) hit = true;
      }
      if (hit) hits++;
    }
    return hits / along;
  };
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const share = measure(side);
    // One text line cut by the edge is about 1% of a page's side.
    if (share >= 0.005) out.push({ side, share });
  }
  return out;
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
    const at = (line: number, k: number): number =>
      horizontal ? data[line * w + k]! : data[k * w + line]!;
    const lags = [3, 4, 5, 6, 7];
    const corr = new Float64Array(lags.length);
    let energy = 0;
    const sampleLines = 48;
    for (let s = 0; s < sampleLines; s++) {
      const line = Math.floor(lines * (0.1 + (0.8 * s) / sampleLines));
      const hp = new Float32Array(length);
      for (let k = 1; k < length - 1; k++)
        hp[k] = at(line, k) - (at(line, k - 1) + at(line, k + 1)) / 2;
      for (let k = 8; k < length - 8; k++) {
        energy += hp[k]! * hp[k]!;
        lags.forEach((lag, i) => (corr[i]! += hp[k]! * hp[k + lag]!));
      }
    }
    if (energy === 0) continue;
    for (const c of corr) best = Math.max(best, c / energy);
  }
  return best;
}
