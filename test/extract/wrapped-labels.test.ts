// A label wrapped onto a second line of its cell, split at any character: 统一社会信 /
// 用代码 as a narrow cell in a Kai face wraps it, a first part of one character, a short
// rest centred under a long first part, a value OCR read in one text with the first part,
// and one character of the whole misread. From synthetic positioned text.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

const CODE = '91350100M000100Y43'; // checksum-valid
const NAME = '杭州星澜芯科技有限公司';
const BANK = '中国工商银行股份有限公司杭州滨江支行';

/** A 基本存款账户信息 whose credit code label takes the given items (the code beside them). */
function withLabel(label: [text: string, x: number, y: number][], code = true) {
  return extractDocument(
    page(
      [
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item(NAME, 300, 100),
        ...label.map(([text, x, y]) => item(text, x, y)),
        ...(code ? [item(CODE, 300, 163)] : []),
        item('开户银行', 60, 220),
        item(BANK, 300, 220),
      ],
      'paddle',
    ),
    'bank.jpg',
  );
}

describe('a label wrapped over two lines, split anywhere', () => {
  it('finds 统一社会信用代码 split after any of its characters', () => {
    const label = [...'统一社会信用代码'];
    for (let k = 1; k < label.length; k++) {
      const doc = withLabel([
        [label.slice(0, k).join(''), 60, 150],
        [label.slice(k).join(''), 60, 176],
      ]);
      expect(doc.fields.creditCode, `split after ${k}`).toBe(CODE);
      expect(doc.confidence.creditCode, `split after ${k}`).toBeGreaterThanOrEqual(0.9);
      expect(doc.fields.bankName).toBe(BANK);
    }
  });

  it('finds a short rest centred under a long first part', () => {
    const doc = withLabel([
      ['统一社会信用代', 60, 150],
      ['码', 120, 176], // three characters right of the first part's start
    ]);
    expect(doc.fields.creditCode).toBe(CODE);
  });

  it('finds the first part read in one text with the value after it', () => {
    const doc = withLabel(
      [
        [`统一社会信${CODE}`, 60, 150],
        ['用代码', 60, 176],
      ],
      false,
    );
    expect(doc.fields.creditCode).toBe(CODE);
  });

  it('finds it with one character misread, in either part, below 0.9', () => {
    for (const [head, tail] of [
      ['统一社会信', '用代玛'],
      ['统一社会倌', '用代码'],
    ] as const) {
      const doc = withLabel([
        [head, 60, 150],
        [tail, 60, 176],
      ]);
      expect(doc.fields.creditCode, `${head} / ${tail}`).toBe(CODE);
      expect(doc.confidence.creditCode).toBeLessThan(0.9);
    }
  });

  it('is no label with two characters misread, nor as words inside a sentence', () => {
    const twoOff = withLabel([
      ['统一社会信', 60, 150],
      ['周代玛', 60, 176],
    ]);
    expect(twoOff.fields.creditCode).toBeNull();
    const sentence = withLabel([
      ['请核对统一社会', 60, 150],
      ['信用代码是否一致', 60, 176],
    ]);
    expect(sentence.fields.creditCode).toBeNull();
  });
});

