// A business license's values judged by their type and by the OCR's own doubt, on real
// PP-OCRv4 output (test/fixtures/ocr/license-seal-over-capital.paddle.json: the tuned
// family license-photocopy-seal as an image-only PDF, the company's red seal over the
// capital's last character and the 此复印件与原件一致 stamp over the scope), where two
// wrong values stood at 0.99 and 0.92: the capital 壹佰万元 (its 整 under the seal) and
// the address 样列街 (列 read at 0.87 with 例 behind at 5%).
import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { completedAmount, isCapital } from '../../src/core/extract/amounts';
import { itemGlyphs } from '../../src/core/extract/lines';
import { paddleText } from './support/ocr-fixture';

const sealed = paddleText('license-seal-over-capital.paddle.json');

describe('a license read by PP-OCR with a seal over its capital', () => {
  const doc = extractDocument(sealed, 'license.pdf');

  it('reads the capital its 整 was lost from below 0.9, with 壹佰万元整 proposed', () => {
    expect(doc.kind).toBe('business-license');
    expect(doc.fields.registeredCapital).toBe('壹佰万元');
    expect(doc.confidence.registeredCapital).toBeLessThan(0.9);
    expect(doc.corrections.find((c) => c.field === 'registeredCapital')).toMatchObject({
      from: '壹佰万元',
      to: '壹佰万元整',
      reason: 'incomplete-value',
    });
  });

  it('reads the address as sure as its weakest character (列 at 0.87), 例 proposed', () => {
    expect(doc.fields.address).toBe('上海市浦东新区浦沿街道样列街242号4幢310室');
    expect(doc.confidence.address).toBeLessThan(0.9);
    expect(doc.corrections.find((c) => c.field === 'address')).toMatchObject({
      to: '上海市浦东新区浦沿街道样例街242号4幢310室',
      reason: 'ocr-alternative',
    });
  });

  it('keeps the values the OCR was sure of at 0.9 or more', () => {
    expect(doc.fields.companyName).toBe('岚汐远（上海）电子商务有限公司');
    expect(doc.confidence.companyName).toBeGreaterThanOrEqual(0.9);
    expect(doc.fields.companyType).toBe('有限责任公司（自然人投资或控股）');
    expect(doc.confidence.companyType).toBeGreaterThanOrEqual(0.9);
    // No proposal where no character was read below 0.9 (浦 with 沙 behind at 0.5%).
    expect(doc.corrections.filter((c) => c.field === 'companyName')).toEqual([]);
  });
});

describe('a character is as sure as the OCR read it', () => {
  const item = (charConfidences?: number[]): TextItem => ({
    page: 0,
    x: 0,
    y: 0,
    w: 200,
    h: 20,
    text: '样列街1.2',
    confidence: 0.92,
    ...(charConfidences ? { charConfidences } : {}),
  });

  it("an ideograph below the line's confidence is at its own", () => {
    const glyphs = itemGlyphs(item([0.99, 0.87, 0.99, 0.99, 0.99, 0.99]));
    expect(glyphs.map((g) => g.confidence)).toEqual([0.92, 0.87, 0.92, 0.92, 0.92, 0.92]);
  });

  it("digits (a checksum or a calendar judges them) and punctuation keep the line's", () => {
    const glyphs = itemGlyphs(item([0.99, 0.99, 0.99, 0.6, 0.5, 0.7]));
    expect(glyphs.map((g) => g.confidence)).toEqual(Array(6).fill(0.92));
  });

  it("the line's confidence where the engine gives none or they do not line up", () => {
    expect(itemGlyphs(item()).map((g) => g.confidence)).toEqual(Array(6).fill(0.92));
    expect(itemGlyphs(item([0.5, 0.5])).map((g) => g.confidence)).toEqual(Array(6).fill(0.92));
  });
});

describe('a registered capital by its type', () => {
  it.each([
    '壹佰万元整',
    '人民币壹佰万元整',
    '伍拾万元整（人民币）',
    '壹仟贰佰叁拾万元整',
    '叁佰万元伍角',
    '100万元',
    '100万元人民币',
    '1000.000000万人民币',
    '50 万美元',
    '（人民币）100万元',
  ])('%s is a whole amount', (v) => {
    expect(isCapital(v)).toBe(true);
    expect(completedAmount(v)).toBeNull();
  });

  it.each([
    ['壹佰万元', '壹佰万元整'],
    ['人民币伍拾万元', '人民币伍拾万元整'],
  ])('%s ends at 元 without 整: cut short, %s proposed', (v, completed) => {
    expect(isCapital(v)).toBe(false);
    expect(completedAmount(v)).toBe(completed);
  });

  it.each(['州壹佰万元整', '壹佰万元整2020年09月05日', '壹佰万', '100', '有限责任公司'])(
    '%s is not an amount',
    (v) => {
      expect(isCapital(v)).toBe(false);
      expect(completedAmount(v)).toBeNull();
    },
  );
});

describe('a license photo whose 成立日期 was read 或立日期 (成 at 0.36)', () => {
  const photo = paddleText('license-photo-label-misread.paddle.json');
  const doc = extractDocument(photo, 'license.jpg');

  it('finds the label by its other three characters: the date is its value, not the capital’s', () => {
    expect(doc.fields.registeredCapital).toBe('壹佰万元整');
    expect(doc.fields.establishedOn).toBe('2020-09-05');
    // A label matched with a character misread is trusted less.
    expect(doc.confidence.establishedOn).toBeLessThan(0.9);
  });
});

describe('a license photo whose long scope lines the tilt made taller than their label', () => {
  const photo = paddleText('license-photo-tilted-scope.paddle.json');
  const doc = extractDocument(photo, 'license.jpg');

  it('reads the scope from the line beside its label and every line wrapped under it', () => {
    // 经营范围's line is 25 px high; the scope's three lines' boxes 46, 44 and 41 px.
    expect(doc.fields.businessScope).toBe(
      '一般项目：软件开发；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；家居用品销售；供应链管理服务；办公用品销售；会议及展览服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    );
  });
});
