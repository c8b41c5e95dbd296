// Print a blurred photo's detection missed: a glyph standing alone (编 of a letter-spaced
// `编    号` label, three characters from the 号) gave the detector's full-size input no
// probability above its threshold (0.35 at most), where the same photo at a smaller input,
// its blur shrunk with it, gave a box scored 0.95. Such a photo is detected a second time
// smaller, and what that pass finds where the first found nothing is added.
import { isHollow, overlapShare } from '../engine';
import type { DetectedBox } from './db-postprocess';

/**
 * The detector's input long side for the second pass: a phone photo of A4 is detected at
 * 1600 (detector.ts); its lone 编 came out at 1280, 1024 and 960 alike (0.95-0.98), and
 * 960 costs about a third of the first pass.
 */
export const LONE_GLYPH_SIDE = 960;

/**
 * `boxes` with every box of `smaller` (the page detected at LONE_GLYPH_SIDE) that touches
 * none of them: solid (not diagonal text or a frame), no taller than twice the median
 * box (a block of joined lines is not print the first pass missed), and scored as surely
 * as a line (0.8).
 */
export function addLoneBoxes<T extends DetectedBox>(
  boxes: readonly T[],
  smaller: readonly T[],
): T[] {
  if (boxes.length === 0) return [...smaller];
  const heights = boxes.map((b) => b.h).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  const added = smaller.filter(
    (s) =>
      !isHollow(s) &&
      s.score >= 0.8 &&
      s.h <= 2 * median &&
      boxes.every((b) => overlapShare(s, b) === 0),
  );
  return [...boxes, ...added];
}
