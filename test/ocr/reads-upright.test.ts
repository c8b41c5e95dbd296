// When a page's reading alone says it is upright (src/ocr/paddle/engine.ts): the angle
// classifier is then not asked.
import { expect, it } from 'vitest';
import { readsUpright } from '../../src/ocr/paddle/engine';
import type { RecognisedChar } from '../../src/ocr/paddle/line-segments';

const line = (n: number, confidence: number): RecognisedChar[] =>
  Array.from({ length: n }, (_, i) => ({
    text: '字',
    confidence,
    x: i * 10,
    start: i * 10,
    alternatives: [],
  }));

it('takes a page read confidently for upright', () => {
  expect(readsUpright([line(12, 0.99), line(30, 0.95), line(8, 0.7)])).toBe(true);
});

it('leaves a page read weakly, or read as a few characters, to the classifier', () => {
  // As ID pages turned half a turn read: few characters, low confidence.
  expect(readsUpright([line(21, 0.35)])).toBe(false);
  expect(readsUpright([line(14, 0.74)])).toBe(false);
  // A few sure characters are not enough to tell.
  expect(readsUpright([line(5, 1)])).toBe(false);
  expect(readsUpright([])).toBe(false);
});
