// Every label the spec names for a license type is understood as that field's label
// (docs/spec/linking-rules.md §2: 法定代表人 / 执行事务合伙人 / 负责人 / 经营者, 住所 /
// 主要经营场所, and the partnership's 合伙期限 and 出资额, the branch's 营业场所, the
// individual business's 经营场所 and 注册日期), with the variants older licenses print
// (公司类型, 经营期限, 注册资金; 企业住所： by its colon); a partnership whose 执行事务合伙人 is a company
// gives the person it sends (委派代表); and the account holder in the sentences banks print.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

/** A license whose labels are these, each with its value beside it. */
const license = (rows: readonly (readonly [string, string])[]) =>
  extractDocument(
    page([
      item('营业执照', 400, 20, 40),
      item('统一社会信用代码', 60, 90),
      item('91330106MA2B2C3D4X', 260, 90),
      ...rows.flatMap(([label, value], i) => [
        item(label, 60, 140 + 40 * i),
        item(value, 260, 140 + 40 * i),
      ]),
    ]),
    'license.pdf',
    { kind: 'business-license' },
  );

describe('the label synonyms the spec names per license type', () => {
  it.each([
    ['company', '法定代表人', '住所', '注册资本', '营业期限', '成立日期'],
    ['partnership', '执行事务合伙人', '主要经营场所', '出资额', '合伙期限', '成立日期'],
    ['branch', '负责人', '营业场所', null, '营业期限', '成立日期'],
    ['individual business', '经营者', '经营场所', null, null, '注册日期'],
  ] as const)('reads a %s license by its own labels', (_, person, place, capital, term, date) => {
    const doc = license([
      ['名称', '杭州星澜芯科技有限公司'],
      [person, '王示例'],
      ...(capital ? [[capital, '壹佰万元整'] as const] : []),
      [date, '2015年03月12日'],
      ...(term ? [[term, '2015年03月12日至2035年03月11日'] as const] : []),
      [place, '浙江省杭州市滨江区示范路88号'],
      ['经营范围', '技术服务、技术开发。'],
    ]);
    expect(doc.fields).toMatchObject({
      legalRepresentative: '王示例',
      address: '浙江省杭州市滨江区示范路88号',
      establishedOn: '2015-03-12',
      registeredCapital: capital ? '壹佰万元整' : null,
      validUntil: term ? '2035-03-11' : null,
    });
    expect(doc.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the variants older licenses print: 公司类型, 经营期限, 注册资金, 企业住所', () => {
    const doc = license([
      ['名称', '杭州星澜芯科技有限公司'],
      ['公司类型', '有限责任公司（自然人投资或控股）'],
      ['法定代表人', '王示例'],
      ['注册资金', '壹佰万元整'],
      ['实收资本', '伍拾万元整'],
      ['经营期限', '2015年03月12日至2035年03月11日'],
      ['企业住所：', '浙江省杭州市滨江区示范路88号'],
    ]);
    expect(doc.fields).toMatchObject({
      companyType: '有限责任公司（自然人投资或控股）',
      registeredCapital: '壹佰万元整',
      validFrom: '2015-03-12',
      validUntil: '2035-03-11',
      address: '浙江省杭州市滨江区示范路88号',
    });
  });
});

describe("a partnership's 执行事务合伙人 that is a company", () => {
  it('gives the person it sends, named in brackets after it', () => {
    const doc = license([
      ['名称', '杭州星澜芯股权投资合伙企业（有限合伙）'],
      ['执行事务合伙人', '杭州星澜芯投资管理有限公司（委派代表：王示例）'],
    ]);
    expect(doc.fields.legalRepresentative).toBe('王示例');
  });

  it('gives the person it sends, named on a line of its own', () => {
    const doc = license([
      ['名称', '杭州星澜芯股权投资合伙企业（有限合伙）'],
      ['执行事务合伙人', '杭州星澜芯投资管理有限公司'],
      ['委派代表', '王示例'],
    ]);
    expect(doc.fields.legalRepresentative).toBe('王示例');
    expect(doc.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the account holder in a bank's sentence", () => {
  const bank = (sentence: string) =>
    extractDocument(
      page([
        item('开户许可证', 400, 20, 40),
        item('核准号：J3310012345601', 60, 90),
        item(sentence, 60, 140),
        item('开户银行：中国工商银行股份有限公司杭州滨江支行', 60, 190),
        item('账号：1202020209000012345', 60, 230),
      ]),
      'bank.pdf',
    );

  it.each([
    '经审核，杭州星澜芯科技有限公司符合开户条件，准予开立基本存款账户。',
    '经核准，杭州星澜芯科技有限公司符合开户条件，准予开立基本存款账户。',
    '兹证明杭州星澜芯科技有限公司已在我行开立基本存款账户。',
    '杭州星澜芯科技有限公司已在本行开立基本存款账户。',
  ])('reads it from 「%s」', (sentence) => {
    const doc = bank(sentence);
    expect(doc.fields.accountName).toBe('杭州星澜芯科技有限公司');
    expect(doc.confidence.accountName).toBeLessThan(0.9);
  });
});
