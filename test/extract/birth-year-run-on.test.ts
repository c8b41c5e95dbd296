// A card front photographed on an A4 copy, blurred, whose small labels were all lost: its
// birth line read `#11996年10年15日` (出生 as `#1`, run into the year; 月 as 年), its ID
// number surely. Real PP-OCR output (a tuned id-a4-one-side photo, bench/ocr-photos.ts
// seed offset 4100, sample 2).
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/core/classify';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage } from './support/positioned';

const lines = (birth: string): [number, number, number, number, number, string][] => [
  [411, 484, 110, 27, 0.46, '#草成'],
  [535, 533, 80, 24, 0.57, '#汉'],
  [408, 584, 246, 23, 0.4, birth],
  [410, 627, 35, 19, 0.29, '鞋u'],
  [479, 632, 336, 21, 0.36, '广车省X州市京山区下街酒'],
  [481, 671, 257, 21, 0.4, '虚构大酒248号1楼914室'],
  [559, 789, 270, 18, 1.0, '440305199610151908'],
  [431, 790, 91, 18, 0.35, 'M#N号#'],
  [1036, 887, 144, 29, 1.0, '他用无效'],
  [572, 897, 397, 54, 0.99, 'XX平台店铺认证使用'],
];

describe('a birth line whose label ran into the year', () => {
  it('still prints the number’s birth date: a card front (old code: unknown, nothing read)', () => {
    const page = ocrPage(lines('#11996年10年15日'), 1609, 2292);
    expect(classifyDocument(page)).toBe('id-card-front');
    const doc = extractDocument(page, 'id.jpg');
    expect(doc.fields.idNumber).toBe('440305199610151908');
    expect(doc.fields.birthDate).toBe('1996-10-15');
    expect(doc.fields.sex).toBe('女');
    for (const field of ['idNumber', 'birthDate', 'sex'] as const)
      expect(doc.confidence[field]).toBeLessThan(0.9);
  });

  it('not where the digits are another date, or the year has two digits more', () => {
    for (const birth of ['#11996年10年16日', '#11997年10年15日', '#121996年10年15日'])
      expect(classifyDocument(ocrPage(lines(birth), 1609, 2292))).toBe('unknown');
  });
});
