// A card front or back whose small labels a photo or a copy garbled: the fields read by
// the order and rules every ID card follows, below the confidence of a labelled reading.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { segmentText } from '../../src/core/segment';
import { classifyDocument } from '../../src/core/classify';
import { item as positioned, ocrText } from './support/positioned';

const item = (text: string, x: number, y: number, h = 22, confidence = 0.95): TextItem =>
  positioned(text, x, y, h, confidence);
const page = (items: TextItem[]): DocumentText => ocrText(items, 1696, 2400);

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

describe('a card front whose 出生 and 性别 lines were not read (a blurred photo of a copy)', () => {
  const front = (items: TextItem[]) =>
    extractDocument(page(items), 'id.jpg', { kind: 'id-card-front' });

  it('takes the birth date and the sex from the ID number, below 0.8, without a box', () => {
    // 310115198311252037: born 1983-11-25, digit 17 (3) odd: a man.
    const doc = front([
      item('住址上海市浦东新区浦沿街道范例路', 499, 600),
      item('999号9幢1418室', 560, 640),
      item('公民身份号码310115198311252037', 499, 722),
    ]);
    expect(doc.fields.birthDate).toBe('1983-11-25');
    expect(doc.fields.sex).toBe('男');
    expect(doc.confidence.birthDate).toBeLessThan(0.8);
    expect(doc.confidence.sex).toBeLessThan(0.8);
    expect(doc.boxes?.birthDate).toBeUndefined();
    expect(doc.warnings.join(' ')).toContain('taken from the ID number');
  });

  it('a woman by the even 17th digit; nothing from a number failing its checksum', () => {
    expect(front([item('公民身份号码330108198309274827', 499, 722)]).fields.sex).toBe('女');
    const bad = front([item('公民身份号码330108198309274828', 499, 722)]);
    expect(bad.fields.sex).toBeNull();
    expect(bad.fields.birthDate).toBeNull();
  });

  it('a sex read on the card that the number contradicts is not trusted', () => {
    const doc = front([
      item('姓名刘昕翔', 499, 444, 26),
      item('性别女民族汉', 499, 494, 21),
      item('出生1983年11月25日', 499, 541, 21),
      item('公民身份号码310115198311252037', 499, 722),
    ]);
    expect(doc.fields.sex).toBe('女');
    expect(doc.confidence.sex).toBeLessThanOrEqual(0.5);
    expect(doc.confidence.birthDate).toBeGreaterThan(0.9);
  });
});

describe('a card front whose 姓名, 出生 and 民族 labels were all lost (PP-OCR on a blurred photo of a copy)', () => {
  // The lines as PP-OCRv4 read dossier-tuned-2-1 (a phone photo of an A4 copy): 隗晗 → #院,
  // 出生 → #, 民族 lost between 男 and 壮.
  const lines = [
    item('#院', 705, 407, 30, 0.324),
    item('男', 763, 458, 23, 0.896),
    item('壮', 885, 458, 21, 0.642),
    item('#', 707, 504, 24, 0.296),
    item('1983年11月25日', 765, 504, 24, 0.437),
    item('住址', 714, 543, 24, 0.755),
    item('上海市浦东新区浦沿街道范例路', 774, 543, 24, 0.706),
    item('999号9幢1418室', 770, 580, 19, 0.45),
    item('公民#', 709, 683, 27, 0.45),
    item('号码', 787, 683, 27, 0.797),
    item('310115198311252037', 845, 683, 27, 0.992),
  ];

  it('finds the 出生 line by the date the ID number holds, and the 性别 民族 line above it', () => {
    const doc = extractDocument(page(lines), 'id.jpg', { kind: 'id-card-front' });
    expect(doc.fields.birthDate).toBe('1983-11-25');
    expect(doc.boxes?.birthDate).toBeDefined();
    expect(doc.fields.sex).toBe('男');
    expect(doc.fields.ethnicity).toBe('壮');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
    // #院 is no name (院 no surname): nothing is made up.
    expect(doc.fields.name).toBeNull();
  });

  it('a date line that is not the number’s birth date anchors nothing', () => {
    const other = lines.map((l) =>
      l.text === '1983年11月25日' ? { ...l, text: '1984年11月25日' } : l,
    );
    const doc = extractDocument(page(other), 'id.jpg', { kind: 'id-card-front' });
    expect(doc.fields.ethnicity).toBeNull();
    expect(doc.boxes?.birthDate).toBeUndefined();
  });
});

