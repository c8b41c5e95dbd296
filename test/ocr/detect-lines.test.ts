// Which detection of a page's text lines PP-OCR reads: the page as it is, or, inside the
// blocks where the detector joined lines (a watermark over a card side, a seal), the lines
// found again on the copy with only the darkest ink. That copy never replaces lines outside
// the blocks: a license printed in grey under a black title and a QR code (a tall block
// too) kept 2 of its 27 lines there, and read nothing.
import { describe, expect, it } from 'vitest';
import type { DetectedBox } from '../../src/ocr/paddle/db-postprocess';
import { joinedBlocks, replaceJoinedBlocks } from '../../src/ocr/paddle/joined-blocks';

const box = (x: number, y: number, w: number, h: number, fill?: number): DetectedBox => ({
  x,
  y,
  w,
  h,
  score: 0.9,
  pad: 4,
  ...(fill === undefined ? {} : { fill }),
});

/** 20 text lines 30 px high down an A4-like page, one every 60 px. */
const lines = Array.from({ length: 20 }, (_, i) => box(200, 300 + 60 * i, 900, 30));
const title = box(800, 120, 700, 90);
const qr = box(2000, 80, 200, 200);

/** What PP-OCR reads: the page's boxes with its joined blocks read again on `darkest`. */
const readAgain = (page: DetectedBox[], darkest: DetectedBox[]): DetectedBox[] =>
  replaceJoinedBlocks(page, joinedBlocks(page), darkest);

describe('lines found again on the darkest ink', () => {
  it('a QR code counts as a joined block, but the grey text the copy lost is kept', () => {
    const page = [title, qr, ...lines];
    expect(joinedBlocks(page)).toEqual([qr]);
    const read = readAgain(page, [title, qr]);
    expect(read).toEqual(expect.arrayContaining(lines));
    expect(read).toHaveLength(page.length);
  });

  it('a watermark block splits back into its lines, even lines wider than the block', () => {
    // A watermark joined lines 5 to 9 into one block on the page as it is.
    const block = box(200, 600, 420, 290);
    const page = [title, ...lines.slice(0, 5), block, ...lines.slice(10)];
    expect(joinedBlocks(page)).toEqual([block]);
    const read = readAgain(page, [title, ...lines]);
    expect(read).not.toContain(block);
    expect(read).toEqual(expect.arrayContaining(lines));
    expect(read).toHaveLength(1 + lines.length);
  });

  it('a copy that dropped a few of the lines loses none of them', () => {
    const page = [title, qr, ...lines];
    expect(readAgain(page, [title, qr, ...lines.slice(4)])).toEqual(expect.arrayContaining(lines));
  });

  it('a seal and a diagonal watermark line: each gives way to its own lines, nothing else does', () => {
    const grey = lines.slice(0, 4);
    // A seal over the lines near the bottom (tall, not wide), and a diagonal watermark line
    // (hollow: it fills 4% of its box).
    const seal = box(600, 900, 200, 200, 0.2);
    const watermark = box(0, 1300, 900, 500, 0.04);
    const page = [...grey, seal, watermark];
    expect(joinedBlocks(page)).toEqual([seal, watermark]);
    // The darkest ink shows the title, the date over the seal and a line under the watermark.
    const date = box(620, 1000, 160, 30);
    const under = box(200, 1500, 300, 30);
    // The grey lines stay (the darkest ink lost them), the title outside every block is not taken.
    expect(readAgain(page, [title, date, under])).toEqual([...grey, date, under]);
    // A solid block with nothing under it on the darkest ink stays; a hollow one goes.
    const solid = { ...seal, fill: 0.8 };
    expect(replaceJoinedBlocks([...grey, solid, watermark], [solid, watermark], [])).toEqual([
      ...grey,
      solid,
    ]);
  });
});

describe('a line the darkest ink splits where a watermark crosses it', () => {
  it('gives way to all of its parts, not only to the one inside the block', () => {
    // A card back photo (id-card-photo, watermarked): `有效期限 2024.02.14-2044.02.14` is one
    // line on the page; the darkest ink splits it into the label and the dates, and only the
    // label's part lies inside a hollow watermark block.
    const title = box(305, 92, 423, 49);
    const authority = box(360, 461, 359, 33);
    const term = box(155, 527, 559, 36);
    const watermark = box(0, 212, 312, 385, 0.09);
    const page = [
      title,
      box(312, 196, 453, 68),
      box(168, 459, 152, 37),
      authority,
      term,
      watermark,
    ];
    page.push(box(765, 0, 235, 295, 0.11), box(795, 249, 205, 210, 0.18));
    const label = box(157, 529, 141, 32);
    const dates = box(337, 529, 376, 31);
    const read = readAgain(page, [title, label, dates]);
    expect(read).toEqual(expect.arrayContaining([label, dates, authority]));
    expect(read).not.toContain(term);
  });
});

describe('a watermark found again on the darkest ink', () => {
  it('replaces no line it grazes: the watermark is no line to read', () => {
    // An A4 copy of a card back (id-a4-one-side, copy scan): the watermark below the
    // card's two lines is a hollow block on the page and a hollow box on the darkest ink
    // too, and its box grazes the validity line's.
    const title = box(668, 469, 287, 64);
    const authority = box(584, 709, 394, 66);
    const term = box(587, 755, 404, 66);
    const watermark = box(466, 814, 906, 247, 0.15);
    const page = [title, box(671, 537, 312, 78), authority, term, watermark];
    const darkTerm = box(586, 754, 406, 69);
    const read = readAgain(page, [title, darkTerm, box(469, 815, 904, 243, 0.14)]);
    expect(read).toEqual(expect.arrayContaining([authority, term]));
    expect(read).not.toContain(watermark);
  });
});
