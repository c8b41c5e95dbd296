// Noise at the start of a value's wrapped row: a box holding no ideograph that the
// recogniser hardly believed (a copy's background pattern read as letters) is neither
// the row's text nor text running in from its left, which would end the value there.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage, type OcrRow } from './support/positioned';

// Real PP-OCR output: the front of an ID card copied with its back on one A4 page (tuned,
// seed offset 4670, dossier-tuned-7-1), the address's second row after a box read AEEM at
// 0.21 (its letters 0.16-0.64) that starts left of where the address's rows start.
const rows: OcrRow[] = [
  [519, 436, 263, 23, 0.89, '姓名迪丽娜尔·艾买提'],
  [518, 492, 76, 21, 1, '性别女'],
  [649, 492, 127, 21, 1, '民族哈萨克'],
  [514, 543, 254, 21, 1, '出生1980年5月24日'],
  [519, 580, 390, 26, 0.99, '住址江苏省苏州市虎丘区西兴街道示'],
  [519, 615, 52, 22, 0.21, 'AEEM'],
  [584, 615, 197, 19, 1, '范路359号3幢703室'],
  [677, 748, 306, 19, 1, '320505198005246705'],
  [517, 750, 122, 16, 1, '公民身份号码'],
];
const front = (changed: Partial<Record<string, [string, number]>> = {}) =>
  extractDocument(
    ocrPage(
      rows.map(([x, y, w, hh, c, t]) => {
        const to = changed[t];
        return to ? [x, y, w, hh, to[1], to[0]] : [x, y, w, hh, c, t];
      }),
      1654,
      2340,
    ),
    'id.jpg',
    { kind: 'id-card-front' },
  );

describe('noise at the start of a wrapped row', () => {
  it('does not end the address: its second row is read (old code: 江苏省…西兴街道示 at 0.96)', () => {
    expect(front().fields.address).toBe('江苏省苏州市虎丘区西兴街道示范路359号3幢703室');
  });

  it('is text when the recogniser believed it, or when it holds an ideograph', () => {
    // Letters read surely left of the row: a line of another shape, as before.
    expect(front({ AEEM: ['AEEM', 0.9] }).fields.address).toBe('江苏省苏州市虎丘区西兴街道示');
    expect(front({ AEEM: ['A叶EM', 0.21] }).fields.address).toBe('江苏省苏州市虎丘区西兴街道示');
  });
});
