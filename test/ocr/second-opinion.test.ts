// The second reader of doubtful glyphs (src/ocr/paddle/second-opinion.ts), on made-up
// readings: its character is taken only where both readers support it, never at 0.9 or
// more, with PP-OCR's character kept first among the alternatives; a sure glyph, a long
// line or a failing reader leaves the reading as it was. The CTC decoder gives each
// character every class it had at CANDIDATE_MIN_P or more.
import { describe, expect, it } from 'vitest';
import { ctcAlphabet, ctcGreedyDecode } from '../../src/ocr/paddle/ctc';
import type { RecognisedChar } from '../../src/ocr/paddle/line-segments';
import {
  applySecondOpinion,
  glyphsToAsk,
  secondReading,
  type GlyphReader,
} from '../../src/ocr/paddle/second-opinion';
import { createRaster } from '../../src/ocr/raster';

const char = (
  text: string,
  confidence: number,
  x: number,
  candidates: Record<string, number> = {},
): RecognisedChar => ({
  text,
  confidence,
  x,
  start: x - 10,
  alternatives: [],
  candidates: new Map(Object.entries({ [text]: confidence, ...candidates })),
});

describe('a second reading of a doubtful glyph', () => {
  it('is taken where Tesseract is sure and PP-OCR gave the character a share: below 0.9', () => {
    const first = char('余', 0.86, 100, { 佘: 0.038 });
    const taken = secondReading(first, { text: '佘', confidence: 0.78 });
    expect(taken).toMatchObject({ text: '佘', secondOpinion: true });
    expect(taken!.confidence).toBeLessThan(0.9);
    expect(taken!.alternatives[0]).toEqual({ text: '余', p: 0.86 });
  });

  it('is not taken where PP-OCR gave it no share, Tesseract is unsure, or it is no ideograph', () => {
    const first = char('晟', 0.9, 100, { 扇: 0.0037 });
    expect(secondReading(first, { text: '扇', confidence: 0.8 })).toBeNull();
    expect(
      secondReading(char('余', 0.86, 100, { 佘: 0.04 }), { text: '佘', confidence: 0.6 }),
    ).toBeNull();
    expect(
      secondReading(char('余', 0.86, 100, { A: 0.04 }), { text: 'A', confidence: 0.9 }),
    ).toBeNull();
    expect(secondReading(char('余', 0.86, 100), { text: '余', confidence: 0.9 })).toBeNull();
  });

  it('asks only about doubtful ideographs of short lines', () => {
    const short = [char('法', 0.99, 20), char('人', 0.99, 60), char('元', 0.8, 120)];
    const long = [...'许可项目第二类增值电信业务'].map((t, i) => char(t, 0.5, 20 + 40 * i));
    const digits = [char('1', 0.5, 20), char('2', 0.5, 60)];
    expect(glyphsToAsk([short, long, digits])).toEqual([{ line: 0, char: 2 }]);
  });

  it('replaces the glyph it supports, and leaves the lines alone when the reader fails', async () => {
    const crops = [createRaster(200, 40)];
    const lines = [[char('冼', 0.99, 20), char('洗', 0.7, 60, { 冼: 0.023 })]];
    const asked: number[] = [];
    const reader: GlyphReader = (glyphs) => {
      asked.push(...glyphs.map((g) => g.width));
      return Promise.resolve(glyphs.map(() => ({ text: '冼', confidence: 0.8 })));
    };
    const read = await applySecondOpinion(crops, lines, reader);
    expect(read[0]!.map((c) => c.text).join('')).toBe('冼冼');
    // The glyph's crop: from the midpoint to its neighbour (40) to half a line height past
    // its centre (80), on a margin of a quarter line height (10) each side.
    expect(asked).toEqual([61]);
    const failing: GlyphReader = () => Promise.reject(new Error('no worker'));
    const kept = await applySecondOpinion(crops, lines, failing);
    expect(kept[0]!.map((c) => c.text).join('')).toBe('冼洗');
  });

  it('gives each decoded character the classes it had, the blank steps after it included', () => {
    const alphabet = ctcAlphabet('洗\n冼\n');
    const rows = [
      [0.1, 0.898, 0.002, 0],
      [0.95, 0.0005, 0.004, 0],
      [0.2, 0.0002, 0.7995, 0.0003],
    ];
    const decoded = ctcGreedyDecode(new Float32Array(rows.flat()), rows.length, 4, alphabet, true);
    expect(decoded.text).toBe('洗冼');
    expect(decoded.charCandidates[0]?.get('冼')).toBeCloseTo(0.004, 6);
    // 洗 at 0.0005 and the space at 0.0003 are below CANDIDATE_MIN_P.
    expect([...decoded.charCandidates[1]!.keys()]).toEqual(['冼']);
    // Without a second reader nothing is kept: the same text, no candidates.
    const plain = ctcGreedyDecode(new Float32Array(rows.flat()), rows.length, 4, alphabet);
    expect(plain.text).toBe('洗冼');
    expect(plain.charCandidates).toEqual([]);
  });
});
