// splitPage on a page's text geometry alone (no OCR): both ID sides stacked on one page,
// the back's title read through a watermark and so not classified with its fields.
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/core/documents';
import type { PageText, TextItem } from '../../src/core/extraction';
import { segmentText, splitPage } from '../../src/core/segment';
import { extractDocument } from '../../src/core/extract';

const line = (text: string, x: number, y: number, w: number, h = 20): TextItem => ({
  page: 0,
  x,
  y,
  w,
  h,
  text,
  confidence: 0.9,
});

// A stand-in for the classifier: a cluster is a side by its labels, anything else unknown.
const classify = (items: readonly TextItem[]): DocumentKind | 'unknown' => {
  const text = items.map((i) => i.text).join('');
  if (text.includes('姓名')) return 'id-card-front';
  if (text.includes('签发机关')) return 'id-card-back';
  return 'unknown';
};

const front = [
  line('姓名张三', 640, 310, 110),
  line('性别男民族汉', 640, 365, 210),
  line('出生1987年3月19日', 640, 417, 260),
  line('住址江苏省苏州市', 640, 460, 370),
  line('公民身份号码320505198703193292', 640, 622, 460),
];
// The back's title, 150 px (7.5 lines) above its fields: a cluster of its own, unknown.
const title = [line('中华人民共和国', 780, 1000, 270), line('居民身份证', 780, 1060, 270, 32)];
const back = [
  line('签发机关苏州市公安局', 695, 1245, 360),
  line('有效期限2024.04.13', 695, 1292, 270),
];
// A watermark line crossing the back, as tall as four lines, and a page number far below.
const watermark = line('仅供办理使用', 300, 1100, 900, 90);
const footer = line('第1页', 780, 2200, 60);

const page = (items: TextItem[]): PageText => ({ page: 0, width: 1654, height: 2339, items });

describe('splitPage', () => {
  it('outlines a side with its own unclassified title, not with a watermark or a far line', () => {
    const regions = splitPage(page([...front, ...title, ...back, watermark, footer]), classify);
    expect(regions?.map((r) => r.kind)).toEqual(['id-card-front', 'id-card-back']);
    const [, side] = regions!;
    // The title is inside the back's region; the front's region ends before it.
    expect(side!.region.y).toBeLessThanOrEqual(1000);
    expect(regions![0]!.region.y + regions![0]!.region.h).toBeLessThanOrEqual(side!.region.y);
    // Every line belongs to one side (the watermark and footer to the nearest), but the
    // outline follows the card: the footer 900 px below is not in it.
    expect(side!.items).toEqual(expect.arrayContaining([...title, ...back, footer]));
    expect(side!.region.y + side!.region.h).toBeLessThan(1600);
  });

  it('keeps a page whose clusters name one kind whole', () => {
    expect(splitPage(page([...front, ...title]), classify)).toBeNull();
  });
});

describe('both sides on a phone photo of an A4 copy, their labels mostly lost', () => {
  // As PP-OCRv4 read id-a4-both-stacked-2-photo (a tuned family): no part names its
  // side on its own (出生 + 住址, the ID number alone, the term and 分局 alone); only the
  // back's title does.
  const item = (text: string, x: number, y: number, w: number, h: number): TextItem => ({
    ...line(text, x, y, w, h),
  });
  const page: PageText = {
    page: 0,
    width: 1696,
    height: 2400,
    items: [
      item('##民靠他', 620, 563, 132, 25),
      item('#汉', 676, 612, 135, 23),
      item('出生1994年12月11日', 621, 655, 241, 26),
      item('住址广东省州市南山区文新街建地创路', 617, 689, 393, 35),
      item('公民中份专码', 624, 835, 110, 18),
      item('440305199412118111', 762, 835, 297, 26),
      item('中华人民共和国', 786, 1049, 228, 35),
      item('居民身份证', 786, 1109, 247, 42),
      item('#发机民深利市公安局南山分局', 696, 1255, 312, 31),
      item('#', 692, 1297, 12, 31),
      item('2021.09.25-2041.09.25', 793, 1297, 265, 31),
      item('仅供办理XX平台店铺认证使用，他用无效', 625, 1412, 672, 59),
    ],
  };

  it('joins the parts whose text together names a side: front and back found', () => {
    const parts = segmentText({ source: 'paddle', pages: [page] });
    expect(parts.map((p) => p.kind)).toEqual(['id-card-front', 'id-card-back']);
    const [front, back] = parts.map((p) =>
      extractDocument(p.text, 'copy.jpg', { kind: p.kind as DocumentKind }),
    );
    expect(front!.fields.idNumber).toBe('440305199412118111');
    expect(front!.fields.birthDate).toBe('1994-12-11');
    // The back's term by its type, its label lost.
    expect(back!.fields.validFrom).toBe('2021-09-25');
    expect(back!.fields.validUntil).toBe('2041-09-25');
    expect(back!.confidence.validUntil).toBeLessThan(0.9);
  });
});

