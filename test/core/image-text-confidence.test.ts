// fieldTextConfidence: the confidence of the characters inside a field's box, which
// files.legible compares with the rule pack's floor.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { fieldTextConfidence } from '../../src/core/image';

const page = (items: TextItem[]): DocumentText => ({
  source: 'paddle',
  pages: [{ page: 0, width: 1000, height: 600, items }],
});

describe('fieldTextConfidence', () => {
  // "姓名王样例" as PP-OCR reads an ID card's name line: the letter-spaced label's gap
  // capped the line at 0.6, every character was read at 1.0.
  const nameLine: TextItem = {
    page: 0,
    x: 100,
    y: 100,
    w: 250,
    h: 40,
    text: '姓名王样例',
    confidence: 0.6,
    charConfidences: [1, 1, 1, 1, 1],
  };
  const nameBox = { page: 0, x: 200, y: 100, w: 150, h: 40 };

  it("counts the value's own characters, not the line's cap for a gap by its label", () => {
    expect(fieldTextConfidence(page([nameLine]), { name: nameBox })).toEqual({ name: 1 });
  });

  it('leaves out punctuation: a date is its digits', () => {
    const date: TextItem = {
      page: 0,
      x: 0,
      y: 0,
      w: 210,
      h: 30,
      text: '2021.01.04',
      confidence: 0.79,
      charConfidences: [0.98, 1, 1, 1, 0.74, 1, 1, 0.95, 1, 1],
    };
    const box = { page: 0, x: 0, y: 0, w: 210, h: 30 };
    expect(fieldTextConfidence(page([date]), { validFrom: box }).validFrom).toBeGreaterThan(0.95);
  });

  it("is low when the value's characters were read unsurely", () => {
    const blurred = { ...nameLine, charConfidences: [1, 1, 0.5, 0.4, 0.9] };
    expect(fieldTextConfidence(page([blurred]), { name: nameBox }).name).toBeCloseTo(0.6, 3);
  });

  it("uses the line's confidence where the engine gave no characters' confidences", () => {
    const { charConfidences: _, ...plain } = nameLine;
    expect(fieldTextConfidence(page([plain]), { name: nameBox })).toEqual({ name: 0.6 });
  });
});
