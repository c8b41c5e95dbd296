// The bank form reader on wordings and geometries its tuned layouts do not print: labels
// the way other banks word them (帐 for 账, a longer word before the colon), values in
// either direction from their label, the account name in other approval sentences. From
// synthetic positioned text, as generalise.test.ts.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { jNumber, typeOf } from '../../src/core/extract/value-types';
import { item, page as onePage } from './support/positioned';

/** OCR'd text: the reader's doubts and confirmations apply. */
const page = (items: TextItem[]): DocumentText => onePage(items, 'paddle');

const NAME = '杭州星澜芯科技有限公司';
const BANK = '中国工商银行股份有限公司杭州滨江支行';
const ACCOUNT = '1202020209000012345';

describe('bank form labels as other banks word them', () => {
  it('reads 帐 for 账 and a longer label word before the colon (开户银行名称：, 银行帐号：)', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item(`帐户名称：${NAME}`, 60, 100),
        item(`开户银行名称：${BANK}`, 60, 150),
        item(`银行帐号：${ACCOUNT}`, 60, 200),
        item('法定代表人姓名：王示例', 60, 250),
      ]),
      'bank.jpg',
    );
    expect(doc.kind).toBe('bank-permit');
    expect(doc.fields).toMatchObject({
      accountName: NAME,
      bankName: BANK,
      accountNumber: ACCOUNT,
      legalRepresentative: '王示例',
    });
    // Read by their labels, not found by their type alone.
    expect(doc.confidence.bankName).toBeGreaterThan(0.9);
    expect(doc.confidence.accountNumber).toBeGreaterThan(0.9);
  });
});

describe('bank form values by geometry and type', () => {
  it('reads a value that wraps back under its label, as a paragraph does', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item(`存款人名称：${NAME}`, 60, 100),
        item('开户银行：中国工商银行股份有限', 60, 150),
        item('公司杭州滨江支行', 60, 176),
        item(`账号：${ACCOUNT}`, 60, 230),
      ]),
      'bank.jpg',
    );
    expect(doc.fields.bankName).toBe(BANK);
    expect(doc.fields.accountNumber).toBe(ACCOUNT);
  });

  it('never takes a wrapped row from the middle of a line that runs in from the left', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('开户银行：中国工商银行股份有限', 60, 150),
        item('公司杭州滨江支行', 60, 176),
      ]),
      'bank.jpg',
    );
    expect(doc.fields.bankName).not.toBe('中国工商银行股份有限江支行');
    expect(doc.fields.bankName).toBe(BANK);
  });

  it('reads a J-number whose J a face drew like a 1, or that lost it, as J and 13 digits where a J belongs', () => {
    const code = jNumber(true);
    expect(code.parse('13301770290804')).toBe('J3301770290804');
    expect(code.parse(']3301770290804')).toBe('J3301770290804');
    expect(code.parse('J3301770290804')).toBe('J3301770290804');
    expect(code.parse('3301770290804')).toBe('J3301770290804');
    expect(code.parse('23301770290804')).toBeNull();
    // Where no J is known to belong, the digits stay as read and are not of the type.
    const unknown = jNumber(false);
    expect(unknown.parse('3301770290804')).toBe('3301770290804');
    expect(unknown.parse('13301770290804')).toBe('13301770290804');
    expect(unknown.valid('13301770290804')).toBe(false);
    expect(unknown.parse('L3301770290804')).toBe('L3301770290804');
  });

  /** A 开户许可证 whose 核准号 was read as `code`, with the approval sentence given. */
  const permitWith = (code: string, sentence: string): ReturnType<typeof extractDocument> =>
    extractDocument(
      page([
        item('开户许可证', 400, 30, 40),
        item(`核准号：${code}`, 60, 100),
        item('编号：3310-01234567', 600, 100),
        item(sentence, 60, 150),
        item('存款人名称', 60, 200),
        item(NAME, 300, 200),
        item('开户银行', 60, 250),
        item(BANK, 300, 250),
      ]),
      'permit.jpg',
    );

  it('puts the J back on a basic account’s permit (准予开立基本存款账户) only', () => {
    const basic = permitWith('13310012345601', '经审核，符合开户条件，准予开立基本存款账户。');
    expect(basic.fields.approvalNumber).toBe('J3310012345601');
    expect(basic.confidence.approvalNumber).toBeGreaterThan(0.9);
    // One character of the words misread still names the basic account.
    const misread = permitWith('3310012345601', '经审核，符合开户条件，准予开立基本存歉账户。');
    expect(misread.fields.approvalNumber).toBe('J3310012345601');
  });

  it('never makes a temporary or special account’s number (L…, Z…) a J-number', () => {
    for (const account of ['临时存款账户', '专用存款账户']) {
      const sentence = `经审核，符合开户条件，准予开立${account}。`;
      // Its letter lost: the digits as read, below 0.9 (not of the J-number's type).
      const lost = permitWith('3310012345601', sentence);
      expect(lost.fields.approvalNumber).toBe('3310012345601');
      expect(lost.confidence.approvalNumber).toBeLessThanOrEqual(0.5);
      // Its letter read: kept as read.
      const read = permitWith('L3310012345601', sentence);
      expect(read.fields.approvalNumber).toBe('L3310012345601');
      expect(read.confidence.approvalNumber).toBeLessThan(0.9);
    }
  });

  it('puts the J back under a 基本存款账户编号 label, a basic account’s by its name', () => {
    const doc = extractDocument(
      page([
        item('存款人名称', 60, 100),
        item(NAME, 300, 100),
        item('基本存款账户编号', 60, 150),
        item('13310012345601', 300, 150),
        item('开户银行', 60, 200),
        item(BANK, 300, 200),
      ]),
      'bank.jpg',
    );
    expect(doc.fields.accountCode).toBe('J3310012345601');
  });

  it('a bank name cut where its line wrapped is not of its type', () => {
    const valid = (v: string): boolean => typeOf('bankName').valid(v);
    expect(valid('中国工商银行股份有限')).toBe(false);
    expect(valid('中国工商银行股份有限公司杭州')).toBe(false);
    expect(valid(BANK)).toBe(true);
    expect(valid('中国银行杭州分行营业部')).toBe(true);
    expect(valid('某某县农村信用合作联社')).toBe(true);
    expect(valid('浙江网商银行股份有限公司')).toBe(true);
  });

  it('reads the label’s line alone, below 0.9, when the row under it is another value', () => {
    const doc = extractDocument(
      page([
        item('开户许可证', 400, 30, 40),
        item('存款人名称：', 60, 100),
        item(NAME, 260, 100),
        item('王示例', 260, 130), // the representative's value, its label lost
        item('开户银行：', 60, 170),
        item(BANK, 260, 170),
      ]),
      'permit.jpg',
    );
    expect(doc.fields.accountName).toBe(NAME);
    expect(doc.confidence.accountName).toBeLessThan(0.9);
  });
});

