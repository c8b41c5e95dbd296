// Where an OCR engine's boxes live: the engines read a prepared page (EXIF turn, deskew)
// and may turn it again (sideways or upside-down pages). These helpers recover the total
// quarter turn from the prepared page and the boxes the engine returned, so the review
// screen can draw the page in the boxes' coordinate space.
import type { PageText } from '../core/extraction';
import type { QuarterTurn, Raster } from './raster';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle of a w × h image, after that image is turned clockwise by `turn` (as rotateQuarter). */
export function turnRect(r: Rect, width: number, height: number, turn: QuarterTurn): Rect {
  switch (turn) {
    case 90:
      return { x: height - r.y - r.h, y: r.x, w: r.h, h: r.w };
    case 180:
      return { x: width - r.x - r.w, y: height - r.y - r.h, w: r.w, h: r.h };
    case 270:
      return { x: r.y, y: width - r.x - r.w, w: r.h, h: r.w };
    default:
      return r;
  }
}

/** Share of dark pixels (gray < 128) inside the rectangles, sampled on a grid. */
function inkInside(page: Raster, rects: readonly Rect[]): number {
  let dark = 0;
  let seen = 0;
  const { width, height, data } = page;
  for (const r of rects) {
    const x0 = Math.max(0, Math.floor(r.x));
    const y0 = Math.max(0, Math.floor(r.y));
    const x1 = Math.min(width, Math.ceil(r.x + r.w));
    const y1 = Math.min(height, Math.ceil(r.y + r.h));
    const step = Math.max(1, Math.floor(Math.min(x1 - x0, y1 - y0) / 12));
    for (let y = y0; y < y1; y += step)
      for (let x = x0; x < x1; x += step) {
        const i = (y * width + x) * 4;
        const gray = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
        if (gray < 128) dark++;
        seen++;
      }
  }
  return seen === 0 ? 0 : dark / seen;
}

/**
 * The quarter turn the engine applied to the prepared page to read it: a swapped width
 * and height means 90 or 270, else 0 or 180; between the two, the turn whose boxes,
 * mapped back onto the prepared page, cover the most ink.
 */
export function engineTurn(prepared: Raster, page: PageText): QuarterTurn {
  const swapped =
    prepared.width !== prepared.height &&
    Math.abs(page.width - prepared.height) < 1 &&
    Math.abs(page.height - prepared.width) < 1;
  const candidates: [QuarterTurn, QuarterTurn] = swapped ? [90, 270] : [0, 180];
  if (page.items.length === 0) return candidates[0];
  const score = (turn: QuarterTurn): number => {
    // Boxes are in the turned page (page.width × page.height); undo the turn.
    const back = ((360 - turn) % 360) as QuarterTurn;
    return inkInside(
      prepared,
      page.items.map((item) => turnRect(item, page.width, page.height, back)),
    );
  };
  return score(candidates[1]) > score(candidates[0]) * 1.2 ? candidates[1] : candidates[0];
}
