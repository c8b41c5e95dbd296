// A value's wrapped lines end at the next row's label even where the OCR misread that label
// beyond recognition: text in the label column ending in a colon is a label.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

const ADDRESS = '浙江省杭州市滨江区示范路88号';

describe('a row whose label the OCR misread beyond recognition', () => {
  it('is not read as the wrapped rest of the value above it', () => {
    const doc = extractDocument(
      page(
        [
          item('营业执照', 400, 20, 40),
          item('名称：', 60, 100),
          item('杭州星澜芯科技有限公司', 200, 100),
          item('住所：', 60, 130),
          item(ADDRESS, 200, 130),
          item('径営范国：', 60, 160),
          item('一般项目：技术服务、技术开发', 200, 160),
        ],
        'paddle',
      ),
      'l.jpg',
    );
    expect(doc.fields.address).toBe(ADDRESS);
  });

  it('leaves a wrapped line whose colon stands in the value column', () => {
    const read = (label: string, next: string) =>
      extractDocument(
        page(
          [
            item('营业执照', 400, 20, 40),
            item('名称：', 60, 100),
            item('杭州星澜芯科技有限公司', 200, 100),
            item(label, 60, 130),
            item('许可项目：第二类增值电信业务。', 200, 130),
            item(next, 200, 160),
          ],
          'paddle',
        ),
        'l.jpg',
      ).fields.businessScope;
    expect(read('经营范围：', '一般项目：技术服务、技术开发')).toBe(
      '许可项目：第二类增值电信业务。一般项目：技术服务、技术开发',
    );
  });
});
