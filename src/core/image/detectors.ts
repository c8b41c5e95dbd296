// The image-quality detectors (spec §3 files.quality), each on plain pixels: colour vs
// greyscale, text sharpness, glare, covered areas, text running off the edge, a screen's
// pixel grid. Thresholds were calibrated on generated images with known defects (see
// bench/quality.ts and BENCHMARKS.md); each says what it measures.
import {
  clip,
  components,
  intersects,
  quantile8,
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
  const values = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) values[i] = Math.round(smooth[i]!);
  const contrast = quantile8(values, 0.99) - quantile8(values, 0.01);
  if (contrast < 40) return null;
  // A typed array sorts numerically in native code: a field as large as a business scope
  // has half a million steps, which a JS array sorted with a comparator took ~0.2 s over.
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
  steps.sort();
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
    clipped: new Float32Array(n),
  };
  const d = image.data;
  const values = new Uint8Array(cell * cell);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let k = 0;
      let sum = 0;
      let sq = 0;
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
        }
      }
      const i = cy * cols + cx;
      const mean = sum / k;
      grid.mean[i] = mean;
      grid.std[i] = Math.sqrt(Math.max(0, sq / k - mean * mean));
      grid.high[i] = quantile8(values, 0.9);
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
 * A pixel of an object over the page rather than of the page itself: a clear but muted
 * colour (skin, a sticky note, a sleeve, wood), lit (not the dark desk's shadow), and not
 * the saturated red of seal ink or a frame line, which belongs to the document.
 */
function objectColoured(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = 0.299 * r + 0.587 * g + 0.114 * b;
  if (l < 70 || l > 245 || max - min < COVER_MIN_CHROMA) return false;
  // Red ink: red far above both others (a seal 200/40/40; skin keeps green within 80).
  if (r - g >= 80 && r - b >= 80) return false;
  // Warm objects (skin, paper notes, wood) order their channels r ≥ g ≥ b; other
  // coloured objects count where their colour is strong (a blue sleeve, a green note).
  return (r >= g && g >= b - 6) || max - min >= 2 * COVER_MIN_CHROMA;
}

/** Clear colour an object's pixel shows at least (max − min channel): the desk measured 22-26. */
export const COVER_MIN_CHROMA = 34;

/**
 * Covered: a smooth, object-coloured area of some size over the page, on a fine grid (a
 * narrow finger turned across the page fills few coarse cells). Thin lines (a frame, a
 * seal's ring) are left out by the grid's erosion: an object is several cells thick. It
 * counts where it lies over a field's box, where text was expected, or reaches the page's
 * interior (a field hidden so well that it was not read has no box), not only the desk
 * around the page.
 */
export function findCovered(image: RgbaImage, fields: readonly Rect[]): Blob[] {
  const cell = Math.max(3, Math.round(Math.max(image.width, image.height) / 200));
  const cols = Math.floor(image.width / cell);
  const rows = Math.floor(image.height / cell);
  const mask = new Uint8Array(cols * rows);
  const d = image.data;
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let object = 0;
      let sum = 0;
      let sq = 0;
      for (let y = cy * cell; y < (cy + 1) * cell; y++) {
        for (let x = cx * cell; x < (cx + 1) * cell; x++) {
          const j = (y * image.width + x) * 4;
          const r = d[j]!;
          const g = d[j + 1]!;
          const b = d[j + 2]!;
          const l = 0.299 * r + 0.587 * g + 0.114 * b;
          sum += l;
          sq += l * l;
          if (objectColoured(r, g, b)) object++;
        }
      }
      const k = cell * cell;
      const mean = sum / k;
      const std = Math.sqrt(Math.max(0, sq / k - mean * mean));
      if (object >= 0.6 * k && std < 14) mask[cy * cols + cx] = 1;
    }
  }
  // The object's body: cells whose eight neighbours are object cells too.
  const core = new Uint8Array(cols * rows);
  for (let y = 1; y < rows - 1; y++) {
    for (let x = 1; x < cols - 1; x++) {
      let all = true;
      for (let dy = -1; dy <= 1 && all; dy++)
        for (let dx = -1; dx <= 1 && all; dx++)
          if (mask[(y + dy) * cols + x + dx] === 0) all = false;
      if (all) core[y * cols + x] = 1;
    }
  }
  const total = cols * rows;
  const insetX = Math.floor(cols * 0.15);
  const insetY = Math.floor(rows * 0.15);
  return components(core, cols, rows, Math.max(1, Math.ceil(COVER_MIN_SHARE * total)))
    .map((c) => ({
      cells: c.pixels,
      blob: {
        // The body grown back by the eroded cell on each side.
        x: Math.max(0, c.minX - 1) * cell,
        y: Math.max(0, c.minY - 1) * cell,
        w: (Math.min(cols - 1, c.maxX + 1) - Math.max(0, c.minX - 1) + 1) * cell,
        h: (Math.min(rows - 1, c.maxY + 1) - Math.max(0, c.minY - 1) + 1) * cell,
        share: c.pixels.length / total,
      },
    }))
    .filter(({ cells }) =>
      cells.some((i) => {
        const x = i % cols;
        const y = (i - x) / cols;
        const rect = { x: x * cell, y: y * cell, w: cell, h: cell };
        const interior = x >= insetX && x < cols - insetX && y >= insetY && y < rows - insetY;
        return interior || fields.some((f) => intersects(rect, f));
      }),
    )
    .map((b) => b.blob);
}

/** Smallest object body that counts, as a share of the image (a fingertip is 1-10%). */
export const COVER_MIN_SHARE = 0.004;

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
        // A plain loop: a closure per pixel was most of this function's time.
        for (let i = 0; i < lags.length; i++) corr[i]! += hp[k]! * hp[k + lags[i]!]!;
      }
    }
    if (energy === 0) continue;
    for (const c of corr) best = Math.max(best, c / energy);
  }
  return best;
}
