// Values found by their type where their label was not read (candidates.ts typeSearch):
// text beside another field's label is that field's value, never this one's.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, ocrPage, page } from './support/positioned';

const ACCOUNT = '6222021202003456789';

describe('the type search of a field whose label was lost', () => {
  it('skips a value beside another field’s label', () => {
    const doc = extractDocument(
      page(
        [
          item('基本存款账户信息', 400, 30, 36),
          item('存款人名称', 60, 100),
          item('杭州星澜芯科技有限公司', 300, 100),
          // The J-number's J read 1: 14 digits, an account number by its shape.
          item('基本存款账户编号', 60, 140),
          item('14403641951225', 300, 140),
          item('开户银行', 60, 180),
          item('中国工商银行股份有限公司杭州滨江支行', 300, 180),
          // 账号 misread beyond recognition.
          item('贩亏', 60, 220),
          item(ACCOUNT, 300, 220),
        ],
        'paddle',
      ),
      'bank.jpg',
    );
    // Old code: two account numbers by their shape, so none.
    expect(doc.fields.accountNumber).toBe(ACCOUNT);
    expect(doc.confidence.accountNumber).toBeLessThanOrEqual(0.6);
    expect(doc.fields.accountCode).toBe('J4403641951225');
  });

  it('takes no permit serial (编号 NNNN-NNNNNNNN) for the account number', () => {
    // Real PP-OCR output: a photo of a permit (tuned, --fonts=all, seed offset 2600) whose
    // 账号 was read 账 and 4 and whose 编号 label was lost. Old code: the serial and the
    // account number were two values of the type, and neither was taken.
    const doc = extractDocument(
      ocrPage(
        [
          [703, 192, 213, 29, 1.0, '中国人民银行'],
          [579, 280, 445, 51, 1.0, '开户许可证'],
          [206, 503, 70, 29, 0.98, '核准号'],
          [315, 503, 232, 29, 1.0, 'J3205529549005'],
          [1044, 507, 212, 22, 1.0, '3205-37593638'],
          [633, 770, 103, 26, 0.81, '欧阳必吧'],
          [206, 772, 327, 22, 0.71, '法定代表人（单位员责人）'],
          [203, 825, 103, 26, 1.0, '开户银行'],
          [636, 827, 457, 22, 0.41, '中国罐行股份有限公司苏州高新支行'],
          [201, 882, 18, 25, 0.5, '账'],
          [274, 883, 17, 23, 0.52, '4'],
          [626, 884, 324, 24, 1.0, '6189581491857163682'],
        ],
        1654,
        2340,
      ),
      'permit.jpg',
      { kind: 'bank-permit' },
    );
    expect(doc.fields.accountNumber).toBe('6189581491857163682');
  });

  it('finds a permit serial whose 编 was lost by its grammar (old code: null)', () => {
    // Real PP-OCR output: an image-only PDF of a row-style permit (bench full set,
    // dossier-tuned-4-3) whose letter-spaced 编号 lost its 编: the line reads 号：….
    const rows: [number, number, number, number, number, string][] = [
      [720, 213, 219, 32, 1.0, '中国人民银行'],
      [553, 310, 518, 54, 1.0, '开户许可证'],
      [214, 536, 343, 19, 1.0, '核准号：J4403171373924'],
      [1042, 536, 260, 19, 0.97, '号：4403-25644227'],
      [213, 641, 606, 21, 0.72, '经审核，符合开户条件，准予开立基本存款账户。'],
      [681, 765, 363, 23, 1.0, '墨竹岚（深圳）科技有限公司'],
      [212, 765, 153, 23, 0.99, '存款人名称：'],
      [678, 823, 76, 31, 0.88, '元钊昕'],
      [217, 827, 348, 21, 0.96, '法定代表人（单位负责人）：'],
      [210, 883, 124, 27, 0.99, '开户银行：'],
      [683, 885, 504, 24, 0.99, '中国工商银行股份有限公司深圳南山支行'],
      [210, 942, 122, 25, 0.96, '账号：'],
      [674, 942, 325, 21, 1.0, '8660347954023643865'],
      [1176, 1878, 222, 26, 0.99, '发证机关（盖章）'],
      [1171, 1916, 238, 23, 1.0, '2023年04月28日'],
    ];
    const doc = extractDocument(ocrPage(rows, 1654, 2340), 'permit.jpg', { kind: 'bank-permit' });
    expect(doc.fields.serialNumber).toBe('4403-25644227');
    // Found by its type alone: below the confidence of a labelled value.
    expect(doc.confidence.serialNumber).toBeLessThanOrEqual(0.6);
    expect(doc.fields.accountNumber).toBe('8660347954023643865');
    expect(doc.fields.approvalNumber).toBe('J4403171373924');
  });

  it('takes no 编号 by its grammar on a form that is not the permit', () => {
    // A 基本存款账户信息 prints no 编号; a code of that shape there is something else.
    const doc = extractDocument(
      page(
        [
          item('基本存款账户信息', 400, 30, 36),
          item('存款人名称', 60, 100),
          item('杭州星澜芯科技有限公司', 300, 100),
          item('基本存款账户编号', 60, 140),
          item('J4403641951225', 300, 140),
          item('开户银行', 60, 180),
          item('中国工商银行股份有限公司杭州滨江支行', 300, 180),
          item('账号', 60, 220),
          item(ACCOUNT, 300, 220),
          item('3310-01234567', 300, 260),
        ],
        'paddle',
      ),
      'bank.jpg',
    );
    expect(doc.fields.serialNumber ?? null).toBeNull();
  });
});
