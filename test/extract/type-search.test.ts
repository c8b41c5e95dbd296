// Values found by their type where their label was not read (candidates.ts typeSearch):
// text beside another field's label is that field's value, never this one's.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

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
});
