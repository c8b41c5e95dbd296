// A table whose label column is narrow: a label wraps (存款人名 / 称) beside a value that
// wraps too, and a long value's second line stands alone. The label's own wrapped part
// does not end its value, and text another field was read from is no candidate for a
// field whose label was lost.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

const BANK = '中国工商银行股份有限公司杭州滨江高新技术开发区支行';

describe('wrapped labels and values in a narrow table', () => {
  it('reads a value past the line its own label wrapped onto', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名', 100, 100),
        item('杭州云栖桥数字科技服务有限公', 260, 100),
        item('称', 100, 128),
        item('司', 260, 128),
        item('开户银行', 100, 180),
        item('中国工商银行股份有限公司杭州', 260, 180),
        item('滨江高新技术开发区支行', 260, 208),
        item('账号', 100, 260),
        item('1202020209900012345', 260, 260),
      ]),
      'narrow.pdf',
    );
    expect(doc.fields.accountName).toBe('杭州云栖桥数字科技服务有限公司');
    expect(doc.fields.bankName).toBe(BANK);
  });

  it('does not take the wrapped line of the bank’s name for the account holder whose label was lost', () => {
    const doc = extractDocument(
      page([
        item('基本存款账户信息', 400, 30, 36),
        // The account holder's label was lost (a seal over it): only its value is left.
        item('杭州云栖桥数字科技服务有限公司', 260, 100),
        item('开户银行', 100, 180),
        item('中国工商银行股份有限公司杭州', 260, 180),
        item('滨江高新技术开发区支行', 260, 208),
        item('账号', 100, 260),
        item('1202020209900012345', 260, 260),
      ]),
      'lost-label.pdf',
    );
    expect(doc.fields.bankName).toBe(BANK);
    expect(doc.fields.accountName).toBe('杭州云栖桥数字科技服务有限公司');
    // Found by its type alone: for a person to confirm.
    expect(doc.confidence.accountName).toBeLessThan(0.9);
  });
});