describe('a card front whose every label a photo garbled', () => {
  // As read on a tuned photo of a one-side A4 copy (idlarge id-a4-one-side-0): 姓名, 性别,
  // 民族, 出生 and 公民身份号码 each lost a character; the number and the date are whole.
  const garbled = (birth: string) =>
    page([
      item('#名上官客理', 671, 475, 30),
      item('男民社', 724, 526, 21),
      item(birth, 668, 574, 19),
      item('江苏省苏州市虎丘区文新街道', 732, 613, 19),
      item('公民办份号号', 667, 756, 22),
      item('320505199508169515', 808, 756, 22),
    ]);

  it('is a card front: a checksum-valid ID number and the birth date it holds, printed', () => {
    const doc = extractDocument(garbled('出量1995年8月16日'), 'id.jpg');
    expect(doc.kind).toBe('id-card-front');
    expect(doc.fields.idNumber).toBe('320505199508169515');
    expect(doc.fields.birthDate).toBe('1995-08-16');
  });

  it('a number with no date of its birth printed is not enough', () => {
    expect(extractDocument(garbled('出量1995年8月17日'), 'id.jpg').kind).toBe('unknown');
  });
});

describe('a card front whose 姓 was lost and whose 性别 line was read in two', () => {
  it('名王嘉睿 two lines of print size above 出生, a watermark between: 王嘉睿', () => {
    // As read on a tuned photo of a watermarked A4 copy (idlarge id-a4-both-stacked-7).
    const doc = extractDocument(
      page([
        item('名王嘉睿', 511, 592, 26),
        item('无效', 157, 595, 66),
        item('民族壮', 608, 638, 21),
        item('男', 551, 643, 15),
        item('性刚', 499, 643, 11),
        item('出生1979年6月2日', 494, 684, 24),
        item('江苏省苏州市虎丘区文新街道', 554, 720, 24),
        item('公民身份号码', 492, 866, 21),
        item('320505197906022237', 628, 860, 22),
      ]),
      'id.jpg',
      { kind: 'id-card-front' },
    );
    expect(doc.fields.name).toBe('王嘉睿');
    expect(doc.confidence.name).toBeLessThan(0.9);
    expect(doc.boxes?.name?.x).toBeGreaterThan(511);
  });
});

describe('a card front whose 住址 label was lost', () => {
  // As read on the tuned quick set's photo of a one-side A4 copy: 住址 read as 味.
  const front = (first: TextItem) =>
    page([
      item('#上官瑶舒', 492, 444, 26),
      item('女民#', 547, 494, 21),
      item('出生1983年9月27日', 493, 541, 21),
      first,
      item('大道686号2幢912室', 515, 604, 19),
      item('公民##330108198309274827', 499, 722),
    ]);

  it('reads the lines below 出生 up to the ID number, without the label’s remnant left of the value column', () => {
    const doc = extractDocument(
      front(item('味浙江省杭州市滨江区浦沿街道虚构', 493, 574, 19)),
      'id.jpg',
      { kind: 'id-card-front' },
    );
    expect(doc.fields.address).toBe('浙江省杭州市滨江区浦沿街道虚构大道686号2幢912室');
    expect(doc.confidence.address).toBeLessThan(0.9);
  });

  it('takes nothing that is no address', () => {
    const doc = extractDocument(front(item('仅供办理网店开店认证使用', 493, 574, 19)), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.address).toBeNull();
  });
});