describe('both sides on a photo, the front giving little more than its ID number', () => {
  const rows = (list: [number, number, number, number, number, string][]): TextItem[] =>
    list.map(([x, y, w, h, confidence, text]) => ({ page: 0, x, y, w, h, text, confidence }));
  const back = rows([
    [677, 860, 238, 22, 1.0, '中华人民共和国'],
    [682, 925, 263, 31, 1.0, '居民身份证'],
    [714, 1096, 217, 18, 1.0, '深圳市公安局南山分局'],
    [595, 1097, 86, 19, 0.99, '签发机关'],
    [581, 1143, 84, 18, 0.97, '有效期限'],
    [692, 1143, 278, 18, 0.95, '2021.08.02-2041.08.02'],
  ]);
  const watermark = rows([
    [80, 11, 72, 43, 0.92, '仅供'],
    [0, 412, 106, 80, 0.98, '用无效'],
    [1514, 919, 55, 45, 0.47, '仅住'],
  ]);

  it('splits a front whose every label was lost and whose number fails its checksum', () => {
    // As PP-OCRv4 read id-a4-both-stacked-7-photo (tuned, seed offset 1750, --names=wide),
    // its ID number 440305198712044949 misread in its 16th digit.
    const front = rows([
      [570, 311, 43, 22, 1.0, '祁舒'],
      [582, 415, 33, 9, 1.0, '987'],
      [572, 457, 320, 16, 0.86, '广东省深圳市南山区文新街道样'],
      [573, 488, 215, 18, 1.0, '例街222号8幢1315室'],
      [662, 606, 310, 16, 1.0, '440305198712044919'],
    ]);
    const page: PageText = {
      page: 0,
      width: 1568,
      height: 2215,
      items: [...watermark, ...front, ...back].sort((a, b) => a.y - b.y || a.x - b.x),
    };
    const parts = segmentText({ source: 'paddle', pages: [page] });
    expect(parts.map((p) => p.kind)).toEqual(['id-card-front', 'id-card-back']);
    // The front's region holds its lines and ends above the back's title.
    const region = parts[0]!.region!;
    expect(region.y).toBeLessThanOrEqual(311);
    expect(region.y + region.h).toBeLessThan(860);
    expect(region.x).toBeGreaterThan(106);
    const read = extractDocument(parts[0]!.text, 'copy.jpg', { kind: 'id-card-front' });
    expect(read.fields.idNumber).toBe('440305198712044919');
    expect(read.confidence.idNumber).toBeLessThan(0.9);
  });

  it('finds a number that a misread label runs into on its line', () => {
    // id-a4-both-stacked-11-photo (seed offset 1700): 公民身份号码 read `KAS14`, left of
    // the number on its line, so that the line reads KAS14320505199011073040.
    const front = rows([
      [474, 350, 44, 23, 0.9, '余馆'],
      [472, 394, 66, 32, 0.9, '女#'],
      [541, 403, 78, 22, 0.9, '民汉'],
      [480, 497, 340, 21, 0.9, '江苏省苏州市虎丘区长河街道演'],
      [482, 533, 232, 23, 0.9, '示巷992号4幢1509室'],
      [567, 654, 320, 21, 1.0, '320505199011073040'],
      [434, 658, 93, 18, 0.4, 'KAS14'],
    ]);
    const page: PageText = {
      page: 0,
      width: 1618,
      height: 2279,
      items: [...front, ...back].sort((a, b) => a.y - b.y || a.x - b.x),
    };
    const parts = segmentText({ source: 'paddle', pages: [page] });
    expect(parts.map((p) => p.kind)).toEqual(['id-card-front', 'id-card-back']);
    const read = extractDocument(parts[0]!.text, 'copy.jpg', { kind: 'id-card-front' });
    expect(read.fields.idNumber).toBe('320505199011073040');
  });

  it('does not split off lines apart from a document when they lean to no other kind', () => {
    const page: PageText = {
      page: 0,
      width: 1568,
      height: 2215,
      items: [...watermark, ...rows([[572, 457, 320, 16, 0.86, '广东省深圳市南山区']]), ...back],
    };
    expect(segmentText({ source: 'paddle', pages: [page] }).map((p) => p.kind)).toEqual([
      'id-card-back',
    ]);
  });
});

describe('a bank form whose legal representative’s ID number stands in a block of its own', () => {
  const rows = (list: [number, number, number, number, string][]): TextItem[] =>
    list.map(([x, y, w, h, text]) => ({ page: 0, x, y, w, h, text, confidence: 0.98 }));
  // A 基本存款账户信息 scanned on A4: its table, then 9 line heights lower a block of its own
  // with the representative's ID number (as some banks print it under the table).
  const form = rows([
    [560, 200, 520, 40, '基本存款账户信息'],
    [200, 330, 200, 28, '存款人名称'],
    [520, 330, 520, 28, '杭州霁云电子商务有限公司'],
    [200, 390, 200, 28, '法定代表人'],
    [520, 390, 80, 28, '王恺骁'],
    [200, 450, 200, 28, '开户银行'],
    [520, 450, 420, 28, '中国工商银行杭州西湖支行'],
    [200, 510, 200, 28, '账号'],
    [520, 510, 330, 28, '1202021109900123456'],
    [200, 570, 200, 28, '基本存款账户编号'],
    [520, 570, 250, 28, 'J3310012345601'],
  ]);
  const apart = (label: string): TextItem[] =>
    rows([
      [200, 830, 420, 28, label],
      [640, 830, 330, 28, '330106199107156760'],
    ]);
  const page = (items: TextItem[]): PageText => ({
    page: 0,
    width: 1654,
    height: 2339,
    items: items.sort((a, b) => a.y - b.y || a.x - b.x),
  });

  it.each(['法定代表人（单位负责人）身份证件号码', '证件号码', ''])(
    'stays one bank form (the block labelled %j)',
    (label) => {
      const items = [...form, ...apart(label).filter((i) => i.text !== '')];
      const parts = segmentText({ source: 'paddle', pages: [page(items)] });
      expect(parts.map((p) => p.kind)).toEqual(['bank-permit']);
    },
  );
});
