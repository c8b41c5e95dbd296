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
});
