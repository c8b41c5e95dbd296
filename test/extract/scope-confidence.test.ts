// A headed scope is as sure as its ideographs (scope-confidence.ts): a mark its grammar puts
// back (： read for ；) no longer holds a scope of a hundred characters at that mark's
// line, but it is held below 0.9 while a mark was doubted; a doubted ideograph, a line
// capped for a character it may have lost, still hold it. On real PP-OCR output
// (license-copy-spaced-scope.paddle.json: its scope read right, one ； read ： at 0.72).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { paddleText } from './support/ocr-fixture';

const RIGHT =
  '一般项目：食品销售（仅销售预包装食品）；国内贸易代理；会议及展览服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';

describe('how surely a business scope was read', () => {
  it('is not held down by a mark its grammar puts back, yet stays below 0.9', () => {
    const doc = extractDocument(paddleText('license-copy-spaced-scope.paddle.json'), 'copy.jpg');
    expect(doc.fields.businessScope).toBe(RIGHT);
    // Old code: 0.77, the line of the ： read for ； (its weakest character, 0.72, lifted).
    expect(doc.confidence.businessScope).toBeGreaterThanOrEqual(0.8);
    expect(doc.confidence.businessScope).toBeLessThan(0.9);
  });

  it('is held by a doubted ideograph', () => {
    const text = paddleText('license-copy-spaced-scope.paddle.json');
    const item = text.pages[0]!.items.find((i) => i.text.includes('会议及展览服务'))!;
    const at = [...item.text].indexOf('展');
    item.charConfidences = item.charConfidences!.map((c, k) => (k === at ? 0.6 : c));
    item.confidence = Math.min(item.confidence, 0.65);
    const doc = extractDocument(text, 'copy.jpg');
    expect(doc.confidence.businessScope).toBeLessThanOrEqual(0.65);
  });

  it('is held by a line the reader capped for a character it may have lost', () => {
    const text = paddleText('license-copy-spaced-scope.paddle.json');
    const item = text.pages[0]!.items.find((i) => i.text.startsWith('外，凭'))!;
    item.confidence = 0.6;
    const doc = extractDocument(text, 'copy.jpg');
    expect(doc.confidence.businessScope).toBeLessThanOrEqual(0.6);
  });
});
