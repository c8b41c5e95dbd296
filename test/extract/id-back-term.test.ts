// An ID card back whose validity term's first date the OCR garbled (a dot and a digit lost)
// while its end was read: the end is not taken for the start, and the start is completed
// by the card's validity rule (5, 10 or 20 years to the day) from the digits read. The pages
// are real PP-OCR output (tuned families drawn with seed offset 1250).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage, type OcrRow } from './support/positioned';
import { parseTerm } from '../../src/core/extract/values';

type Row = OcrRow;

const backs: [
  name: string,
  rows: Row[],
  width: number,
  height: number,
  from: string,
  until: string,
][] = [
  [
    'id-a4-one-side-1-copy-scan.jpg',
    [
      [706, 488, 269, 44, 1.0, '中华人民共和国'],
      [724, 562, 271, 48, 1.0, '居民身份证'],
      [1604, 722, 23, 30, 0.29, '女'],
      [621, 731, 102, 42, 0.6, '签发机关'],
      [751, 731, 243, 42, 0.6, '上海市公安局浦东分局'],
      [634, 779, 69, 42, 0.98, '有效期'],
      [757, 779, 264, 42, 0.5, '2023.226-2043.12.26'],
    ],
    1654,
    2340,
    '2023-12-26',
    '2043-12-26',
  ],
  [
    'id-card-photo-11-photo.jpg',
    [
      [379, 20, 150, 56, 0.32, '他用无'],
      [224, 84, 447, 48, 0.75, '使中华人民共和国'],
      [843, 110, 97, 68, 0.99, '仅供'],
      [309, 205, 377, 42, 1.0, '居民身份证'],
      [481, 282, 13, 19, 0.22, 'e'],
      [182, 442, 125, 31, 0.99, '签发机关'],
      [362, 442, 337, 31, 0.99, '上海市公安局浦东分局'],
      [176, 504, 119, 37, 0.98, '有效期限'],
      [345, 504, 351, 37, 0.84, '2025.1117-2045.11.17'],
    ],
    960,
    609,
    '2025-11-17',
    '2045-11-17',
  ],
  [
    'id-a4-one-side-3-image-pdf.pdf',
    [
      [731, 404, 251, 39, 1.0, '中华人民共和国'],
      [737, 477, 270, 48, 1.0, '居民身份证'],
      [626, 650, 388, 37, 0.94, '签发机关 上海市公安局浦东分局'],
      [639, 698, 390, 40, 0.57, '有效期限 2023,123-2043.12.23'],
      [554, 791, 728, 139, 0.14, '仅供为期则因并估认证链用、他用无效'],
    ],
    1654,
    2340,
    '2023-12-23',
    '2043-12-23',
  ],
];

describe('an ID card back whose term starts garbled', () => {
  for (const [name, rows, width, height, from, until] of backs)
    it(`${name}: the end is the end, the start follows from the validity rule`, () => {
      const doc = extractDocument(ocrPage(rows, width, height), name);
      expect(doc.kind).toBe('id-card-back');
      expect(doc.fields.validUntil).toBe(until);
      expect(doc.fields.validFrom).toBe(from);
      expect(doc.confidence.validFrom).toBeLessThan(0.9);
      // 2025.1117: a dot lost, every digit read (16 digits, termFromDigits): the start is
      // read, not completed, and the rule corroborates it. Elsewhere a digit was lost.
      if (name === 'id-card-photo-11-photo.jpg') {
        expect(doc.corroborated?.validFrom).toBe('validity-rule');
        return;
      }
      // A start the validity rule completed is not corroborated by that same rule.
      expect(doc.corroborated?.validFrom).toBeUndefined();
      expect(doc.confidence.validFrom).toBeLessThanOrEqual(0.6);
    });

  it('reads a date after a dash that follows digits as the end, a whole term as before', () => {
    expect(parseTerm('2023.226-2043.12.26')).toEqual([null, '2043-12-26']);
    expect(parseTerm('2016.05.20-2036.05.20')).toEqual(['2016-05-20', '2036-05-20']);
    expect(parseTerm('2015年03月12日至长期')[0]).toBe('2015-03-12');
    expect(parseTerm('至2045年03月11日')).toEqual([null, '2045-03-11']);
  });

  it('completes no start that the digits read do not single out', () => {
    // 20 and 22 hold in 2023.12.26 and 2033.12.26 alike: too few digits to tell.
    const rows = backs[0]![1].map((r): Row =>
      r[5].startsWith('2023') ? [r[0], r[1], r[2], r[3], r[4], '2023-2043.12.26'] : r,
    );
    const doc = extractDocument(ocrPage(rows, 1654, 2340), 'back.jpg');
    expect(doc.fields.validUntil).toBe('2043-12-26');
    expect(doc.fields.validFrom).toBeNull();
  });
});
