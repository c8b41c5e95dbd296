// Which detection of a page's text lines PP-OCR reads: the page as it is, or its copy with
// only the darkest ink (found again where a watermark joined lines into a block, a card side). The
// copy must not be taken when it lost lines: a license printed in grey under a black
// title and a QR code (a tall block too) kept 2 of its 27 lines there, and read nothing.
import { describe, expect, it } from 'vitest';
import type { DetectedBox } from '../../src/ocr/paddle/db-postprocess';
import { joinedLines, keepsLines } from '../../src/ocr/paddle/engine';

const box = (x: number, y: number, w: number, h: number): DetectedBox => ({
  x,
  y,
  w,
  h,
  score: 0.9,
  pad: 4,
});

/** 20 text lines 30 px high down an A4-like page, one every 60 px. */
const lines = Array.from({ length: 20 }, (_, i) => box(200, 300 + 60 * i, 900, 30));
const title = box(800, 120, 700, 90);
const qr = box(2000, 80, 200, 200);

describe('lines found again on the darkest ink', () => {
  it('a QR code counts as a joined block, but the copy that lost the grey text is refused', () => {
    const page = [title, qr, ...lines];
    expect(joinedLines(page)).toBe(true);
    expect(keepsLines(page, [title, qr])).toBe(false);
  });

  it('a copy where a watermark block split back into its lines is kept', () => {
    // A watermark joined lines 5 to 9 into one block on the page as it is.
    const block = box(200, 600, 420, 290);
    const page = [title, ...lines.slice(0, 5), block, ...lines.slice(10)];
    expect(joinedLines(page)).toBe(true);
    expect(keepsLines(page, [title, ...lines])).toBe(true);
  });

  it('a copy that dropped a few of the lines is refused', () => {
    const page = [title, qr, ...lines];
    expect(keepsLines(page, [title, qr, ...lines.slice(4)])).toBe(false);
  });
});
