// A person's name found by its label's geometry where the label is not one plain run of
// text: printed above its value and wrapped over two lines (法定代表人（单位 / 负责人） with the
// name under 负责人）), or followed by a label word of its own (法定代表人姓名, no colon).
// From synthetic positioned text.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import type { DocumentText } from '../../src/core/extraction';
import { item, page } from './support/positioned';

const NAME = '杭州星澜芯科技有限公司';
const BANK = '中国工商银行股份有限公司杭州滨江支行';
const CODE = '91350100M000100Y43'; // checksum-valid

/** A 基本存款账户信息 printing each label above its value, the representative's as given. */
function labelAbove(representative: [text: string, y: number][], source: DocumentText['source']) {
  return extractDocument(
    page(
      [
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item(NAME, 60, 126),
        ...representative.map(([text, y]) => item(text, 60, y)),
        item('开户银行', 60, 266),
        item(BANK, 60, 292),
        item('账号', 60, 336),
        item('1202026119900012345', 60, 362),
      ],
      source,
    ),
    'bank.jpg',
  );
}

describe('a value under a label wrapped over lines', () => {
  it('reads the name under the label’s last line, not under its first (old code: null)', () => {
    for (const source of ['paddle', 'pdf-text'] as const) {
      const doc = labelAbove(
        [
          ['法定代表人（单位', 170],
          ['负责人）', 194],
          ['佘嘉', 222],
        ],
        source,
      );
      expect(doc.fields.legalRepresentative, source).toBe('佘嘉');
      expect(doc.fields.bankName).toBe(BANK);
    }
  });

  it('reads a compound surname under a label split before its bracket', () => {
    const doc = labelAbove(
      [
        ['法定代表人', 170],
        ['（单位负责人）', 194],
        ['欧阳晓', 222],
      ],
      'paddle',
    );
    expect(doc.fields.legalRepresentative).toBe('欧阳晓');
  });

  it('still reads the name under a label on one line', () => {
    const doc = labelAbove(
      [
        ['法定代表人（单位负责人）', 170],
        ['隗婕', 196],
      ],
      'paddle',
    );
    expect(doc.fields.legalRepresentative).toBe('隗婕');
  });

  it('gives no value where the wrapped label has none under it but the next label', () => {
    const doc = labelAbove(
      [
        ['法定代表人（单位', 170],
        ['负责人）', 194],
      ],
      'paddle',
    );
    expect(doc.fields.legalRepresentative ?? null).toBeNull();
    expect(doc.fields.bankName).toBe(BANK);
  });
});

describe('a label followed by a label word of its own', () => {
  const license = (rows: ReturnType<typeof item>[]) =>
    extractDocument(
      page(
        [
          item('营业执照', 500, 30, 36),
          item('统一社会信用代码', 60, 80),
          item(CODE, 300, 80),
          item('名称', 60, 120),
          item(NAME, 300, 120),
          ...rows,
          item('注册资本', 60, 240),
          item('壹佰万元整', 300, 240),
        ],
        'paddle',
      ),
      'license.jpg',
    );

  it('takes 法定代表人姓名 without a colon as one label (old code: its 姓名 read as the value)', () => {
    const doc = license([item('法定代表人姓名', 60, 200), item('隗婕', 300, 200)]);
    expect(doc.fields.legalRepresentative).toBe('隗婕');
  });

  it('keeps a name ending in 名 read in one text with its label', () => {
    const doc = license([item('法定代表人李一名', 60, 200)]);
    expect(doc.fields.legalRepresentative).toBe('李一名');
  });
});

describe('a value centred beside a label wrapped over lines', () => {
  it('is that label’s, not the wrapped row of the value above (old code: 有限合伙企业佘嘉 at 1.00)', () => {
    const doc = extractDocument(
      page(
        [
          item('营业执照', 500, 30, 36),
          item('统一社会信用代码', 60, 80),
          item(CODE, 300, 80),
          item('名称', 60, 120),
          item('杭州星澜芯投资合伙企业（有限合伙）', 300, 120),
          item('类型', 60, 160),
          item('有限合伙企业', 300, 160),
          item('执行事务', 60, 195),
          item('佘嘉', 300, 207),
          item('合伙人', 60, 219),
          item('主要经营场所', 60, 270),
          item('浙江省杭州市滨江区长河街道示例路1号', 300, 270),
        ],
        'paddle',
      ),
      'license.jpg',
    );
    expect(doc.fields.companyType).toBe('有限合伙企业');
    expect(doc.fields.legalRepresentative).toBe('佘嘉');
  });
});
