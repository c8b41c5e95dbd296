// Look-alike punctuation the OCR reads in a value (丶 for 、, ～ between items, a dot for
// 。 or 、): repaired in a business scope and an address where the grammar says which
// mark it is, only proposed in a compared name (split from generalise.test.ts).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

describe('look-alike punctuation', () => {
  it('repairs 丶 and ～ in the business scope and the address, keeping a range of numbers', () => {
    const doc = extractDocument(
      page(
        [
          item('营业执照', 400, 20, 40),
          item('名称', 60, 100),
          item('杭州星澜芯科技有限公司', 200, 100),
          item('住所', 60, 140),
          item('杭州市滨江区示范路1～3号丶5号', 200, 140),
          item('经营范围', 60, 180),
          item('技术服务丶技术开发～软件开发', 200, 180),
        ],
        'paddle',
      ),
      'l.jpg',
    );
    expect(doc.fields.businessScope).toBe('技术服务、技术开发、软件开发');
    expect(doc.fields.address).toBe('杭州市滨江区示范路1～3号、5号');
    expect(doc.corrections).toEqual([]);
  });

  it('makes a full stop OCR read as . or · between ideographs of a business scope 。 again', () => {
    const scope = (value: string): string | null | undefined =>
      extractDocument(
        page(
          [
            item('营业执照', 400, 20, 40),
            item('名称', 60, 100),
            item('杭州星澜芯科技有限公司', 200, 100),
            item('经营范围', 60, 180),
            item(value, 200, 180),
          ],
          'paddle',
        ),
        'l.jpg',
      ).fields.businessScope;
    expect(
      scope('一般项目：国内贸易代理·（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）'),
    ).toBe('一般项目：国内贸易代理。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）');
    expect(scope('一般项目：家居用品销售.（除依法须经批准的项目外）')).toBe(
      '一般项目：家居用品销售。（除依法须经批准的项目外）',
    );
    expect(scope('一般项目：技术服务；软件开发・')).toBe('一般项目：技术服务；软件开发。');
    // Before a heading or the closing clause the mark was a 。, read as ， or lost.
    expect(
      scope('许可项目：第二类增值电信业务，一般项目：货物进出口，（除依法须经批准的项目外）'),
    ).toBe('许可项目：第二类增值电信业务。一般项目：货物进出口。（除依法须经批准的项目外）');
    expect(scope('一般项目：食品销售（仅销售预包装食品）（除依法须经批准的项目外）')).toBe(
      '一般项目：食品销售（仅销售预包装食品）。（除依法须经批准的项目外）',
    );
    expect(scope('一般项目：国内贸易代理。（除依法须经批准的项目外）')).toBe(
      '一般项目：国内贸易代理。（除依法须经批准的项目外）',
    );
    // A decimal between digits stays.
    expect(scope('一般项目：1.5吨以下货物运输')).toBe('一般项目：1.5吨以下货物运输');
  });

  it('makes a dot between two items of a scope’s list 、, and 。 only where a sentence ends', () => {
    const scope = (value: string): string | null | undefined =>
      extractDocument(
        page(
          [
            item('营业执照', 400, 20, 40),
            item('名称', 60, 100),
            item('杭州星澜芯科技有限公司', 200, 100),
            item('经营范围', 60, 180),
            item(value, 200, 180),
          ],
          'paddle',
        ),
        'l.jpg',
      ).fields.businessScope;
    // A 、 drawn as a short dot (old code: 技术服务。技术开发).
    expect(scope('一般项目：技术服务.技术开发.技术咨询；软件开发.')).toBe(
      '一般项目：技术服务、技术开发、技术咨询；软件开发。',
    );
    // Before a heading (one character misread) or the closing clause it ends a sentence.
    expect(scope('许可项目：第二类增值电信业务.一般项日：广告设计·代理')).toBe(
      '许可项目：第二类增值电信业务。一般项目：广告设计、代理',
    );
    expect(scope('一般项目：会议及展览服务・办公用品销售.（除依法须经批准的项目外）')).toBe(
      '一般项目：会议及展览服务、办公用品销售。（除依法须经批准的项目外）',
    );
  });

  it('only proposes the repair in a compared name, with its reason', () => {
    const doc = extractDocument(
      page(
        [
          item('营业执照', 400, 20, 40),
          item('名称', 60, 100),
          item('杭州星澜丶芯科技有限公司', 200, 100),
          item('经营范围', 60, 180),
          item('技术服务', 200, 180),
        ],
        'paddle',
      ),
      'l.jpg',
    );
    expect(doc.fields.companyName).toBe('杭州星澜丶芯科技有限公司');
    expect(doc.corrections).toEqual([
      expect.objectContaining({
        field: 'companyName',
        from: '杭州星澜丶芯科技有限公司',
        to: '杭州星澜、芯科技有限公司',
        reason: 'look-alike-punctuation',
      }),
    ]);
  });
});
