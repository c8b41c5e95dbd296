// A card front or back whose small labels a photo or a copy garbled: the fields read by
// the order and rules every ID card follows, below the confidence of a labelled reading.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';

function item(text: string, x: number, y: number, h = 22, confidence = 0.95): TextItem {
  const w = [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55) * h, 0);
  return { page: 0, x, y, w, h, text, confidence };
}

const page = (items: TextItem[]): DocumentText => ({
  source: 'paddle',
  pages: [{ page: 0, width: 1696, height: 2400, items }],
});

describe('a card front whose 姓名 and 性别 labels were lost', () => {
  const front = (nameLine: string) =>
    page([
      item(nameLine, 492, 444, 26),
      item('女民#', 547, 494, 21),
      item('出生1983年9月27日', 493, 541, 21),
      item('公民身份号码330108198309274827', 499, 722),
    ]);

  it('reads the name from the line above the sex line (#上官瑶舒), and the sex below it', () => {
    const doc = extractDocument(front('#上官瑶舒'), 'id.jpg', { kind: 'id-card-front' });
    expect(doc.fields.name).toBe('上官瑶舒');
    expect(doc.fields.sex).toBe('女');
    expect(doc.confidence.name).toBeLessThan(0.9);
  });

  it('takes no line that is no name (no surname first)', () => {
    const doc = extractDocument(front('#仅供办理'), 'id.jpg', { kind: 'id-card-front' });
    expect(doc.fields.name).toBeNull();
  });
});

describe('a card front whose 民族 label was misread', () => {
  it('性别女民转汉 (族 read as 转): the ethnicity is the ethnic group after 民', () => {
    const doc = extractDocument(
      page([
        item('姓名刘昕翔', 684, 292, 27),
        item('性别女民转汉', 679, 345, 23),
        item('出生1981年4月10日', 682, 400, 21),
        item('公民身份号码：320505198104100322', 686, 604, 21),
      ]),
      'id.jpg',
      { kind: 'id-card-front' },
    );
    expect(doc.fields.sex).toBe('女');
    expect(doc.fields.ethnicity).toBe('汉');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });
});

describe('a card back whose end of validity was garbled', () => {
  const back = (term: string) =>
    page([
      item('中华人民共和国', 838, 467, 37),
      item('居民身份证', 844, 535, 48),
      item('签发机关深圳市公安局南山分局', 761, 712, 35),
      item(term, 756, 753, 35),
    ]);

  it('2021.08.12 to `204812` is 2041-08-12: the one of 5, 10, 20 years that holds those digits', () => {
    const doc = extractDocument(back('有效期限2021.08.12204812'), 'id.jpg');
    expect(doc.fields.validFrom).toBe('2021-08-12');
    expect(doc.fields.validUntil).toBe('2041-08-12');
    expect(doc.confidence.validUntil).toBeLessThan(0.9);
  });

  it('digits that fit none, or too few digits, give nothing', () => {
    expect(
      extractDocument(back('有效期限2021.08.12209999'), 'id.jpg').fields.validUntil,
    ).toBeNull();
    expect(extractDocument(back('有效期限2021.08.12-20'), 'id.jpg').fields.validUntil).toBeNull();
  });
});
