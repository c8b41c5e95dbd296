// A character PP-OCR read unsurely keeps every class it gave at least 0.001 at that glyph
// (ctc.ts doubtCandidates), not only its two best runners-up: what the page says of a
// character another document reads there (core/extract/page-support.ts). Fails on the old
// code: it kept nothing beyond the two runners-up of the character's own run.
import { describe, expect, it } from 'vitest';
import { ctcAlphabet, ctcGreedyDecode } from '../../src/ocr/paddle/ctc';
import { lineSegments, type RecognisedChar } from '../../src/ocr/paddle/line-segments';

describe('candidates of a doubted character', () => {
  const alphabet = ctcAlphabet('斋\n深\n浠\n滘\n圳\n');
  // 斋 at 0.36 with 浠 and 滘 its runners-up in its run, 深 behind them and strongest in
  // the blank step after it; then 圳, read for sure.
  const rows = [
    [0.9, 0.05, 0.02, 0.02, 0.01, 0, 0],
    [0.05, 0.36, 0.118, 0.25, 0.2, 0.022, 0],
    [0.6, 0.2, 0.15, 0.02, 0.02, 0.0005, 0.0095],
    [0.01, 0, 0.0004, 0, 0, 0.9896, 0],
  ];
  const decoded = ctcGreedyDecode(new Float32Array(rows.flat()), rows.length, 7, alphabet);

  it('keeps every class at 0.001 or more over its steps, best first; a sure character none', () => {
    expect(decoded.text).toBe('斋圳');
    expect(decoded.charAlternatives[0]?.map((a) => a.text)).toEqual(['浠', '滘']);
    expect(decoded.doubtCandidates[0]?.map((a) => a.text)).toEqual(['浠', '滘', '深', '圳', ' ']);
    expect(decoded.doubtCandidates[0]?.find((a) => a.text === '深')?.p).toBeCloseTo(0.15, 6);
    expect(decoded.doubtCandidates[1]).toEqual([]);
  });

  it('reaches the item as CharAlternatives.candidates', () => {
    const chars: RecognisedChar[] = [...decoded.text].map((text, k) => ({
      text,
      confidence: decoded.charConfidences[k]!,
      x: 20 + 40 * k,
      start: 40 * k,
      alternatives: decoded.charAlternatives[k]!,
      ...(decoded.doubtCandidates[k]!.length > 0
        ? { doubtCandidates: decoded.doubtCandidates[k]! }
        : {}),
    }));
    const [item] = lineSegments(chars, { x: 0, y: 0, w: 80, h: 40, score: 0.9, pad: 4 }, 0);
    expect(item?.alternatives?.[0]?.candidates?.map((c) => c.text)).toContain('深');
  });
});

describe('candidates of a doubted character with a second reader on', () => {
  // Lines of random steps, probabilities rounded to 1/200 so that classes tie: the
  // candidates kept for a second reader give each doubted character the same doubt
  // candidates, in the same order, as scanning its steps again.
  const classes = 9;
  const alphabet = ctcAlphabet('甲\n乙\n丙\n丁\n戊\n己\n庚\n');
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const line = (steps: number): Float32Array => {
    const rows: number[] = [];
    for (let t = 0; t < steps; t++) {
      const raw = Array.from({ length: classes }, (_, c) =>
        c === 0 && random() < 0.5 ? 6 : random() ** 3,
      );
      const sum = raw.reduce((a, b) => a + b, 0);
      rows.push(...raw.map((r) => Math.round((200 * r) / sum) / 200));
    }
    return new Float32Array(rows);
  };

  it('are the same as without it', () => {
    let doubted = 0;
    for (let n = 0; n < 300; n++) {
      const steps = 3 + Math.floor(random() * 20);
      const probs = line(steps);
      const alone = ctcGreedyDecode(probs, steps, classes, alphabet);
      const withReader = ctcGreedyDecode(probs, steps, classes, alphabet, true);
      expect(withReader.text).toBe(alone.text);
      expect(withReader.doubtCandidates).toEqual(alone.doubtCandidates);
      doubted += alone.doubtCandidates.filter((d) => d.length > 0).length;
    }
    expect(doubted).toBeGreaterThan(100);
  });
});
