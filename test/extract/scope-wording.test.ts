// The fixed wording of a business scope (its headings and closing clause) put back where
// OCR misread a character or two of it (须 as 频 and 目 as 日 in phone photos of licenses);
// anything further off, and the scope's own activities, stay as read.
import { describe, expect, it } from 'vitest';
import { typeOf } from '../../src/core/extract/value-types';

const parse = (text: string): string | null => typeOf('businessScope').parse(text);
const CLOSE = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';
const LIST = '广告设计、代理；技术进出口；食品销售（仅销售预包装食品）；日用百货销售';

describe('the business scope’s fixed wording', () => {
  it('puts back the closing clause with one or two characters misread', () => {
    expect(
      parse(`一般项目：${LIST}。（除依法频经批准的项目外，凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
    expect(
      parse(`一般项目：${LIST}。（除依法频经批准的项日外，凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
    const licensed =
      '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）';
    expect(parse(`许可项目：第二类增值电信业务${licensed.replace('审', '宙')}`)).toBe(
      `许可项目：第二类增值电信业务${licensed}`,
    );
  });

  it('puts back a mark of the closing clause the OCR lost, alone or with a character misread', () => {
    expect(
      parse(`一般项目：${LIST}。（除依法须经批准的项目外凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
    expect(
      parse(`一般项目：${LIST}。（除依法频经批准的项目外凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
  });

  it('puts back a heading with one character misread and its colon read as ；', () => {
    expect(parse(`许可项日；第二类增值电信业务。一般项目：${LIST}。${CLOSE}`)).toBe(
      `许可项目：第二类增值电信业务。一般项目：${LIST}。${CLOSE}`,
    );
    expect(parse(`许可项目：第二类增值电信业务。一般项口：${LIST}。${CLOSE}`)).toBe(
      `许可项目：第二类增值电信业务。一般项目：${LIST}。${CLOSE}`,
    );
  });

  it('puts back a heading or a clause whose ideograph the OCR lost (a copy stamp over it)', () => {
    // Old code: left as read (一般目； in a phone photo of a 个体工商户 license, seed offset 4300).
    expect(parse(`许可项目：第二类增值电信业务。一般目；${LIST}。${CLOSE}`)).toBe(
      `许可项目：第二类增值电信业务。一般项目：${LIST}。${CLOSE}`,
    );
    expect(
      parse(`一般项目：${LIST}。（除依法须经批准的项外，凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
    // Two lost of a heading, or a lost one and a misread one, are too many.
    expect(parse(`一般；${LIST}。`)).toBe(`一般；${LIST}。`);
    expect(parse(`许可项目：第二类增值电信业务。一日；${LIST}。`)).toBe(
      `许可项目：第二类增值电信业务。一日；${LIST}。`,
    );
  });

  it('leaves a clause three characters off, a clause with a character too many, and the activities as read', () => {
    const threeOff = '（除依法频经批准的项日外，凭营业执照依法自主开展经营活幼）';
    expect(parse(`一般项目：${LIST}。${threeOff}`)).toBe(`一般项目：${LIST}。${threeOff}`);
    const oneMore = '（除依法须经批准的项目科外，凭营业执照依法自主开展经营活动）';
    expect(parse(`一般项目：${LIST}。${oneMore}`)).toBe(`一般项目：${LIST}。${oneMore}`);
    // A bracket of the list (仅销售预包装食品) is no clause; 一般项 in mid-sentence no heading.
    const own = '一般项目：食品销售（仅销售预包装食品）；一般项日用品销售。';
    expect(parse(own)).toBe(own);
  });

  it('puts back a ； read ， between the activities of a headed scope', () => {
    // Old code: left as read (会议及展览服务，互联网销售 in a photocopy in four faces).
    expect(
      parse(`一般项目：会议及展览服务，互联网销售（除销售需要许可的商品），技术进出口。${CLOSE}`),
    ).toBe(`一般项目：会议及展览服务；互联网销售（除销售需要许可的商品）；技术进出口。${CLOSE}`);
    // The clause's own commas stay, its bracket read or lost; a free-form scope is left.
    const lost = '一般项目：技术进出口。除依法须经批准的项目外，凭营业执照依法自主开展经营活动';
    expect(parse(lost)).toBe(lost);
    const free = '计算机软硬件的技术开发，技术咨询，成年人的非证书职业技能培训';
    expect(parse(free)).toBe(free);
  });

  it('puts back the closing clause’s mark read as another mark', () => {
    // 项目外。凭 in a Kai face (old code: left as read); with an ideograph misread too.
    expect(
      parse(`一般项目：${LIST}。（除依法须经批准的项目外。凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
    expect(
      parse(`一般项目：${LIST}。（除依法频经批准的项目外.凭营业执照依法自主开展经营活动）`),
    ).toBe(`一般项目：${LIST}。${CLOSE}`);
  });
});
