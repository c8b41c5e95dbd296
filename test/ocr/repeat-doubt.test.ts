// Two like glyphs standing close (the 11 of 711, a doubled given name 丽丽) are written
// once by greedy CTC decoding when the blank between them rises without winning: the
// character is then trusted no more than the run's weakest inside step says it is one
// (ctc.ts repeatDoubt). Fails on the old code, which trusted the merged 1 at 0.97: a
// license address 虚构大道711号 read 71号 at 0.93 on a fresh tuned dossier (seed offset
// 4340), whose recogniser steps these rows copy.
import { describe, expect, it } from 'vitest';
import { ctcAlphabet, ctcGreedyDecode } from '../../src/ocr/paddle/ctc';

describe('a run of one character that may be two', () => {
  // Classes: blank, 7, 1, 号.
  const alphabet = ctcAlphabet('7\n1\n号\n');
  const decode = (rows: number[][]) =>
    ctcGreedyDecode(new Float32Array(rows.flat()), rows.length, 5, alphabet);

  it('doubts a 1 whose run the blank nearly split (711 read 71)', () => {
    const decoded = decode([
      [0.003, 0.991, 0.006, 0, 0],
      [0.525, 0.466, 0.009, 0, 0],
      [0.022, 0, 0.973, 0.005, 0],
      [0.232, 0, 0.767, 0.001, 0],
      [0.213, 0, 0.786, 0.001, 0],
      [0.016, 0, 0.984, 0, 0],
      [0.989, 0, 0.007, 0.004, 0],
      [0.001, 0, 0.002, 0.997, 0],
    ]);
    expect(decoded.text).toBe('71号');
    expect(decoded.charConfidences[1]).toBeCloseTo(0.768, 3);
    expect(decoded.charConfidences[0]).toBeCloseTo(0.991, 3);
    expect(decoded.charConfidences[2]).toBeCloseTo(0.997, 3);
  });

  it('trusts a run as before where the blank stays down inside it, or it has no inside', () => {
    const long = decode([
      [0.01, 0, 0.95, 0.04, 0],
      [0.02, 0, 0.9, 0.08, 0],
      [0.03, 0, 0.96, 0.01, 0],
      [0.99, 0, 0.01, 0, 0],
    ]);
    expect(long.text).toBe('1');
    expect(long.charConfidences[0]).toBeCloseTo(0.96, 3);
    // A run's first and last steps border blanks of their own: a rising blank there is
    // the glyph's edge, not a second glyph.
    const edges = decode([
      [0.4, 0, 0.6, 0, 0],
      [0.45, 0, 0.55, 0, 0],
      [0.99, 0, 0.01, 0, 0],
    ]);
    expect(edges.charConfidences[0]).toBeCloseTo(0.6, 3);
  });
});
