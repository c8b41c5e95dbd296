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

// The same family's photo where the birth line lost its 年 and the year ran into the month
// (`#19889月22日`), and the ID number lost its checksum (a 3 read as 5): real PP-OCR output
// of a fresh tuned dossier draw (lead's d4660, dossier-tuned-6-1-id-a4-one-side-photo).
// And a birth line whose year lost its 1 into the label before it (`生986年10 20日`: a
// tuned id-a4-one-side photo, seed offset 4950, sample 0).
const runTogether = (birth: string): [number, number, number, number, number, string][] => [
  [497, 402, 130, 27, 0.4, '#养王璟听'],
  [499, 503, 224, 18, 0.51, birth],
  [497, 539, 32, 19, 0.27, 'IM'],
  [587, 545, 290, 21, 0.24, '江省机州市A区A0#座'],
  [564, 578, 205, 20, 0.4, '构大酒552号幢171室'],
  [642, 699, 282, 18, 0.9, '350106198809222086'],
  [495, 700, 115, 20, 0.17, 'IRANSR'],
  [1099, 806, 144, 25, 1.0, '他用无效'],
];

describe('a birth line whose year ran into its month or its month into its day, or lost its 1', () => {
  it('prints the number’s birth date: a card front (old code: unknown)', () => {
    for (const birth of ['#19889月22日', '#1988年922日', '1988年0922日', '生988年9月22日'])
      expect(classifyDocument(ocrPage(runTogether(birth), 1654, 2339))).toBe('id-card-front');
  });

  it('not where the digits are another date', () => {
    for (const birth of [
      '#19889月23日',
      '#19879月22日',
      '#1988年923日',
      '#1219889月22日',
      '生88年9月22日',
      '生987年9月22日',
    ])
      expect(classifyDocument(ocrPage(runTogether(birth), 1654, 2339))).toBe('unknown');
  });

  it('reads the birth date the failing number and the line agree on (old code: null)', () => {
    const doc = extractDocument(ocrPage(runTogether('#19889月22日'), 1654, 2339), 'id.jpg');
    expect(doc.fields.birthDate).toBe('1988-09-22');
    expect(doc.confidence.birthDate).toBeLessThan(0.9);
    const misread = runTogether('#19889月22日').map((row) =>
      row[5] === '350106198809222086'
        ? ([...row.slice(0, 5), '330106198809232086'] as typeof row)
        : row,
    );
    expect(
      extractDocument(ocrPage(misread, 1654, 2339), 'id.jpg').fields.birthDate ?? null,
    ).toBeNull();
  });
});
