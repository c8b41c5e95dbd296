// A license's validity term by its grammar (`2019年01月01日至长期`, `自…至…`, 永久, a
// partnership's 不约定期限, split across lines), found by its label or, where the label was
// lost, by that grammar over the page; a term's start not read is proposed from the
// 成立日期. And the values a stamp on a copy or a seal's ring of characters is printed
// across, read whole. Synthetic positioned text: each case fails on the reader before it.
import { describe, expect, it } from 'vitest';
import { extractDocument, parseDate, parseTerm } from '../../src/core/extract/index';
import { typeOf } from '../../src/core/extract/value-types';
import { item, page } from './support/positioned';

const license = (rows: ReturnType<typeof item>[]) =>
  extractDocument(
    page([
      item('营业执照', 400, 20, 40),
      item('统一社会信用代码', 60, 90),
      item('91330106MA2B2C3D4X', 260, 90),
      item('名称', 60, 130),
      item('杭州星澜芯科技有限公司', 160, 130),
      item('法定代表人', 60, 170),
      item('王示例', 160, 170),
      ...rows,
    ]),
    'license.pdf',
    { kind: 'business-license' },
  );

describe("a term's grammar", () => {
  it('reads a date after 至 with none before it as the end, not the start', () => {
    expect(parseTerm('至2045年03月11日')).toEqual([null, '2045-03-11']);
    expect(parseTerm('年月日至2045年03月11日')).toEqual([null, '2045-03-11']);
    expect(parseTerm('自2015年03月12日至2045年03月11日')).toEqual(['2015-03-12', '2045-03-11']);
  });

  it('reads a term without an end, however it is printed, as long-term', () => {
    expect(parseTerm('2015年03月12日至永久')).toEqual(['2015-03-12', 'long-term']);
    expect(parseTerm('2015年03月12日至不约定期限')).toEqual(['2015-03-12', 'long-term']);
    expect(parseTerm('2015年03月12日至无固定期限')).toEqual(['2015-03-12', 'long-term']);
  });
});

describe('a real date after date-shaped text that is none', () => {
  it('is found inside the text it overlaps (a number before it, a garbled start)', () => {
    expect(parseDate('0100-05-2019年06月01日')).toBe('2019-06-01');
    expect(parseDate('编号9999.12.2019.05.06')).toBe('2019-05-06');
  });

  it("is a term's end when the garbled text before it was the start", () => {
    // The start's day ran into the end (its dash lost, 20 read 32).
    expect(parseTerm('2015.08.32035.08.20')).toEqual([null, '2035-08-20']);
    expect(parseTerm('2015.13.20-2035.08.20')).toEqual([null, '2035-08-20']);
    // A real start and end after such text stay the term.
    expect(parseTerm('9999.99.99 2019年01月01日至2039年01月01日')).toEqual([
      '2019-01-01',
      '2039-01-01',
    ]);
  });
});

describe('a license term read whole', () => {
  it('reads a term whose end wrapped back under its label', () => {
    const doc = license([
      item('营业期限', 60, 210),
      item('2019年01月01日至', 160, 210),
      item('长期', 60, 236),
    ]);
    expect(doc.fields.validFrom).toBe('2019-01-01');
    expect(doc.fields.validUntil).toBe('long-term');
  });

  it('finds the term by its grammar where its label was lost, at a low confidence', () => {
    const doc = license([
      item('成立日期', 60, 210),
      item('2019年01月01日', 160, 210),
      item('营止期坝', 60, 250), // the label misread beyond matching
      item('2019年01月01日至2049年12月31日', 160, 250),
    ]);
    expect(doc.fields.validFrom).toBe('2019-01-01');
    expect(doc.fields.validUntil).toBe('2049-12-31');
    expect(doc.confidence.validUntil).toBeLessThanOrEqual(0.6);
  });

  it("reads a term wrapped in the right column of two, not into the left column's text", () => {
    // The 正本's two columns: the term's label lost, its end wrapped under it, and the
    // left column's value on that same line (a whole-width reading put it between 至 and 长期).
    const doc = extractDocument(
      page([
        item('营业执照', 400, 20, 40),
        item('名称', 60, 130),
        item('杭州星澜芯科技有限公司', 160, 130),
        item('注册资本', 600, 130),
        item('壹佰万元整', 720, 130),
        item('类型', 60, 170),
        item('有限责任公司（自然人投资或控股）', 160, 170),
        item('成立日期', 600, 170),
        item('2019年01月01日', 720, 170),
        item('法定代表人', 60, 210),
        item('王示例', 160, 210),
        item('营止期坝', 600, 210), // the label misread beyond matching
        item('2019年01月01日至', 720, 210),
        item('经营范围', 60, 240),
        item('一般项目：日用百货销售', 160, 240),
        item('长期', 720, 240),
      ]),
      'license.pdf',
      { kind: 'business-license' },
    );
    expect(doc.fields.validFrom).toBe('2019-01-01');
    expect(doc.fields.validUntil).toBe('long-term');
  });

  it('finds nothing by grammar where the page holds two different terms', () => {
    const doc = license([
      item('营止期坝', 60, 250),
      item('2019年01月01日至2049年12月31日', 160, 250),
      item('2020年01月01日至长期', 160, 300),
    ]);
    expect(doc.fields.validUntil).toBeNull();
  });

  it("proposes the 成立日期 for a term's start that was not read", () => {
    const doc = license([
      item('成立日期', 60, 210),
      item('2019年03月15日', 160, 210),
      item('营业期限', 60, 250),
      item('至长期', 260, 250),
    ]);
    expect(doc.fields.validFrom).toBeNull();
    expect(doc.fields.validUntil).toBe('long-term');
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({
        field: 'validFrom',
        to: '2019-03-15',
        reason: 'same-date-elsewhere',
      }),
    );
  });
});

