// The reader on layouts it was not built against, from synthetic positioned text: each
// failure mode of issue 13 (letter-spaced labels in two columns, a label's wrapped suffix,
// a notice sentence, the sentence-style 开户许可证, labels above values, values in table
// cells, a rare surname's first character boxed apart), value types with their "can never
// be" lists, low confidence for weak or wrongly typed values (look-alike punctuation:
// look-alike-punctuation.test.ts; the kind under a watermark: watermark-kind.test.ts).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { neverValue, typeOf } from '../../src/core/extract/value-types';
import { item, page } from './support/positioned';

const NOTICE = '凭此信息办理其他银行结算账户的开立和变更。';

describe('a reader that generalises', () => {
  it('reads a two-column 正本 with letter-spaced labels whose values are printed larger', () => {
    const S = '\u3000';
    const doc = extractDocument(
      page([
        item('营业执照', 480, 30, 40),
        item('统一社会信用代码', 60, 90),
        item('91330106MA2B2C3D4X', 240, 90),
        item(`名${S}${S}称`, 60, 160),
        item('杭州星澜芯科技有限公司', 160, 155, 30), // 1.5× the label's size
        item(`类${S}${S}型`, 60, 210),
        item('有限责任公司（自然人投资或控股）', 160, 205, 30),
        item('法定代表人', 60, 260),
        item('王示例', 160, 255, 30),
        item('经营范围', 60, 310),
        item('技术服务、技术开发。', 160, 305, 30),
        item('注册资本', 700, 160),
        item('壹佰万元整', 800, 155, 30),
        item('成立日期', 700, 210),
        item('2015年03月12日', 800, 205, 30),
        item('营业期限', 700, 260),
        item('2015年03月12日至长期', 800, 255, 30),
        item(`住${S}${S}所`, 700, 310),
        item('浙江省杭州市滨江区示范路88号', 800, 305, 30),
      ]),
      'zhengben.pdf',
    );
    expect(doc.kind).toBe('business-license');
    expect(doc.fields).toMatchObject({
      companyName: '杭州星澜芯科技有限公司',
      companyType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '王示例',
      registeredCapital: '壹佰万元整',
      address: '浙江省杭州市滨江区示范路88号',
      businessScope: '技术服务、技术开发。',
      validUntil: 'long-term',
    });
  });

  it('reads labels with one space, ASCII and full-width colons', () => {
    const doc = extractDocument(
      page([
        item('营业执照', 400, 20, 40),
        item('名 称：杭州星澜芯科技有限公司', 60, 100),
        item('法定代表人:王示例', 60, 140),
        item('住 所：浙江省杭州市滨江区示范路88号', 60, 180),
        item('经营范围：技术服务', 60, 220),
      ]),
      'a.pdf',
    );
    expect(doc.fields).toMatchObject({
      companyName: '杭州星澜芯科技有限公司',
      legalRepresentative: '王示例',
      address: '浙江省杭州市滨江区示范路88号',
    });
  });

  it('never returns a label’s wrapped suffix （单位 / 负责人） as the legal representative', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item('杭州星澜芯科技有限公司', 300, 100),
        item('法定代表人（单位', 60, 150),
        item('负责人）', 60, 176),
        item('王示例', 300, 163), // centred on the two label lines
        item('开户银行', 60, 230),
        item('中国工商银行股份有限公司杭州滨江支行', 300, 230),
        item('账号', 60, 280),
        item('1202020209000012345', 300, 280),
      ]),
      'bank.pdf',
    );
    expect(doc.kind).toBe('bank-permit');
    expect(doc.fields.legalRepresentative).toBe('王示例');
    expect(doc.fields.accountName).toBe('杭州星澜芯科技有限公司');
    expect(doc.fields.bankName).toBe('中国工商银行股份有限公司杭州滨江支行');
  });

  it('reads a label wrapped over two lines with its value beside the first', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item('杭州星澜芯科技有限公司', 300, 100),
        item('统一社会信用', 60, 150),
        item('代码', 60, 176),
        item('91330106MA2B2C3D4X', 300, 150),
        item('基本存款账户', 60, 220),
        item('编号', 60, 246),
        item('J3310012345601', 300, 220),
      ]),
      'bank.pdf',
    );
    expect(doc.fields.creditCode).toBe('91330106MA2B2C3D4X');
    expect(doc.fields.accountCode).toBe('J3310012345601');
  });

  it('reads a value far right of its label and colon, and a label wrapped over three lines', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名：', 60, 100),
        item('称', 60, 122),
        item('深圳青梧屿电子商务有限公司', 400, 100), // far from the colon
        item('法定代表', 60, 170),
        item('人（单位', 60, 192),
        item('负责人）', 60, 214),
        item('欧阳沁晟', 160, 170),
        item('开户银行', 60, 260),
        item('中国工商银行股份有限公司深圳南山支行', 160, 260),
      ]),
      'bank.pdf',
    );
    expect(doc.fields.accountName).toBe('深圳青梧屿电子商务有限公司');
    expect(doc.fields.legalRepresentative).toBe('欧阳沁晟');
  });

  it('continues an address under a diagonal watermark of another size', () => {
    const doc = extractDocument(
      page([
        item('姓名 阚玥恺', 14, 20, 9),
        item('性别 女 民族 满', 14, 43, 9),
        item('出生 1992年4月21日', 14, 61, 9),
        item('住址 浙江省杭州市西湖区西兴街道', 14, 75, 9),
        item('使', 143, 79, 17), // watermark glyphs, twice the text's size
        item('核', 127, 86, 17),
        item('虚构大道639号2幢304室', 37, 87, 9),
        item('公民身份号码 330106199204217983', 14, 134, 9),
      ]),
      'id.pdf',
    );
    expect(doc.fields.address).toBe('浙江省杭州市西湖区西兴街道虚构大道639号2幢304室');
  });

  it('never returns a notice sentence as the account name', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item(NOTICE, 60, 130),
        item('开户银行', 60, 200),
        item('中国工商银行股份有限公司杭州滨江支行', 300, 200),
        item('账号', 60, 250),
        item('1202020209000012345', 300, 250),
      ]),
      'bank.pdf',
    );
    expect(doc.fields.accountName).toBeNull();
    expect(doc.warnings).toContain('accountName was not found on the document');
  });

  it('reads the account name from the sentence of a 开户许可证, even wrapped, below 0.9', () => {
    for (const lines of [
      ['经审核，杭州星澜芯科技有限公司符合开户条件，准予开立基本存款账户。'],
      ['经审核，杭州星澜芯科技有限', '公司符合开户条件，准予开立基本存款账户。'],
    ]) {
      const doc = extractDocument(
        page([
          item('开户许可证', 400, 30, 40),
          item('核准号：J3310012345601', 60, 100),
          item('编号：3310-01234567', 600, 100),
          ...lines.map((text, i) => item(text, 60, 150 + 26 * i)),
          item('开户银行：中国工商银行股份有限公司杭州滨江支行', 60, 240),
          item('账号：1202020209000012345', 60, 280),
        ]),
        'permit.pdf',
      );
      expect(doc.fields.accountName).toBe('杭州星澜芯科技有限公司');
      expect(doc.confidence.accountName).toBeLessThan(0.9);
      expect(doc.fields.bankName).toBe('中国工商银行股份有限公司杭州滨江支行');
      expect(doc.fields.accountNumber).toBe('1202020209000012345');
    }
  });

  it('reads values printed below labels that share a row', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('账户名称', 60, 100),
        item('杭州星澜芯科技有限公司', 60, 130),
        item('开户银行', 60, 200),
        item('账号', 600, 200),
        item('中国工商银行股份有限公司杭州滨江支行', 60, 230),
        item('1202020209000012345', 600, 230),
      ]),
      'bank.pdf',
    );
    expect(doc.fields).toMatchObject({
      accountName: '杭州星澜芯科技有限公司',
      bankName: '中国工商银行股份有限公司杭州滨江支行',
      accountNumber: '1202020209000012345',
    });
  });

  it('reads a value centred in its table cell over two lines beside the label', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 113),
        item('杭州星澜芯科技发展有限', 300, 100),
        item('公司（滨江分部）', 300, 126),
        item('开户银行', 60, 200),
        item('中国工商银行股份有限公司杭州滨江支行', 300, 200),
        item('账号', 60, 250),
        item('1202020209000012345', 300, 250),
      ]),
      'bank.pdf',
    );
    expect(doc.fields.accountName).toBe('杭州星澜芯科技发展有限公司（滨江分部）');
    expect(doc.confidence.accountName).toBeLessThan(0.9);
  });

  it('keeps a rare surname whose character OCR boxed apart, far from the label', () => {
    const doc = extractDocument(
      page(
        [
          item('姓名', 30, 30, 20, 0.98),
          item('隗', 150, 18, 20, 0.7), // boxed higher than the rest of its line
          item('婕', 172, 30, 20, 0.97),
          item('性别 女 民族 汉', 30, 70, 20, 0.98),
          item('出生 1990 年 3 月 7 日', 30, 110, 20, 0.98),
          item('住址 北京市朝阳区示范路1号', 30, 150, 20, 0.98),
          item('公民身份号码', 30, 260, 20, 0.98),
          item('110105199003070027', 180, 260, 20, 0.98),
        ],
        'paddle',
      ),
      'id.jpg',
    );
    expect(doc.kind).toBe('id-card-front');
    expect(doc.fields.name).toBe('隗婕');
    expect(doc.confidence.name).toBeLessThan(0.9);
  });

  it('finds a bank name and an account number by their type when their labels were lost, at low confidence', () => {
    const doc = extractDocument(
      page(
        [
          item('开户许可证', 400, 30, 40),
          item('核准号：J3310012345601', 60, 100),
          item('存款人名称', 60, 150),
          item('杭州星澜芯科技有限公司', 300, 150),
          item('中国工商银行股份有限公司杭州滨江支行', 300, 200),
          item('1202020209000012345', 300, 250),
        ],
        'paddle',
      ),
      'permit.jpg',
    );
    expect(doc.fields.bankName).toBe('中国工商银行股份有限公司杭州滨江支行');
    expect(doc.fields.accountNumber).toBe('1202020209000012345');
    expect(doc.confidence.bankName).toBeLessThanOrEqual(0.6);
    expect(doc.confidence.accountNumber).toBeLessThanOrEqual(0.6);
  });
});