describe('a card front whose labels were all lost, photographed with its back on one copy', () => {
  // A phone photo of an A4 copy (the tuned id-a4-both-stacked family): the front's small
  // grey labels 姓名 性别 出生 年 月 日 住址 公民身份号码 all lost, its values read.
  const photo = (birth: [string, string, string], idNumber: string): DocumentText =>
    page([
      item('眭婕', 666, 293, 21),
      item('女', 668, 347, 14),
      item(birth[0], 666, 396, 15),
      item(birth[1], 756, 398, 12),
      item(birth[2], 805, 399, 13),
      item('广东省深圳市南山区长河街道范', 671, 437, 18),
      item('例路499号5幢411室', 675, 472, 18),
      item(idNumber, 755, 591, 18),
      item('中华人民共和国', 752, 1123, 22),
      item('居民身份证', 757, 1189, 31),
      item('签发机关', 666, 1356, 17),
      item('深圳市公安局南山分局', 787, 1354, 20),
      item('有效期限', 666, 1400, 18),
      item('2022.04.03-2042.04.03', 777, 1400, 18),
    ]);

  it('is found by its checksum-valid number and the birth date it holds, printed as three numbers', () => {
    const parts = segmentText(photo(['1983', '4', '4'], '440305198304049986'));
    expect(parts.map((p) => p.kind)).toEqual(['id-card-front', 'id-card-back']);
    const front = extractDocument(parts[0]!.text, 'id.jpg', { kind: 'id-card-front' });
    expect(front.fields.birthDate).toBe('1983-04-04');
    expect(front.fields.idNumber).toBe('440305198304049986');
    expect(front.fields.address).toBe('广东省深圳市南山区长河街道范例路499号5幢411室');
    expect(front.confidence.birthDate).toBeLessThan(0.9);
  });

  it('numbers that are not the birth date the ID number holds are no evidence of a front', () => {
    // The front's lines alone: with its birth date printed they name a card front; with
    // other numbers there, only the ID number is left, which is not enough on its own.
    const frontOnly = (birth: [string, string, string]): DocumentText => ({
      ...photo(birth, '440305198304049986'),
      pages: photo(birth, '440305198304049986').pages.map((p) => ({
        ...p,
        items: p.items.filter((i) => i.y < 1000),
      })),
    });
    expect(classifyDocument(frontOnly(['1983', '4', '4']))).toBe('id-card-front');
    expect(classifyDocument(frontOnly(['1983', '4', '5']))).toBe('unknown');
    // Beside the recognised back, apart from it, the number still leans to a front.
    const parts = segmentText(photo(['1983', '4', '5'], '440305198304049986'));
    expect(parts.map((p) => p.kind)).toEqual(['id-card-front', 'id-card-back']);
    const front = extractDocument(parts[0]!.text, 'id.jpg', { kind: 'id-card-front' });
    expect(front.fields.birthDate).not.toBe('1983-04-05');
  });
});

describe('a card back whose 签发机关 label was lost or garbled', () => {
  const back = (authority: TextItem[]) =>
    page([
      item('中华人民共和国', 798, 999, 23),
      item('居民身份证', 801, 1069, 32),
      ...authority,
      item('有效期限', 715, 1282, 16),
      item('2023.09.24-2043.09.24', 832, 1282, 16),
    ]);

  it('reads the one line of the authority type, below the confidence of a labelled reading', () => {
    // A photo of a stacked A4 copy: the value read sure, its small label not at all.
    const lost = extractDocument(back([item('杭州市公安局西湖分局', 815, 1235, 18)]), 'id.jpg');
    expect(lost.kind).toBe('id-card-back');
    expect(lost.fields.issuingAuthority).toBe('杭州市公安局西湖分局');
    expect(lost.confidence.issuingAuthority).toBeLessThanOrEqual(0.8);
    // Garbled with the value into one line (`美发机美`: two of its four characters in place).
    const garbled = extractDocument(
      back([item('美发机美杭州市公安局滨江分局', 551, 1235, 18)]),
      'id.jpg',
    );
    expect(garbled.fields.issuingAuthority).toBe('杭州市公安局滨江分局');
  });

  it('takes nothing where two lines could be it, or the line is not of its type', () => {
    const two = extractDocument(
      back([item('杭州市公安局西湖分局', 815, 1235, 18), item('上海市公安局', 815, 1150, 18)]),
      'id.jpg',
      { kind: 'id-card-back' },
    );
    expect(two.fields.issuingAuthority).toBeNull();
    const none = extractDocument(back([item('仅供办理开户使用', 815, 1235, 18)]), 'id.jpg', {
      kind: 'id-card-back',
    });
    expect(none.fields.issuingAuthority).toBeNull();
  });
});
