// A label's letter-spacing measured in its own characters' height (label-match.ts
// gapBefore): the line's median height may be a long value's, whose boxes are lower.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

const ACCOUNT = '6222021202003456789';

describe('a letter-spaced label beside a value of lower boxes', () => {
  it('is read as the label, its gap measured in its own characters', () => {
    // 账 and 号 24 high, 76 apart: 3.2 of their height, but 4.5 of the 17-high digits'
    // boxes that set the line's median height (a label's characters are at most 4 apart).
    // Old code: no label, the number found by its shape alone at 0.6.
    const doc = extractDocument(
      page(
        [
          item('基本存款账户信息', 400, 30, 36),
          item('存款人名称', 60, 100, 24),
          item('杭州星澜芯科技有限公司', 300, 100, 24),
          item('开户银行', 60, 160, 24),
          item('中国工商银行股份有限公司杭州滨江支行', 300, 160, 24),
          item('账', 60, 220, 24),
          item('号', 160, 220, 24),
          item(ACCOUNT, 300, 223, 17),
        ],
        'paddle',
      ),
      'bank.jpg',
    );
    expect(doc.fields.accountNumber).toBe(ACCOUNT);
    expect(doc.confidence.accountNumber).toBeGreaterThanOrEqual(0.9);
  });
});
