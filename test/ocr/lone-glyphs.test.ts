// Print a blurred photo's full-size detection missed, found again on a smaller input: the
// boxes are those of a tuned bank-permit-rows photo (bench/ocr-photos.ts seed offset 4100,
// sample 1), whose letter-spaced `编    号` label lost its 编 at 1600 px (probability 0.35 at
// most there) and had it at 960 (a box scored 0.95).
import { describe, expect, it } from 'vitest';
import type { DetectedBox } from '../../src/ocr/paddle/db-postprocess';
import { addLoneBoxes } from '../../src/ocr/paddle/lone-glyphs';

const box = (
  x: number,
  y: number,
  w: number,
  h: number,
  score = 0.9,
  fill?: number,
): DetectedBox => ({
  x,
  y,
  w,
  h,
  score,
  pad: 4,
  ...(fill === undefined ? {} : { fill }),
});

const page = [
  box(700, 200, 209, 29),
  box(573, 288, 444, 50),
  box(197, 496, 315, 35),
  box(1044, 496, 244, 35),
  box(206, 609, 615, 21),
  box(637, 731, 433, 23),
  box(205, 731, 165, 22),
];

describe('lone glyphs found on a smaller input', () => {
  it('the 编 the full-size pass missed is added (old code: not read, serialNumber lost)', () => {
    const lone = box(957, 497, 36, 35, 0.95);
    // The smaller pass finds the page's lines again, a little shifted: they add nothing.
    const smaller = [...page.map((b) => ({ ...b, x: b.x + 3, w: b.w - 4 })), lone];
    const read = addLoneBoxes(page, smaller);
    expect(read).toHaveLength(page.length + 1);
    expect(read).toContainEqual(lone);
  });

  it('adds no block, no diagonal text, nothing scored weakly, nothing touching a line', () => {
    const smaller = [
      box(1300, 900, 300, 300, 0.95),
      box(100, 1000, 900, 500, 0.9, 0.05),
      box(957, 498, 35, 30, 0.7),
      box(1280, 500, 60, 30, 0.95),
    ];
    expect(addLoneBoxes(page, smaller)).toEqual(page);
  });
});
