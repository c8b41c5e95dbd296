// A company's name whose place slot names no place (企业名称: 字号（行政区划）, the region a
// registered one) is given the one place a character away that the page's own recognition
// backs at PAGE_SUPPORT_ODDS (known-wording.ts PAGE_BACKED_PLACE_FIELDS), held below 0.9 with
// the reading proposed. The old code only proposed it (the name is compared exactly): the
// tests marked "old code" fail on it. A place the page gave less stays as printed, for the
// comparison with the license to show (a bank form printing 琛圳…).
import { describe, expect, it } from 'vitest';
import type { CharAlternatives } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { bankForm, ocrItem } from './support/bank-form';

function accountName(name: string, alternatives: CharAlternatives[]) {
  const text = bankForm(ocrItem('王昕琰', 0, 0, 0.99));
  text.pages[0]!.items[2] = ocrItem(name, 500, 400, alternatives[0]!.p, alternatives);
  return extractDocument(text, 'bank.jpg');
}

const glyph = (
  at: number,
  p: number,
  options: [string, number][],
  candidates: [string, number][] = options,
): CharAlternatives[] => [
  {
    at,
    p,
    options: options.map(([text, q]) => ({ text, p: q })),
    candidates: candidates.map(([text, q]) => ({ text, p: q })),
  },
];

describe('a company name’s place taken where the page backs it', () => {
  it('澄川汇（斋圳）… with 深 behind 斋 (0.36 / 0.12, measured on the quick set): 深圳, below 0.9 (old code: 斋圳)', () => {
    const bank = accountName(
      '澄川汇（斋圳）文化传媒有限公司',
      glyph(
        4,
        0.361,
        [['深', 0.118]],
        [
          ['深', 0.118],
          ['浠', 0.071],
          ['滘', 0.031],
        ],
      ),
    );
    expect(bank.fields.accountName).toBe('澄川汇（深圳）文化传媒有限公司');
    expect(bank.confidence.accountName).toBeLessThan(0.9);
    expect(bank.corrections.map((c) => c.to)).toContain('澄川汇（斋圳）文化传媒有限公司');
  });

  it('琛圳… read 琛 at 0.84 with 深 a candidate at 0.012: kept as printed, 深圳 proposed', () => {
    const bank = accountName(
      '琛圳森禾供应链管理有限公司',
      glyph(
        0,
        0.843,
        [['璨', 0.068]],
        [
          ['璨', 0.068],
          ['深', 0.012],
        ],
      ),
    );
    expect(bank.fields.accountName).toBe('琛圳森禾供应链管理有限公司');
  });

  it('浠 at 0.23 with 深 a candidate at 0.02 (odds 0.1, below 0.2): kept, 深圳 proposed', () => {
    const bank = accountName(
      '深圳霁月坊科技有限公司'.replace('深', '浠'),
      glyph(
        0,
        0.226,
        [['需', 0.072]],
        [
          ['需', 0.072],
          ['漏', 0.056],
          ['深', 0.0217],
        ],
      ),
    );
    expect(bank.fields.accountName).toBe('浠圳霁月坊科技有限公司');
    expect(bank.corrections.map((c) => c.to)).toContain('深圳霁月坊科技有限公司');
  });
});
