// Values whose geometry is off from their label's line, as photos and real forms print
// them (from tuned-family misses): a value set in a larger type far right of its label
// and half a line higher (a photo's perspective), whose label's colon stands alone; a
// credit code below its label with a QR code's box between them.
import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { item as positioned, ocrText as ocr } from './support/positioned';

const item = (text: string, x: number, y: number, h = 30, confidence = 0.99): TextItem =>
  positioned(text, x, y, h, confidence);

describe('values off their label’s line', () => {
  it('reads a permit photographed at an angle: values higher, larger and far right of `label：`', () => {
    // As PP-OCR gave a phone photo of a 开户许可证 (rounded).
    const doc = extractDocument(
      ocr([
        item('中国人民银行', 713, 377, 37),
        item('开户许可证', 569, 463, 75),
        item('核准号：', 290, 651, 40),
        item('J3301402781509', 407, 651, 40),
        item('经审核，符合开户条件，准予开立基本存款账户。', 289, 729, 55),
        item('杭州岚汐远网络科技有限公司', 690, 835, 41),
        item('存款人名称：', 292, 857, 30),
        item('招商银行股份有限公司杭州滨江支行', 693, 946, 43),
        item('开户银行：', 295, 968, 30),
        item('3469922317129364594', 687, 1010, 29),
        item('账号：', 297, 1024, 29),
      ]),
      'permit.jpg',
    );
    expect(doc.kind).toBe('bank-permit');
    expect(doc.fields).toMatchObject({
      accountName: '杭州岚汐远网络科技有限公司',
      bankName: '招商银行股份有限公司杭州滨江支行',
      accountNumber: '3469922317129364594',
    });
  });

  it('reads a credit code below its label past a QR code’s box between them', () => {
    const doc = extractDocument(
      ocr(
        [
          item('统一社会信用代码', 180, 155, 21),
          item('口', 2010, 168, 127),
          item('91310115MGHKD0L3FA', 174, 199, 19),
          item('营业执照', 896, 238, 71),
          item('名称', 194, 429, 24),
          item('森禾（上海）供应链管理有限公司', 330, 429, 24),
          item('经营范围', 194, 600, 24),
          item('供应链管理服务', 330, 600, 24),
        ],
        2340,
        1654,
      ),
      'license.jpg',
    );
    expect(doc.kind).toBe('business-license');
    expect(doc.fields.creditCode).toBe('91310115MGHKD0L3FA');
  });
});
