// An ID card back whose validity term the OCR read without its dates' separators (copied
// cards, tuned families drawn with seed offset 1400: `2021072820410728`, `202112.20-2041.12.20`,
// and `2021.05.022041.05.02` beside a label read `C有效期限`): the digits alone are the two
// dates when there are exactly 16 of them, both real and a whole number of years apart,
// which a misread month or day breaks. The pages are real PP-OCR output. And a piece of an
// issuing authority read for sure (分局) is no legible authority.
import { describe, expect, it } from 'vitest';
import { legibilityConfidence } from '../../src/core/checks/images';
import { extractDocument } from '../../src/core/extract/index';
import { termFromDigits } from '../../src/core/extract/values';
import { ocrPage, type OcrRow } from './support/positioned';

const back = (rows: OcrRow[]) =>
  extractDocument(ocrPage(rows, 1654, 2340), 'back.jpg', { kind: 'id-card-back' });

const undotted: OcrRow[] = [
  [715, 461, 259, 37, 0.99, '中华人民共和国'],
  [728, 529, 282, 50, 1, '居民身份证'],
  [635, 697, 363, 42, 0.6, '签发机关上海市公安局浦东分局'],
  [623, 745, 379, 44, 0.5, '有效期限 2021072820410728'],
];
const startUndotted: OcrRow[] = [
  [556, 444, 255, 28, 1, '中华人民共和国'],
  [565, 513, 269, 32, 1, '居民身份证'],
  [479, 689, 87, 21, 0.99, '签发机关'],
  [604, 689, 230, 21, 0.99, '深圳市公安局南山分局'],
  [477, 736, 12, 21, 1, '有'],
  [506, 736, 35, 21, 1, '效期'],
  [559, 736, 12, 21, 0.91, '限'],
  [600, 736, 276, 21, 0.99, '202112.20-2041.12.20'],
];
const noDash: OcrRow[] = [
  [602, 1140, 247, 26, 1, '中华人民共和国'],
  [609, 1212, 273, 35, 1, '居民身份证'],
  [836, 1388, 38, 19, 1, '分局'],
  [516, 1390, 90, 21, 0.97, '签发机关'],
  [627, 1428, 252, 28, 0.99, '2021.05.022041.05.02'],
  [480, 1434, 118, 21, 0.85, 'C有效期限'],
];

describe('a card back’s term read without its separators', () => {
  it.each([
    ['2021072820410728', undotted, '2021-07-28', '2041-07-28'],
    ['202112.20-2041.12.20', startUndotted, '2021-12-20', '2041-12-20'],
    ['2021.05.022041.05.02 (label C有效期限)', noDash, '2021-05-02', '2041-05-02'],
  ])('%s: both dates, legible by the validity rule, below 0.9', (_, rows, from, until) => {
    const doc = back(rows);
    expect(doc.fields.validFrom).toBe(from);
    expect(doc.fields.validUntil).toBe(until);
    expect(doc.corroborated?.validFrom).toBe('validity-rule');
    expect(doc.confidence.validFrom).toBeLessThan(0.9);
  });

  it('a misread day (2041.07.23 for 07.28) breaks the term: nothing read, nothing guessed', () => {
    const rows = undotted.map((r): OcrRow =>
      r[5].startsWith('有效期限') ? ([...r.slice(0, 5), '有效期限 2021072820410723'] as OcrRow) : r,
    );
    const doc = back(rows);
    expect(doc.fields.validFrom).toBeNull();
    expect(doc.fields.validUntil).toBeNull();
  });

  it('takes exactly two real dates of 8 digits a whole number of years apart, or one before 长期', () => {
    expect(termFromDigits('2020022020400219')).toEqual(['2020-02-20', '2040-02-19']);
    expect(termFromDigits('20200220长期')).toEqual(['2020-02-20', 'long-term']);
    expect(termFromDigits('2020022320400220')).toBeNull();
    expect(termFromDigits('202002202040022')).toBeNull();
    expect(termFromDigits('2020133020401330')).toBeNull();
    expect(termFromDigits('2040022020200220')).toBeNull();
  });
});

describe('an issuing authority read as a piece of one', () => {
  it('分局 read at 0.998 beside 签发机关 is no authority: not legible, below 0.9', () => {
    const doc = back(noDash);
    expect(doc.fields.issuingAuthority).toBe('分局');
    expect(doc.confidence.issuingAuthority).toBeLessThan(0.9);
    const read = {
      ...doc,
      quality: {
        flags: [],
        greyscale: false,
        raster: true,
        textConfidence: { issuingAuthority: 0.998 },
      },
    };
    expect(legibilityConfidence(read, 'issuingAuthority')).toBeLessThan(0.8);
  });
});
