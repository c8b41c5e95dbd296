// No value starts with a mark: one read between a label and its value (a colon, or a
// speck, read as a comma) belongs to the gap, not to the value.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { parseText } from '../../src/core/extract/values';
import { ocrPage } from './support/positioned';

describe('a mark read between a label and its value', () => {
  it('is no part of an ID back’s issuing authority (old code: ，杭州市… at 0.5)', () => {
    // Real PP-OCR output: an ID back copied on A4 (tuned, seed offset 4670,
    // dossier-tuned-6-2), its label and value one line with a comma read at 0.74 between.
    const doc = extractDocument(
      ocrPage(
        [
          [818, 318, 252, 30, 0.99, '中华人民共和国'],
          [820, 386, 276, 41, 1, '居民身份证'],
          [711, 557, 368, 26, 0.8, '签发机关，杭州市公安局滨江分局'],
          [730, 603, 91, 28, 1, '有效期限'],
          [851, 603, 257, 28, 0.99, '2021.04.07-2041.04.07'],
        ],
        1654,
        2340,
      ),
      'back.jpg',
      { kind: 'id-card-back' },
    );
    expect(doc.fields.issuingAuthority).toBe('杭州市公安局滨江分局');
    expect(doc.confidence.issuingAuthority).toBeGreaterThanOrEqual(0.8);
  });

  it('is dropped from the start of any free text, kept inside it', () => {
    expect(parseText('，杭州市公安局滨江分局')).toBe('杭州市公安局滨江分局');
    expect(parseText('、；。广东省深圳市')).toBe('广东省深圳市');
    expect(parseText('技术服务、技术开发')).toBe('技术服务、技术开发');
  });
});
