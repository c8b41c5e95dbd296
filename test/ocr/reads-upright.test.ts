// When a page's reading alone says it is upright (src/ocr/paddle/engine.ts): the angle
// classifier is then not asked. A page read as noise is read half turned too, and the
// reading with more sure text kept.
import { describe, expect, it } from 'vitest';
import {
  keepsHalfTurn,
  NOISE_MEAN_CONFIDENCE,
  readsAsNoise,
  readsUpright,
  sureText,
} from '../../src/ocr/paddle/engine';
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

describe('a page read as noise is read half turned too', () => {
  it('takes a reading averaging below NOISE_MEAN_CONFIDENCE, or no text, for noise', () => {
    // An ID card on an A4 photo stored turned 270° (fresh tuned, seed offset 5000), after
    // its quarter turn: 8 boxes of digits and marks at 0.1-0.5.
    expect(readsAsNoise([line(3, 0.43), line(10, 0.22), line(9, 0.51), line(4, 0.34)])).toBe(true);
    expect(readsAsNoise([])).toBe(true);
    // A blurred photo read upright: weak (not upright for the classifier) but text.
    expect(readsAsNoise([line(40, 0.75), line(30, 0.55)])).toBe(false);
    expect(NOISE_MEAN_CONFIDENCE).toBeLessThan(0.75);
  });

  it('keeps the half turn where it reads more sure text, or where the classifier voted so', () => {
    const noise = [line(8, 0.3), line(6, 0.25)];
    const upright = [line(18, 0.9), line(40, 0.85), line(20, 0.7)];
    expect(sureText(upright)).toBeCloseTo(18 * 0.9 + 40 * 0.85 + 20 * 0.7);
    // Read as noise, read half turned as text: the half turn is kept.
    expect(keepsHalfTurn(false, noise, upright)).toBe(true);
    // A blurred upright page read half turned as noise: it stays as read.
    expect(keepsHalfTurn(false, upright, noise)).toBe(false);
    // The classifier's vote turns the page whatever the second reading (as before).
    expect(keepsHalfTurn(true, upright, noise)).toBe(true);
  });
});
