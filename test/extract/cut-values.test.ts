// No confident wrong value (issue 13 item 6): a value of its field's type that is not the
// whole of what is printed is not trusted at 0.9. On real PP-OCRv4 output of the tuned
// family license-photocopy-seal (seed offset 2000, samples 3, 4 and 6: a phone photo, a
// scan and an image-only PDF), where the company's seal over the text cut three values
// short and each stood at 0.97 or more:
// - the business scope read up to 技术开发、 (its first line only: the seal took 一般项);
// - the company type 有限责任公司, its （自然人投资或控股） beside it in a line of its own
//   (the seal grew that line's box to twice the row's height);
// - the company type 有限责任公司（自然人独资, its closing bracket lost.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { cutShort } from '../../src/core/extract/value-types';
import { paddleText } from './support/ocr-fixture';

describe('a value cut short is below 0.9', () => {
  it('a scope whose list ends in 、 (the rest not read)', () => {
    const doc = extractDocument(paddleText('license-seal-3-photo.paddle.json'), 'photo.jpg');
    expect(doc.fields.businessScope).toMatch(/^目；技术进出口；技术服务、技术开发、/u);
    expect(doc.confidence.businessScope).toBeLessThan(0.9);
    // What the OCR read whole and sure stays at 0.9 or more.
    expect(doc.fields.companyName).toBe('杭州澄川汇电子商务有限公司');
    expect(doc.confidence.companyName).toBeGreaterThanOrEqual(0.9);
    expect(doc.fields.companyType).toBe('有限责任公司（自然人独资）');
    expect(doc.confidence.companyType).toBeGreaterThanOrEqual(0.9);
  });

  it('a type with text of its size left beside it on its row', () => {
    const doc = extractDocument(paddleText('license-seal-4-scan.paddle.json'), 'scan.jpg');
    expect(doc.fields.companyType).toBe('有限责任公司');
    expect(doc.confidence.companyType).toBeLessThan(0.9);
    expect(doc.fields.address).toBe('江苏省苏州市虎丘区浦沿街道示范路346号7幢1303室');
    expect(doc.confidence.address).toBeGreaterThanOrEqual(0.9);
  });

  it('a type whose bracket was opened and never closed', () => {
    const doc = extractDocument(paddleText('license-seal-6-image-pdf.paddle.json'), 'copy.pdf');
    expect(doc.fields.companyType).toBe('有限责任公司（自然人独资');
    expect(doc.confidence.companyType).toBeLessThan(0.9);
    expect(doc.fields.registeredCapital).toBe('伍佰万元整');
    expect(doc.confidence.registeredCapital).toBeGreaterThanOrEqual(0.9);
  });
});

describe('cutShort', () => {
  it('finds a value that ends in a separator, starts with one or leaves a bracket open', () => {
    expect(cutShort('businessScope', '一般项目：技术服务、技术开发、')).not.toBeNull();
    expect(cutShort('businessScope', '软件开发；')).not.toBeNull();
    expect(cutShort('address', '、浙江省杭州市西湖区文三路1号')).not.toBeNull();
    expect(cutShort('companyType', '有限责任公司（自然人独资')).not.toBeNull();
    expect(cutShort('companyType', '自然人独资)')).not.toBeNull();
    expect(cutShort('companyName', '岚汐远（上海')).not.toBeNull();
    // A scope ends as a sentence does: one that stops on an activity was cut.
    expect(cutShort('businessScope', '一般项目：电子')).not.toBeNull();
    expect(cutShort('businessScope', '电子产品销售；软件开发。')).toBeNull();
  });

  it('passes whole values, and fields whose grammar says where they end', () => {
    expect(cutShort('companyType', '有限责任公司（自然人独资）')).toBeNull();
    expect(cutShort('companyName', '岚汐远(上海)电子商务有限公司')).toBeNull();
    expect(
      cutShort(
        'businessScope',
        '一般项目：软件开发。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
      ),
    ).toBeNull();
    expect(cutShort('address', '浙江省杭州市西湖区文三路1号')).toBeNull();
    expect(cutShort('serialNumber', '3310-')).toBeNull();
  });
});
