// Words PP-OCR was measured to misread as no word (src/core/extract/words.ts): 技术 read 技市
// or 技木 in a scope is made 技术 again; in a compared name it is proposed.
import { describe, expect, it } from 'vitest';
import { parseBusinessScope } from '../../src/core/extract/values';
import { knownWordingDoubt } from '../../src/core/extract/known-wording';
import { misreadWordProposal } from '../../src/core/extract/words';

describe('misread words', () => {
  it('puts 技术 back in a scope, leaving 科技市场 and 科技木 alone', () => {
    // Old code: the scope as read.
    expect(
      parseBusinessScope('一般项目：技市服务、技市开发；技木进出口；科技市场管理；科技木销售'),
    ).toBe('一般项目：技术服务、技术开发；技术进出口；科技市场管理；科技木销售');
  });

  it('proposes 技术 for a company name, never changing it', () => {
    expect(misreadWordProposal('accountName', '青梧屿（上海）信息技市有限公司')?.to).toBe(
      '青梧屿（上海）信息技术有限公司',
    );
    expect(misreadWordProposal('companyName', '杭州科技市场有限公司')).toBeNull();
  });

  it("puts an authority's 公安局 back before doubting its place", () => {
    // Real reading (ZCOOL XiaoWei copy scan, seed offset 2600): two characters misread.
    const doubt = knownWordingDoubt('issuingAuthority', '漏圳市公安届南山分局', null);
    // The one place then a character away is taken, the reading as made proposed.
    expect(doubt?.taken).toBe('深圳市公安局南山分局');
    expect(doubt?.corrections[0]?.to).toBe('漏圳市公安届南山分局');
    expect(doubt?.cap).toBeLessThan(0.9);
    expect(knownWordingDoubt('issuingAuthority', '杭州市公安局西湖分局', null)).toBeNull();
    expect(knownWordingDoubt('issuingAuthority', '义乌市公安局', null)).toBeNull();
  });

  it('doubts an authority naming no 公安, its head lost', () => {
    // Real reading (tuned both-sides copy scan under a watermark, seed offset 4920): 签发机关
    // 苏州市公安局虎丘分局 read as 安局虎丘分局 at 0.97. Old code: no doubt (null).
    expect(knownWordingDoubt('issuingAuthority', '安局虎丘分局', null)?.cap).toBeLessThan(0.9);
  });
});
