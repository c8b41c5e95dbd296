// Place names as a value's own evidence (src/core/extract/places.ts): a place slot holding
// no place is doubted and the places one character away proposed. The ID back is real
// PP-OCR output (bench:ocr --fonts=all's tuned quick set, ZCOOL XiaoWei, a copy scanned on
// A4): its 深 was never emitted and the authority was read 圳市公安局南山分局 at 0.93.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { knownWordingDoubt } from '../../src/core/extract/known-wording';
import { placeDoubt, type PlaceGlyph } from '../../src/core/extract/places';
import { ocrPage } from './support/positioned';

/** Every character read at `p`, those at `unsure` at 0.4 with no runner-up. */
const glyphs = (value: string, unsure: number[] = [], p = 0.99): PlaceGlyph[] =>
  [...value].map((_, i) => ({ confidence: unsure.includes(i) ? 0.4 : p, options: [] }));

describe('place names', () => {
  it('does not trust an ID back whose authority starts with a lone character before 市', () => {
    const text = ocrPage(
      [
        [851, 467, 260, 28, 0.99, '中华人民共和国'],
        [857, 535, 276, 35, 0.96, '居民身份证'],
        [763, 710, 116, 28, 0.99, '签发机关'],
        [915, 710, 215, 28, 0.98, '圳市公安局南山分局'],
        [769, 757, 11, 28, 1.0, '有'],
        [799, 757, 56, 28, 0.33, '效期票'],
        [896, 757, 216, 28, 0.89, '2021.08.12-2041.08.12'],
      ],
      1654,
      2340,
    );
    const doc = extractDocument(text, 'id-back.jpg', { kind: 'id-card-back' });
    // The one place a lost character can make of 圳市 is taken (an authority is compared by
    // place, never character for character), held below 0.9, the reading as made proposed.
    // Old code (6d5fc18): the value kept 圳市…, 深圳市… only proposed; before: 0.93, no proposal.
    expect(doc.fields.issuingAuthority).toBe('深圳市公安局南山分局');
    expect(doc.confidence.issuingAuthority).toBeLessThan(0.9);
    expect(doc.corrections.filter((c) => c.field === 'issuingAuthority')).toEqual([
      expect.objectContaining({ from: '深圳市公安局南山分局', to: '圳市公安局南山分局' }),
    ]);
  });

  it('takes the one place a doubted character is away from only where no check compares exactly', () => {
    const address = '广东省斋圳市南山区西兴街道演示巷897号9幢1907室';
    const taken = knownWordingDoubt('address', address, glyphs(address, [3]));
    expect(taken?.taken).toBe('广东省深圳市南山区西兴街道演示巷897号9幢1907室');
    expect(taken?.corrections).toEqual([expect.objectContaining({ to: address })]);
    expect(taken?.cap).toBeLessThan(0.9);
    // A company's name is compared character for character: proposed, never taken.
    const name = '澄川汇（斋圳）文化传媒有限公司';
    const proposed = knownWordingDoubt('companyName', name, glyphs(name, [4]));
    expect(proposed?.taken).toBeUndefined();
    expect(proposed?.corrections[0]?.to).toBe('澄川汇（深圳）文化传媒有限公司');
  });

  it('proposes the one place a misread city, bracket or branch is a character away from', () => {
    const address = '广东省斋圳市南山区西兴街道演示巷897号9幢1907室';
    expect(placeDoubt('address', address, glyphs(address, [3]))?.corrections[0]?.to).toBe(
      '广东省深圳市南山区西兴街道演示巷897号9幢1907室',
    );
    const name = '澄川汇（浠圳）文化传媒有限公司';
    expect(placeDoubt('accountName', name, glyphs(name, [4]))?.corrections[0]?.to).toBe(
      '澄川汇（深圳）文化传媒有限公司',
    );
    const bank = '中国建设银行股份有限公司潘圳南山支行';
    expect(placeDoubt('bankName', bank, glyphs(bank, [12]))?.corrections[0]?.to).toBe(
      '中国建设银行股份有限公司深圳南山支行',
    );
  });

  it('leaves real places and what only looks like a slot alone', () => {
    for (const [field, value] of [
      ['issuingAuthority', '杭州市公安局西湖分局'],
      ['issuingAuthority', '义乌市公安局'],
      ['address', '浙江省杭州市滨江区长河市场3号'],
      ['address', '上海市浦东新区演示路12号'],
      ['address', '广西壮族自治区南宁市青秀区民族大道1号'],
      ['address', '江苏省苏州市昆山市玉山镇1号'],
      ['companyName', '岚汐远（苏州）贸易有限公司'],
      ['companyName', '深圳市岚汐科技有限公司'],
      ['bankName', '中国银行股份有限公司苏州高新支行'],
      ['bankName', '中国人民银行'],
    ] as const)
      expect(placeDoubt(field, value, glyphs(value)), value).toBeNull();
    // A brand one character off a city, read surely, is a brand (银州: 银川, 温州, …).
    expect(placeDoubt('companyName', '银州科技有限公司', glyphs('银州科技有限公司'))).toBeNull();
  });

  it('doubts a surely read city one character off a place only where it is the one', () => {
    const value = '广东省深训市南山区演示路1号';
    const doubt = placeDoubt('address', value, glyphs(value));
    expect(doubt?.cap).toBeLessThan(0.9);
    expect(doubt?.corrections[0]?.to).toBe('广东省深圳市南山区演示路1号');
    // 深川 is as near 吴川 (a city of 广东 too): which one is not for the reader to say.
    expect(placeDoubt('address', '广东省深川市南山区', glyphs('广东省深川市南山区'))).toBeNull();
  });

  it("proposes the city's district a character away, after the city or its police bureau", () => {
    const authority = '苏州市公安局成丘分局';
    expect(
      placeDoubt('issuingAuthority', authority, glyphs(authority, [6]))?.corrections[0]?.to,
    ).toBe('苏州市公安局虎丘分局');
    const address = '江苏省苏州市成丘区留下街道示范路130号';
    expect(placeDoubt('address', address, glyphs(address, [6]))?.corrections[0]?.to).toBe(
      '江苏省苏州市虎丘区留下街道示范路130号',
    );
    for (const value of [
      '深圳市公安局南山分局',
      '浙江省杭州市滨江区长河街道1号',
      '北京市朝阳区建国路1号',
      '江苏省苏州市高新区演示路1号',
      '浙江省杭州市经济技术开发区1号',
    ])
      expect(placeDoubt('address', value, glyphs(value)), value).toBeNull();
  });
});
