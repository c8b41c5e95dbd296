// A table whose label column is narrow: a label wraps (存款人名 / 称) beside a value that
// wraps too. The label's own wrapped part does not end its value.
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
});

describe('a value printed across a column’s edge', () => {
  const SCOPE = [
    '一般项目：日用百货销售；技术服务、技术开发、技术咨询、技术交',
    '流、技术转让、技术推广；供应链管理服务。（除依法须经批准的项',
    '目外，凭营业执照依法自主开展经营活动）',
  ];
  // A two-column license: the right column's rows end above the scope, whose lines run
  // on as wide as the page, across where the right column's labels start.
  const license = (scope: readonly string[], gap = 0) =>
    page([
      item('营业执照', 500, 20, 40),
      item('统一社会信用代码', 60, 80),
      item('91330106MA2B2C3D4X', 240, 80),
      item('名称', 60, 150),
      item('杭州云栖桥数字科技服务有限公司', 190, 150),
      item('注册资本', 660, 150),
      item('壹仟万元整', 790, 150),
      item('法定代表人', 60, 198),
      item('欧阳睿珺', 190, 198),
      item('住所', 660, 198),
      item('浙江省杭州市滨江区西兴街道虚构大道202号', 790, 198),
      item('经营范围', 60, 246),
      ...scope.flatMap((text, i) => {
        // With a gap: the part right of the column's edge is another text.
        if (gap === 0) return [item(text, 190, 246 + 26 * i)];
        const cut = Math.floor((660 - 190) / 20);
        return [
          item([...text].slice(0, cut).join(''), 190, 246 + 26 * i),
          item([...text].slice(cut).join(''), 190 + cut * 20 + gap, 246 + 26 * i),
        ];
      }),
    ]);

  it('reads the whole line, not only up to the edge', () => {
    const doc = extractDocument(license(SCOPE), 'wide-scope.pdf');
    expect(doc.fields.businessScope).toBe(SCOPE.join(''));
    expect(doc.fields.address).toBe('浙江省杭州市滨江区西兴街道虚构大道202号');
  });

  it('stops at the edge where a gap sets the text beyond it apart', () => {
    const doc = extractDocument(license(SCOPE, 80), 'two-texts.pdf');
    expect(doc.fields.businessScope).not.toBe(SCOPE.join(''));
  });
});