describe('no confident wrong value', () => {
  it('keeps a value of the wrong type only at low confidence', () => {
    const doc = extractDocument(
      page([
        item('开户许可证', 400, 30, 40),
        item('存款人名称', 60, 100),
        item('杭州星澜芯科技', 300, 100), // no organisation form: cut short
        item('法定代表人', 60, 150),
        item('王示例王示例', 300, 150), // six characters: not a name
        item('开户银行', 60, 200),
        item('杭州滨江支', 300, 200), // no bank word
        item('账号', 60, 250),
        item('12345', 300, 250), // too short
      ]),
      'p.pdf',
    );
    for (const field of ['accountName', 'legalRepresentative', 'bankName']) {
      expect(doc.fields[field]).not.toBeNull();
      expect(doc.confidence[field]).toBeLessThanOrEqual(0.5);
    }
    expect(doc.fields.accountNumber).toBeNull();
  });

  it('never reads a company’s name run on into the legal form under it', () => {
    // 类型's label lost: the legal form under the name, aligned with it, was read as the
    // name's wrapped row (…贸易有限公司其他有限责任公司 at 0.99, an all-faces photo).
    const doc = extractDocument(
      page(
        [
          item('营业执照', 400, 30, 40),
          item('统一社会信用代码 91320505GPDYEXCWDC', 60, 100),
          item('名称', 60, 150),
          item('岚汐远（苏州）贸易有限公司', 300, 150),
          item('其他有限责任公司', 300, 200),
        ],
        'paddle',
      ),
      'license.jpg',
    );
    expect(doc.fields.companyName).toBe('岚汐远（苏州）贸易有限公司');
    expect(neverValue('companyName', '岚汐远（苏州）贸易有限公司其他有限责任公司')).not.toBeNull();
    expect(neverValue('accountName', '杭州星澜芯科技有限公司有限责任公司')).not.toBeNull();
    // A branch names its place first; a partnership's form is part of its name.
    expect(neverValue('companyName', '杭州星澜芯科技有限公司滨江分公司')).toBeNull();
    expect(neverValue('companyName', '杭州星澜芯创业投资合伙企业（有限合伙）')).toBeNull();
    expect(neverValue('companyName', '杭州星澜芯科技股份有限公司')).toBeNull();
  });

  it('never reads an organisation’s name run on into the bank’s name under it', () => {
    // 开户银行's label lost: the bank's name under the account name, aligned with it, was
    // read as the account name's wrapped row (…科技有限公司中国工商银行…支行 at 1.00).
    const doc = extractDocument(
      page(
        [
          item('开户许可证', 400, 30, 40),
          item('核准号：J3310012345601', 60, 100),
          item('存款人名称', 60, 150),
          item('杭州星澜芯科技有限公司', 300, 150),
          item('中国工商银行股份有限公司杭州滨江支行', 300, 200),
        ],
        'paddle',
      ),
      'permit.jpg',
    );
    expect(doc.fields.accountName).toBe('杭州星澜芯科技有限公司');
    expect(
      neverValue('accountName', '杭州星澜芯科技有限公司中国工商银行股份有限公司杭州滨江支行'),
    ).not.toBeNull();
    expect(neverValue('companyName', '杭州星澜芯科技有限公司中国银行杭州分行')).not.toBeNull();
    // A bank's own name, a bank's branch, a company's branch: one name each.
    expect(neverValue('companyName', '杭州银行股份有限公司')).toBeNull();
    expect(neverValue('companyName', '杭州银行股份有限公司科技支行')).toBeNull();
    expect(neverValue('companyName', '杭州星澜芯科技有限公司滨江分公司')).toBeNull();
    expect(neverValue('accountName', '杭州星澜芯科技有限公司银行卡服务部')).toBeNull();
  });

  it('types: organisation forms, banks, accounts, J-numbers, names, ethnicities', () => {
    const valid = (field: string, value: string): boolean => typeOf(field).valid(value);
    expect(valid('companyName', '杭州星澜芯科技有限公司（滨江分部）')).toBe(true);
    expect(valid('companyName', '某某创业投资合伙企业（有限合伙）')).toBe(true);
    expect(valid('companyName', '杭州某某农机专业合作社')).toBe(true);
    expect(valid('companyName', '杭州市西湖区某某商行')).toBe(true);
    expect(valid('companyName', '有限责任公司（自然人投资或控股）')).toBe(false);
    expect(valid('bankName', '浙江杭州余杭农村商业银行股份有限公司良渚支行')).toBe(true);
    expect(valid('bankName', '某某县农村信用合作联社')).toBe(true);
    expect(valid('accountNumber', '1234567')).toBe(false);
    expect(valid('accountNumber', '12345678')).toBe(true);
    expect(valid('approvalNumber', 'J3310012345601')).toBe(true);
    expect(valid('approvalNumber', 'J331001234560')).toBe(false);
    expect(valid('name', '买买提·艾力')).toBe(true);
    expect(valid('name', '婕')).toBe(false);
    expect(valid('ethnicity', '柯尔克孜')).toBe(true);
    expect(valid('ethnicity', '汉住')).toBe(false);
    expect(valid('sex', '男')).toBe(true);
  });

  it('can never be a label, a wrapped suffix, a notice or the title', () => {
    expect(neverValue('legalRepresentative', '（单位')).not.toBeNull();
    expect(neverValue('legalRepresentative', '负责人）')).not.toBeNull();
    expect(neverValue('accountName', NOTICE)).not.toBeNull();
    expect(neverValue('accountName', '开户许可证')).not.toBeNull();
    expect(neverValue('companyName', '名称')).not.toBeNull();
    expect(neverValue('accountName', '杭州星澜芯科技有限公司')).toBeNull();
    expect(neverValue('businessScope', '技术服务、办理会员卡')).toBeNull();
  });
});