describe('bank form values by their type when their labels were lost', () => {
  it('finds the account name as the one organisation that is no bank, below 0.9', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item(NAME, 300, 100), // its label covered by the seal
        item('开户银行', 60, 150),
        item(BANK, 300, 150),
        item('账号', 60, 200),
        item(ACCOUNT, 300, 200),
      ]),
      'bank.jpg',
    );
    expect(doc.fields.accountName).toBe(NAME);
    expect(doc.confidence.accountName).toBeLessThanOrEqual(0.6);
    expect(doc.fields.bankName).toBe(BANK);
  });

  it('tells an unlabelled J-number by the form’s title: 核准号 or 基本存款账户编号', () => {
    const read = (title: string) =>
      extractDocument(
        page([
          item(title, 400, 30, 36),
          item('J3310012345601', 300, 80),
          item('存款人名称', 60, 120),
          item(NAME, 300, 120),
          item('开户银行', 60, 170),
          item(BANK, 300, 170),
        ]),
        'bank.jpg',
      );
    const permit = read('开户许可证');
    expect(permit.fields.approvalNumber).toBe('J3310012345601');
    expect(permit.fields.accountCode).toBeNull();
    expect(permit.confidence.approvalNumber).toBeLessThanOrEqual(0.6);
    const info = read('基本存款账户信息');
    expect(info.fields.accountCode).toBe('J3310012345601');
    expect(info.fields.approvalNumber).toBeNull();
  });
});

describe('the value beside a label wrapped over lines', () => {
  /** A bank form whose 法定代表人（单位负责人） label takes the given lines, its value at (x, y). */
  const withLabel = (label: TextItem[], value: TextItem): ReturnType<typeof extractDocument> =>
    extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item(NAME, 300, 100),
        ...label,
        value,
        item('开户银行', 60, 300),
        item(BANK, 300, 300),
        item('账号', 60, 350),
        item(ACCOUNT, 300, 350),
      ]),
      'bank.jpg',
    );

  it('reads the value beside the label’s second line, never the label’s suffix', () => {
    const doc = withLabel(
      [item('法定代表人（单', 60, 150), item('位负责人）', 60, 176)],
      item('王示例', 300, 176),
    );
    expect(doc.fields.legalRepresentative).toBe('王示例');
    expect(doc.fields.bankName).toBe(BANK);
  });

  it('reads the value after the suffix and its colon on the label’s second line', () => {
    const doc = withLabel([item('法定代表人（单位', 60, 150)], item('负责人）：王示例', 60, 176));
    expect(doc.fields.legalRepresentative).toBe('王示例');
  });

  it('reads the value beside the middle line of a label wrapped over three', () => {
    const doc = withLabel(
      [item('法定代表', 60, 150), item('人（单位负', 60, 176), item('责人）', 60, 202)],
      item('欧阳示例', 300, 176),
    );
    expect(doc.fields.legalRepresentative).toBe('欧阳示例');
    expect(doc.confidence.legalRepresentative).toBeGreaterThan(0.9);
  });

  it('keeps the name’s first character beside a label cut short on its line (法定代表 | 褚斌博)', () => {
    // The fuzzy label match took 褚 for a misread 人 and the value lost its surname (斌博).
    const doc = withLabel(
      [
        item('法定代表', 60, 150),
        item('人（单位', 60, 176),
        item('负责', 60, 202),
        item('）：', 60, 228),
      ],
      item('褚斌博', 180, 150),
    );
    expect(doc.fields.legalRepresentative).toBe('褚斌博');
  });

  it('a letter-spaced label with its last character misread is still the label', () => {
    const doc = withLabel(
      [
        item('法', 60, 150),
        item('定', 100, 150),
        item('代', 140, 150),
        item('表', 180, 150),
        item('入', 220, 150),
      ],
      item('王示例', 300, 150),
    );
    expect(doc.fields.legalRepresentative).toBe('王示例');
  });
});