describe('values printed under a stamp or a seal', () => {
  const scope = [
    '一般项目：办公用品销售；技术服务、技术开发、',
    '技术咨询、技术交流、技术转让、技术推广；日用',
    '百货销售。（除依法须经批准的项目外，凭营业执',
    '照依法自主开展经营活动）',
  ];

  it('reads the scope whole under a 此复印件与原件一致 stamp starting left of it', () => {
    const doc = license([
      item('经营范围', 60, 210),
      item(scope[0]!, 160, 210),
      item('此复印件与原件一致', 140, 232, 26), // the stamp, larger, over the next row
      item(scope[1]!, 160, 240),
      item(scope[2]!, 160, 270),
      item(scope[3]!, 160, 300),
    ]);
    expect(doc.fields.businessScope).toBe(scope.join(''));
  });

  it("reads the scope whole past a seal's ring character between its rows", () => {
    const doc = license([
      item('经营范围', 60, 210),
      item(scope[0]!, 160, 210),
      item('公', 420, 226), // a character of the seal's ring, starting above the row's bottom
      item(scope[1]!, 160, 240),
      item(scope[2]!, 160, 270),
      item(scope[3]!, 160, 300),
    ]);
    expect(doc.fields.businessScope).toBe(scope.join(''));
  });
});

describe('a value that lost its first character', () => {
  it('is not trusted at 0.9 where it starts a character right of its column', () => {
    const doc = license([
      item('类型', 60, 210),
      item('有限责任公司（自然人投资或控股）', 160, 210),
      item('住所', 60, 250),
      item('浙江省杭州市滨江区示范路88号', 160, 250),
    ]);
    // 名称 at 60, its value at 160 like the others'; the same name one character right:
    const shifted = extractDocument(
      page([
        item('营业执照', 400, 20, 40),
        item('名称', 60, 130),
        item('越（深圳）电子商务有限公司', 180, 130),
        item('类型', 60, 170),
        item('有限责任公司（自然人投资或控股）', 160, 170),
        item('住所', 60, 210),
        item('浙江省杭州市滨江区示范路88号', 160, 210),
      ]),
      'license.pdf',
    );
    expect(doc.confidence.companyName).toBeGreaterThanOrEqual(0.9);
    expect(shifted.fields.companyName).toBe('越（深圳）电子商务有限公司');
    expect(shifted.confidence.companyName).toBeLessThan(0.9);
    expect(shifted.confidence.companyType).toBeGreaterThanOrEqual(0.9);
  });

  it('is trusted where values follow their labels and line up nowhere', () => {
    const doc = extractDocument(
      page([
        item('营业执照', 400, 20, 40),
        item('名称：杭州星澜芯科技有限公司', 60, 130),
        item('法定代表人：王示例', 60, 170),
        item('类型：有限责任公司（自然人投资或控股）', 60, 210),
        item('住所：浙江省杭州市滨江区示范路88号', 60, 250),
      ]),
      'license.pdf',
    );
    expect(doc.fields.legalRepresentative).toBe('王示例');
    expect(doc.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
    expect(doc.confidence.companyName).toBeGreaterThanOrEqual(0.9);
  });
});

describe('value types of a license', () => {
  it('an address cut short at its city is not of its type, and is kept only below 0.9', () => {
    expect(typeOf('address').valid('浙江省杭州')).toBe(false);
    expect(typeOf('address').valid('浙江省杭州市西湖区西兴街道')).toBe(true);
    expect(typeOf('address').valid('浙江省杭州市滨江区示范路88号')).toBe(true);
    const doc = license([item('住所', 60, 210), item('浙江省杭州', 160, 210)]);
    expect(doc.fields.address).toBe('浙江省杭州');
    expect(doc.confidence.address).toBeLessThan(0.9);
  });

  it("gives a scope's 一般项目 and 许可项目 the colon the OCR lost", () => {
    expect(
      typeOf('businessScope').parse('许可项目：第二类增值电信业务。一般项目日用百货销售'),
    ).toBe('许可项目：第二类增值电信业务。一般项目：日用百货销售');
  });
});
