// Glare on a photographed page: a coarse grid of cells over the reduced image (mean,
// spread, paper level, clipped share per cell), and the washed-out patches on it. The
// grid's thresholds were calibrated with the other detectors (detectors.ts).
import { components, histogramQuantile, type Rect, type RgbaImage } from './pixels';

/** A coarse grid over a reduced image: brightest level and clipped share per cell. */
export interface CellGrid {
  cols: number;
  rows: number;
  cell: number;
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
    high: new Float32Array(n),
    clipped: new Float32Array(n),
  };
  const d = image.data;
  // One histogram for every cell, cleared before each (a cell is 8 × 8 px or more).
  const hist = new Uint32Array(256);
  const k = cell * cell;
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      hist.fill(0);
      let clipped = 0;
      for (let y = cy * cell; y < (cy + 1) * cell; y++) {
        for (let x = cx * cell, j = (y * image.width + x) * 4; x < (cx + 1) * cell; x++, j += 4) {
          const r = d[j]!;
          const g = d[j + 1]!;
          const b = d[j + 2]!;
          hist[Math.round(0.299 * r + 0.587 * g + 0.114 * b)]!++;
          if (r >= 250 && g >= 250 && b >= 250) clipped++;
        }
      }
      const i = cy * cols + cx;
      grid.high[i] = histogramQuantile(hist, k, 0.9);
      grid.clipped[i] = clipped / k;
    }
  }
  return grid;
}

export interface Blob extends Rect {
  /** Share of the image's area. */
  share: number;
}

/**
 * The connected patches of a grid's marked cells that cover at least `minShare` of it, each
 * as its box in the image's pixels (grown by `grow` cells on each side, within the grid)
 * and its cells' indices. Glare's washed-out cells and a covering object's body alike.
 */
export function cellBlobs(
  grid: Pick<CellGrid, 'cols' | 'rows' | 'cell'>,
  mask: Uint8Array,
  minShare: number,
  grow = 0,
): { blob: Blob; cells: number[] }[] {
  const { cols, rows, cell } = grid;
  const total = cols * rows;
  return components(mask, cols, rows, Math.max(1, Math.ceil(minShare * total))).map((c) => {
    const x0 = Math.max(0, c.minX - grow);
    const y0 = Math.max(0, c.minY - grow);
    const x1 = Math.min(cols - 1, c.maxX + grow);
    const y1 = Math.min(rows - 1, c.maxY + grow);
    return {
      blob: {
        x: x0 * cell,
        y: y0 * cell,
        w: (x1 - x0 + 1) * cell,
        h: (y1 - y0 + 1) * cell,
        share: c.pixels.length / total,
      },
      cells: c.pixels,
    };
  });
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
