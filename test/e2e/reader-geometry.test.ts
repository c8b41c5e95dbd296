// The reader's box arithmetic (src/ocr/page-turn.ts) against the pixels
// rotateQuarter produces: a box turned with the page covers the same ink; and the engine's
// extra turn is recovered from the prepared page and the boxes read on the turned page.
import { describe, expect, it } from 'vitest';
import { createRaster, rotateQuarter, type QuarterTurn, type Raster } from '../../src/ocr/raster';
import { engineTurn, turnRect, type Rect } from '../../src/ocr/page-turn';

function paint(r: Raster, rect: Rect): void {
  for (let y = rect.y; y < rect.y + rect.h; y++)
    for (let x = rect.x; x < rect.x + rect.w; x++)
      r.data.fill(0, (y * r.width + x) * 4, (y * r.width + x) * 4 + 3);
}

function darkIn(r: Raster, rect: Rect): number {
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++)
    for (let x = rect.x; x < rect.x + rect.w; x++) if (r.data[(y * r.width + x) * 4] === 0) n++;
  return n;
}

describe('reader geometry', () => {
  const turns: QuarterTurn[] = [0, 90, 180, 270];
  it.each(turns)('turnRect follows rotateQuarter by %i°', (turn) => {
    const page = createRaster(60, 40);
    const box = { x: 5, y: 3, w: 20, h: 7 };
    paint(page, box);
    const turned = rotateQuarter(page, turn);
    const moved = turnRect(box, 60, 40, turn);
    expect(darkIn(turned, moved)).toBe(box.w * box.h);
  });

  it.each(turns)('engineTurn recovers a %i° turn from the boxes', (turn) => {
    // Three "lines" placed asymmetrically, so the 180° reflection lands on paper.
    const prepared = createRaster(200, 120);
    const lines = [
      { x: 10, y: 10, w: 90, h: 10 },
      { x: 10, y: 30, w: 60, h: 10 },
      { x: 10, y: 50, w: 120, h: 10 },
    ];
    for (const l of lines) paint(prepared, l);
    const turned = rotateQuarter(prepared, turn);
    const items = lines.map((l) => ({
      ...turnRect(l, 200, 120, turn),
      page: 0,
      text: 'x',
      confidence: 1,
    }));
    expect(
      engineTurn(prepared, { page: 0, width: turned.width, height: turned.height, items }),
    ).toBe(turn);
  });
});
