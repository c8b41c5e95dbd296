// A card front whose labels a watermarked photo in an image-only PDF garbled (性名 for 姓名,
// 民族 read R, its number not read): its birth line, 出生 and a date, is what only a card
// front prints. Real PP-OCR output (bench:ocr --fonts=all's tuned quick set, a dossier
// scanned into one PDF, page 2).
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/core/classify';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage } from './support/positioned';

const front = ocrPage(
  [
    [735, 288, 140, 27, 0.62, '性名刘听翔'],
    [729, 337, 217, 37, 0.47, '性别女R汉'],
    [726, 387, 266, 44, 0.47, '出生1981年4月10日'],
    [796, 433, 318, 48, 0.21, '江苏省苏州市虎丘区管下御理'],
    [798, 470, 254, 46, 0.25, '统创路593号3幢2007盒'],
    [703, 588, 220, 62, 0.6, '公三30'],
    [713, 746, 783, 31, 0.99, '仅供办理本次店铺资质审核使用，他用无效'],
  ],
  1654,
  2340,
);

describe('a card front known by its birth line', () => {
  it('is recognised (old code: unknown, nothing read)', () => {
    expect(classifyDocument(front)).toBe('id-card-front');
    const doc = extractDocument(front, 'dossier.pdf');
    expect(doc.fields.sex).toBe('女');
    expect(doc.fields.birthDate).toBe('1981-04-10');
  });

  it('needs the date after 出生: a license with 成立日期 and 性别 is no card', () => {
    const other = ocrPage(
      [
        [100, 100, 200, 30, 0.9, '性别女'],
        [100, 150, 300, 30, 0.9, '成立日期2012年06月24日'],
      ],
      1654,
      2340,
    );
    expect(classifyDocument(other)).toBe('unknown');
  });
});
