// An object over the page (a finger, a sticky note, a sleeve): smooth, object-coloured
// areas on a fine grid over the reduced image. Calibrated with the other detectors
// (detectors.ts, bench/quality.ts).
import { cellBlobs, type Blob } from './glare';
import { intersects, type Rect, type RgbaImage } from './pixels';

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
  const insetX = Math.floor(cols * 0.15);
  const insetY = Math.floor(rows * 0.15);
  // The body grown back by the eroded cell on each side.
  return cellBlobs({ cols, rows, cell }, core, COVER_MIN_SHARE, 1)
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
