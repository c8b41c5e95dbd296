// The extractor on text as OCR gives it (word and line boxes, labels spaced out, split,
// misread or merged with their value), and the value parsers.
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/core/classify';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument, parseDate, parseTerm } from '../../src/core/extract/index';
import { item as positioned, ocrText } from './support/positioned';

/** One OCR item: text at (x, y) with a character height of 20 (full-width characters 20 wide). */
const item = (text: string, x: number, y: number, confidence = 0.95, h = 20): TextItem =>
  positioned(text, x, y, h, confidence);

const ocr = (items: TextItem[], width = 1200, height = 800): DocumentText =>
  ocrText(items, width, height, 'tesseract');

describe('extraction from OCR-like boxes', () => {
  it('reads a two-column license: spaced, split and misread labels, wrapped values kept in their column', () => {
    const text = ocr([
      item('营 业 执 照', 450, 40),
      item('统一社会信用代吗', 60, 120), // one character misread
      item('9133O1O6MA2B2C3D4K', 240, 120, 0.9),
      item('名', 60, 160),
      item('称', 120, 160),
      item('杭州星澜芯科技有限公司（滨江分部）', 240, 160, 0.88),
      item('类　　型', 60, 200),
      item('有限责任公司', 240, 200),
      item('法定代表', 60, 240),
      item('人', 140, 240),
      item('王示例', 240, 240),
      item('经营范围', 60, 280),
      item('一般项目：技术服务、技术开发、', 240, 280),
      item('软件开发；货物进出口。', 240, 306),
      item('注册资本', 660, 120),
      item('壹佰万元整', 760, 120),
      item('成立日期', 660, 160),
      item('2015年03月12日', 760, 160),
      item('营业期限', 660, 200),
      item('2015年03月12日 至 长期', 760, 200),
      item('住　　所', 660, 240),
      item('浙江省杭州市滨江区示范路', 760, 240),
      item('88号1201室', 760, 266), // wraps beside the scope's first line
      item('登记机关', 900, 700),
    ]);
    expect(classifyDocument(text)).toBe('business-license');
    const doc = extractDocument(text, 'scan.png');
    expect(doc.fields).toEqual({
      creditCode: '9133O1O6MA2B2C3D4K',
      companyName: '杭州星澜芯科技有限公司（滨江分部）',
      companyType: '有限责任公司',
      legalRepresentative: '王示例',
      registeredCapital: '壹佰万元整',
      establishedOn: '2015-03-12',
      validFrom: '2015-03-12',
      validUntil: 'long-term',
      address: '浙江省杭州市滨江区示范路88号1201室',
      businessScope: '一般项目：技术服务、技术开发、软件开发；货物进出口。',
    });
    // Confidence: the weakest item of the value; a label matched with a misread is capped.
    expect(doc.confidence.companyName).toBe(0.88);
    expect(doc.confidence.creditCode).toBeLessThanOrEqual(0.8);
    // Width-ambiguous OCR values wait for a person.
    expect(doc.needsConfirmation).toEqual(['companyName']);
    expect(doc.boxes?.address).toMatchObject({ page: 0, x: 760, y: 240 });
  });

  it('proposes, never applies, the look-alike reading that makes the credit code valid', () => {
    // 91330106MA2B2C3D4? with its real check character, then one 0 read as O.
    const valid = withUsccCheck('91330106MA2B2C3D4');
    const misread = valid.slice(0, 4) + 'O' + valid.slice(5);
    const text = ocr([
      item('营业执照', 400, 20),
      item('经营范围', 60, 300),
      item('x', 240, 300),
      item('统一社会信用代码', 60, 100),
      item(misread, 240, 100),
    ]);
    const doc = extractDocument(text, 'a.jpg');
    expect(doc.fields.creditCode).toBe(misread);
    expect(doc.corrections).toEqual([
      expect.objectContaining({
        field: 'creditCode',
        from: misread,
        to: valid,
        reason: 'checksum',
      }),
    ]);
  });

  it('reads an ID front whose line items merge label and value, and the inline 民族', () => {
    const id = '11010519491231002X';
    const text = ocr(
      [
        item('姓名 赵测试', 30, 30),
        item('性别 男 民族 汉', 30, 70),
        item('出生 1949 年 12 月 31 日', 30, 110),
        item('住址 北京市朝阳区示范路', 30, 150),
        item('1号院2号楼301室', 88, 176),
        item('公民身份号码', 30, 260),
        item(id.split('').join(' '), 180, 260),
      ],
      640,
      400,
    );
    expect(classifyDocument(text)).toBe('id-card-front');
    expect(extractDocument(text, 'id.jpg').fields).toEqual({
      name: '赵测试',
      sex: '男',
      ethnicity: '汉',
      birthDate: '1949-12-31',
      address: '北京市朝阳区示范路1号院2号楼301室',
      idNumber: id,
    });
  });

  it('tells the ID back and the two bank forms apart, and reads a value printed below its label', () => {
    const back = ocr(
      [
        item('中华人民共和国', 200, 30),
        item('居民身份证', 200, 70),
        item('签发机关', 60, 250),
        item('某市公安局示例分局', 160, 250),
        item('有效期限', 60, 290),
        item('2016.05.20-长期', 160, 290),
      ],
      640,
      400,
    );
    expect(extractDocument(back, 'b.jpg')).toMatchObject({
      kind: 'id-card-back',
      fields: {
        issuingAuthority: '某市公安局示例分局',
        validFrom: '2016-05-20',
        validUntil: 'long-term',
      },
    });
    const permit = ocr([
      item('开户许可证', 300, 40),
      item('核准号：J3310012345601', 60, 120),
      item('编号：3310-01234567', 420, 120),
      item('存款人名称', 60, 180),
      item('杭州星澜芯科技有限公司', 60, 206), // below its label
      item('法定代表人(单位负责人)', 60, 260),
      item('王示例', 320, 260),
      item('开户银行', 60, 300),
      item('中国工商银行股份有限公司杭州滨江支行', 320, 300),
      item('账 号', 60, 340),
      item('1202 0202 0900 0012 345', 320, 340),
    ]);
    expect(extractDocument(permit, 'p.jpg')).toMatchObject({
      kind: 'bank-permit',
      fields: {
        approvalNumber: 'J3310012345601',
        serialNumber: '3310-01234567',
        accountCode: null,
        accountName: '杭州星澜芯科技有限公司',
        legalRepresentative: '王示例',
        bankName: '中国工商银行股份有限公司杭州滨江支行',
        accountNumber: '1202020209000012345',
        creditCode: null,
      },
    });
  });

  it('reads the credit code below its label when a seal far right shares the label line', () => {
    // From a phone photo of a 副本 (license-kai-3-photo): the emblem's 品工, twice the text's
    // height, was grouped into the label's line and read as the value.
    const text = ocr([
      item('品工', 1269, 311, 0.5, 49),
      item('统一社会信用代码', 280, 338, 0.99, 24),
      item('91440305WCDCKMBPQ8', 272, 375, 0.99, 24),
      item('营业执照', 631, 514, 0.99, 54),
      item('名称', 319, 742, 1, 24),
      item('深圳澄川汇贸易有限公司', 519, 740, 1, 24),
      item('法定代表人', 320, 852, 1, 24),
      item('陈假名', 520, 852, 1, 24),
    ]);
    const doc = extractDocument(text, 'photo.jpg', { kind: 'business-license' });
    expect(doc.fields.creditCode).toBe('91440305WCDCKMBPQ8');
    expect(doc.fields.companyName).toBe('深圳澄川汇贸易有限公司');
  });

  it('never continues a bank name with an account number whose label OCR missed', () => {
    // From a PNG phone photo: 账号 was not detected; the digits sit under the bank's name.
    const text = ocr([
      item('开户许可证', 405, 301, 1, 46),
      item('存款人名称', 203, 553, 1, 23),
      item('杭州澄川汇贸易有限公司', 476, 562, 0.99, 25),
      item('开户银行', 204, 653, 1, 23),
      item('招商银行股份有限公司杭州滨江支行', 476, 661, 1, 29),
      item('3678438707036602460', 470, 713, 1, 22),
    ]);
    const doc = extractDocument(text, 'photo.png', { kind: 'bank-permit' });
    expect(doc.fields.bankName).toBe('招商银行股份有限公司杭州滨江支行');
    expect(doc.fields.accountName).toBe('杭州澄川汇贸易有限公司');
  });

  it('never continues a name onto the next line when OCR lost that line’s label', () => {
    // From an ID photo in the Kai font (id-front-kai-4-photo): 性别 was not detected.
    const text = ocr(
      [
        item('姓名黄模拟', 147, 119, 0.29, 32),
        item('女', 237, 187, 0.99, 27),
        item('民壮', 354, 188, 0.72, 27),
        item('出生1982年6月30日', 145, 266, 0.43, 23),
        item('公民身份号码', 136, 568, 0.53, 35),
        item('440305198206306221', 375, 568, 0.99, 35),
      ],
      1135,
      715,
    );
    const doc = extractDocument(text, 'photo.jpg', { kind: 'id-card-front' });
    expect(doc.fields.name).toBe('黄模拟');
    expect(doc.fields.idNumber).toBe('440305198206306221');
  });

  it('reads the ID number, sex and ethnicity of a photocopied front whose small labels were lost', () => {
    // From a greyscale ID photocopy photographed (id-front-serif-1-photo): 性别 and 族 of
    // 民族 not read, 公民身份号码 read as 公##.
    const id = '310115198706309405';
    const text = ocr(
      [
        item('姓名杨示例', 561, 444, 0.6, 26),
        item('女民汉', 616, 488, 0.52, 24),
        item('出生1987年6月30日', 564, 536, 0.67, 21),
        item('住址', 565, 583, 0.91, 20),
        item('上海市浦东新区留下街道范例路', 630, 584, 0.93, 22),
        item('公##', 568, 728, 0.52, 21),
        item(id, 708, 729, 1, 24),
        item('仅供网店开店认证使用，他用无效', 554, 824, 0.6, 40),
      ],
      1696,
      2400,
    );
    expect(classifyDocument(text)).toBe('id-card-front');
    const doc = extractDocument(text, 'copy.jpg');
    expect(doc.fields).toMatchObject({
      name: '杨示例',
      sex: '女',
      ethnicity: '汉',
      birthDate: '1987-06-30',
      idNumber: id,
    });
    // Found by shape and position, not by label: never a confident reading; legible (0.85)
    // only because the number's checksum holds with the birth date read beside it, and its
    // digit 17 says 女 (src/core/extract/corroboration.ts).
    expect(doc.confidence.idNumber).toBeLessThan(0.9);
    expect(doc.confidence.sex).toBeLessThan(0.9);
    expect(doc.corroborated).toMatchObject({ idNumber: 'checksum', sex: 'id-number' });
    expect(doc.boxes?.idNumber).toMatchObject({ x: 708, y: 729 });
  });

  it('reads the sex beside a 民族 label when 性别 was lost, and an unlabelled number only when it is the one of its shape', () => {
    const valid = '11010519491231002X';
    const twin = '110105194912310038';
    const otherBirth = '110105195001010012';
    const front = (numbers: string[]): DocumentText =>
      ocr([
        item('姓名 赵测试', 30, 30),
        item('性男', 30, 70),
        item('民族 汉', 120, 70),
        item('出生 1949 年 12 月 31 日', 30, 110),
        ...numbers.map((n, i) => item(n, 180, 260 + 40 * i)),
      ]);
    const one = extractDocument(front([valid]), 'a.jpg');
    expect(one.fields).toMatchObject({ sex: '男', ethnicity: '汉', idNumber: valid });
    // A second valid number, or one against the birth date read: nothing is picked
    // without a label. One failing only its checksum (shaped as an ID number, its birth
    // date the one read) is read as it is, never surely (its checksum fails).
    const broken = valid.slice(0, 17) + '9';
    const misread = extractDocument(front([broken]), 'b.jpg');
    expect(misread.fields.idNumber).toBe(broken);
    expect(misread.confidence.idNumber).toBeLessThan(0.9);
    expect(extractDocument(front([broken, otherBirth]), 'b2.jpg').fields.idNumber).toBe(broken);
    expect(extractDocument(front([valid, twin]), 'c.jpg').fields.idNumber).toBeNull();
    expect(extractDocument(front([otherBirth]), 'd.jpg').fields.idNumber).toBeNull();
  });

  it('says unknown for text of no document kind, and leaves missing fields null', () => {
    expect(classifyDocument(ocr([item('会议纪要', 60, 60), item('今天天气很好', 60, 100)]))).toBe(
      'unknown',
    );
    const doc = extractDocument(
      ocr([item('公民身份号码', 30, 260), item('姓名', 30, 30), item('张示例', 90, 30)]),
      'x.png',
      { kind: 'id-card-front' },
    );
    expect(doc.fields).toMatchObject({
      name: '张示例',
      idNumber: null,
      birthDate: null,
      address: null,
    });
    expect(doc.warnings).toEqual([
      'birthDate was not found on the document',
      'idNumber was not found on the document',
    ]);
  });
});

describe('value parsers', () => {
  it.each([
    ['2016年05月20日', '2016-05-20'],
    ['2016.05.20', '2016-05-20'],
    ['2016-05-20', '2016-05-20'],
    ['1985 年 3 月 7 日', '1985-03-07'],
    ['２０１６年０５月２０日', '2016-05-20'],
    ['长期', 'long-term'],
    ['2016年02月30日', null],
    ['五月', null],
  ])('parseDate(%s) = %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['2015年03月12日 至 长期', ['2015-03-12', 'long-term']],
    ['2015年03月12日至2045年03月11日', ['2015-03-12', '2045-03-11']],
    ['2016.05.20-2036.05.20', ['2016-05-20', '2036-05-20']],
    ['长期', [null, 'long-term']],
    ['', [null, null]],
  ] as const)('parseTerm(%s)', (input, expected) => {
    expect(parseTerm(input)).toEqual(expected);
  });
});

function withUsccCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, ch, i) => s + alphabet.indexOf(ch) * (weights[i] ?? 0), 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}
