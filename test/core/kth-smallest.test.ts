// kthSmallest selects what a sort would put at index k (textSharpness's 98th percentile of
// half a million brightness steps), on values with many ties, as the steps have.
import { describe, expect, it } from 'vitest';
import { kthSmallest } from '../../src/core/image/pixels';

/** A small deterministic generator (the same values on every run). */
function values(n: number, distinct: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[i] = (s % distinct) / 9;
  }
  return out;
}

describe('kthSmallest', () => {
  it('gives the value a sort puts at index k, with ties, runs and one value', () => {
    const cases: Float64Array[] = [
      values(1, 5, 1),
      values(2, 2, 2),
      values(1000, 3, 3),
      values(5000, 1000, 4),
      values(200_000, 40, 5),
      Float64Array.from({ length: 3000 }, (_, i) => i),
      Float64Array.from({ length: 3000 }, (_, i) => 3000 - i),
      new Float64Array(500),
    ];
    for (const input of cases) {
      const sorted = input.slice().sort();
      for (const q of [0, 0.01, 0.5, 0.98, 0.999, 1]) {
        const k = Math.min(input.length - 1, Math.floor(input.length * q));
        expect(kthSmallest(input.slice(), k)).toBe(sorted[k]);
      }
    }
  });

  it('stays linear-ish on an organ-pipe input that defeats a middle pivot', () => {
    const n = 100_000;
    const pipe = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i));
    const sorted = pipe.slice().sort();
    expect(kthSmallest(pipe.slice(), Math.floor(n * 0.98))).toBe(sorted[Math.floor(n * 0.98)]);
  });
});