describe('a label whose last character the OCR did not detect', () => {
  /** A 基本存款账户信息 narrow table: the given label and value items, then the bank's rows. */
  const form = (rows: [text: string, x: number, y: number][]) =>
    extractDocument(
      page(
        [
          item('基本存款账户信息', 400, 30, 36),
          ...rows.map(([text, x, y]) => item(text, x, y)),
          item('开户银行', 60, 300),
          item(BANK, 300, 300),
          item('账号', 60, 350),
          item('1202020209900012345', 300, 350),
        ],
        'paddle',
      ),
      'bank.jpg',
    );

  it('is that label wrapped, its rest on the next line without its last character', () => {
    const code = form([
      ['统一社会信', 60, 150],
      ['用代', 60, 176], // 码 lost
      [CODE, 300, 163],
    ]);
    expect(code.fields.creditCode).toBe(CODE);
    const account = form([
      ['基本存款账', 60, 150],
      ['户编', 60, 176], // 号 lost
      ['J3310012345601', 300, 163],
    ]);
    expect(account.fields.accountCode).toBe('J3310012345601');
    expect(account.confidence.accountCode).toBeGreaterThanOrEqual(0.9);
    const person = form([
      ['法定代表人（单', 60, 150],
      ['位负责人', 60, 176], // ） lost
      ['王示例', 300, 176],
    ]);
    expect(person.fields.legalRepresentative).toBe('王示例');
    expect(person.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
  });

  it('is that label when its rest was lost whole, never the start of its value', () => {
    const name = form([
      ['存款人名', 60, 100], // 称 lost: 存款人 is a label too, and 名 no part of the name
      [NAME, 300, 100],
    ]);
    expect(name.fields.accountName).toBe(NAME);
    const code = form([
      ['统一社会信用代', 60, 150], // 码 lost, the code on a line of its own
      [CODE, 300, 175],
    ]);
    expect(code.fields.creditCode).toBe(CODE);
  });

  it('is no label with a character inside it missing, nor under another text', () => {
    const inside = form([
      ['统一社会信', 60, 150],
      ['代码', 60, 176], // 用 missing inside: two characters off
      [CODE, 300, 163],
    ]);
    expect(inside.fields.creditCode).toBeNull();
  });
});

describe('a long label read with one character wrong around an inline label', () => {
  const J = 'J4403641951225';
  // Its J read as 1, as a Song face's J often is: only its label says it is the code.
  const READ = '14403641951225';
  const form = (label: [text: string, x: number, y: number][]) =>
    extractDocument(
      page(
        [
          item('基本存款账户信息', 400, 30, 36),
          item('存款人名称', 60, 100),
          item(NAME, 300, 100),
          ...label.map(([text, x, y]) => item(text, x, y)),
          item(READ, 300, 150),
          item('开户银行', 60, 220),
          item(BANK, 300, 220),
        ],
        'paddle',
      ),
      'bank.jpg',
    );

  it('takes back the inline label inside it (编号 of 基本存款账户编号), on one line or wrapped', () => {
    // Old code: 编号 stayed the serial number's label, the account code was not read.
    for (const label of [
      [['基本存疑账户编号', 60, 150]],
      [
        ['基中存款账', 60, 150],
        ['户编号：', 60, 176],
      ],
    ] as [string, number, number][][]) {
      const doc = form(label);
      expect(doc.fields.accountCode, label[0]![0]).toBe(J);
      expect(doc.confidence.accountCode).toBeLessThan(0.9);
      expect(doc.fields.serialNumber ?? null).toBeNull();
    }
  });

  it('leaves an inline label read exactly beside a label misread twice', () => {
    const doc = form([['基中存疑账户编号', 60, 150]]);
    expect(doc.fields.accountCode ?? null).toBeNull();
  });
});

describe('a wrapped label beside a value of lower boxes', () => {
  it('finds its rest by the label’s own character height, not the line’s', () => {
    // The code's 18 boxes (letters and digits, lower than ideographs) set the line's height
    // (18) beside 统一社会信 (28 high); the rest 用代码 is 24 below: 1.3 of the line's height,
    // 0.9 of the label's. Old code: the label not found, the code null.
    const doc = extractDocument(
      page(
        [
          item('基本存款账户信息', 400, 30, 36),
          item('存款人名称', 60, 100, 28),
          item(NAME, 300, 100, 28),
          item('统一社会信', 60, 160, 28),
          item(CODE, 300, 165, 18),
          item('用代码', 60, 212, 28),
          item('开户银行', 60, 280, 28),
          item(BANK, 300, 280, 28),
        ],
        'paddle',
      ),
      'bank.jpg',
    );
    expect(doc.fields.creditCode).toBe(CODE);
    expect(doc.fields.bankName).toBe(BANK);
  });
});
