// Where the detector joined text lines into blocks (a watermark across them, a round
// seal), and the page's boxes with those blocks read again on the darkest ink.
import { isHollow, overlapShare } from '../engine';
import type { DetectedBox } from './db-postprocess';

/**
 * The blocks where the detector joined text lines: boxes over 2.5 times the height of
 * the median solid box (a text line) that are not wide (a line of large type, a title,
 * stays wide) or are hollow (diagonal watermark text). A watermark crossing the lines
 * makes them; so does a round seal.
 */
export function joinedBlocks<T extends DetectedBox>(boxes: readonly T[]): T[] {
  if (boxes.length < 5) return [];
  const solid = boxes.filter((b) => !isHollow(b));
  const heights = (solid.length > 0 ? solid : boxes).map((b) => b.h).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  return boxes.filter((b) => b.h > 2.5 * median && (b.h > 0.6 * b.w || isHollow(b)));
}

const intersects = (a: DetectedBox, b: DetectedBox): boolean => overlapShare(a, b) > 0;

/**
 * The page's boxes with the joined blocks read again: `again` (the same page detected on
 * its darkest ink) gives the lines inside them, and those lines replace every box of the
 * page they touch; a solid block where it finds nothing stays, a hollow one (diagonal
 * text, a frame: nothing a line reader can read) goes. Away from the blocks the page's
 * own boxes stay: on a grey scan the darkest ink can be the title alone (a license in
 * grey print under a black title and a QR code kept 2 of its 27 lines on that copy; one
 * whose red seal was the only block read nothing but its title).
 */
export function replaceJoinedBlocks<T extends DetectedBox>(
  boxes: readonly T[],
  blocks: readonly T[],
  again: readonly T[],
): T[] {
  // A line found there may reach past the block's sides (the watermark joined only a
  // part of it): it belongs to the block when its middle lies at the block's height.
  const within = (a: DetectedBox, b: DetectedBox): boolean =>
    intersects(a, b) && a.y + a.h / 2 >= b.y && a.y + a.h / 2 <= b.y + b.h;
  // A hollow box found again is the watermark itself, which replaces nothing (it took a
  // copied card back's validity line with it where it grazed that line's box).
  const inBlocks = again.filter((a) => !isHollow(a) && blocks.some((b) => within(a, b)));
  // A page line such a line touches gives way to every line found again at its height,
  // not only to the part inside the block: the darkest ink split a card back's
  // `有效期限 2024.02.14-2044.02.14` in two where a watermark crossed it, the label's part
  // lay in the block, and the dates were lost with the line they replaced.
  const touched = boxes.filter(
    (b) => !blocks.includes(b) && inBlocks.some((l) => intersects(l, b)),
  );
  const alongside = again.filter((a) => !inBlocks.includes(a) && touched.some((b) => within(a, b)));
  const lines = [...inBlocks, ...alongside];
  const kept = boxes.filter(
    (b) => !(blocks.includes(b) && isHollow(b)) && !lines.some((line) => intersects(line, b)),
  );
  return [...kept, ...lines];
}
