// The recogniser's own alternatives, on real PP-OCRv4 output of pages rendered by Chromium:
// kept per character where its runner-up had a real share, carried through readDocument,
// and used by the extractor: a name whose rare surname was read as its common look-alike
// (佘 as 余) is below 0.9 with the rare one proposed; a credit code misread where no
// look-alike table helps (J as U) is repaired with the character the OCR saw second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRenderer, renderHtml } from '../../scripts/fixtures/render';
import type { ExtractedDocument, TextItem } from '../../src/core/extraction';
import { proposeUsccCorrections } from '../../src/core/codes/correct';
import { validateUscc } from '../../src/core/codes/uscc';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { createPaddleEngineNode } from '../../src/ocr/paddle/engine.node.ts';
import { readDocument } from '../../src/ocr/read-document';
import type { RasterOcrEngine } from '../../src/ocr/engine';

/** A valid credit code PP-OCR reads as 913301068HUUNY77FK in this font, size and blur. */
const CODE = '913301068HJUNY77FK';

function page(font: string, size: number, blur: number, rows: [string, string][]): string {
  const lines = rows.map(([label, value]) => `<div style="margin:8px 0">${label} ${value}</div>`);
  return `<html><body style="margin:20px;font-family:'${font}';font-size:${size}px;filter:blur(${blur}px)">
    <div style="margin:8px 0">基本存款账户信息</div>${lines.join('')}</body></html>`;
}

let engine: RasterOcrEngine;
let bank: ExtractedDocument;
let pang: ExtractedDocument;
let items: TextItem[];
let blurred: TextItem[];

beforeAll(async () => {
  try {
    const html = page('Noto Sans CJK SC', 18, 0, [
      ['存款人名称', '杭州珩越贸易有限公司'],
      ['法定代表人', '佘瑶恺'],
      ['开户银行', '招商银行股份有限公司杭州滨江支行'],
      ['账号', '3469922317129364594'],
    ]);
    const size = { widthMm: 120, heightMm: 80 };
    const bytes = await renderHtml(html, size, { format: 'png', dpi: 150 });
    // A blurred Kai print of the credit code, which PP-OCR misreads.
    const code = page('LXGW WenKai', 16, 1.2, [['统一社会信用代码', CODE]]);
    const codeBytes = await renderHtml(code, size, { format: 'png', dpi: 150 });
    // The reading as PP-OCR makes it: the visual judge of look-alikes (glyph-judge.ts, on by
    // default, its own test glyph-judge-read) would take the rarer character where sure.
    engine = await createPaddleEngineNode({ glyphJudge: false });
    const deps = await createNodeReadDocumentDeps(engine);
    bank = await readDocument({ name: 'bank.png', bytes }, deps);
    // The rare surname 逄: read as 逢 at 0.996, 逄 behind it below 1%.
    const pangBytes = await renderHtml(
      page('Noto Sans CJK SC', 18, 0, [
        ['存款人名称', '杭州珩越贸易有限公司'],
        ['法定代表人', '逄丽'],
        ['开户银行', '招商银行股份有限公司杭州滨江支行'],
        ['账号', '3469922317129364594'],
      ]),
      size,
      { format: 'png', dpi: 150 },
    );
    pang = await readDocument({ name: 'pang.png', bytes: pangBytes }, deps);
    items = (await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!.items;
    blurred = (await engine.recognise({ bytes: codeBytes, mime: 'image/png' })).pages[0]!.items;
  } finally {
    await closeRenderer();
  }
}, 180_000);

afterAll(async () => {
  await engine.dispose();
});

describe("PP-OCR's alternatives per character", () => {
  it('are kept only for doubtful characters, indexed into the item text', () => {
    const name = items.find((i) => i.text.includes('瑶恺'))!;
    const at = [...name.text].indexOf('余');
    expect(at).toBeGreaterThanOrEqual(0);
    const doubt = name.alternatives?.find((a) => a.at === at);
    expect(doubt?.options.map((o) => o.text)).toContain('佘');
    // Most characters have no runner-up worth keeping: the data stays small.
    const chars = items.reduce((n, i) => n + [...i.text].length, 0);
    const kept = items.reduce((n, i) => n + (i.alternatives?.length ?? 0), 0);
    expect(kept).toBeLessThan(chars / 2);
  });

  it('a name read as 余瑶恺 with 佘 close behind is below 0.9, 佘瑶恺 proposed', () => {
    expect(bank.kind).toBe('bank-permit');
    expect(bank.fields.legalRepresentative).toBe('余瑶恺');
    expect(bank.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(bank.corrections).toContainEqual(
      expect.objectContaining({
        field: 'legalRepresentative',
        to: '佘瑶恺',
        reason: 'ocr-alternative',
      }),
    );
  });

  it('a name read as 逢丽 with 逄 behind below 1% is not trusted at 0.9: 逄丽 proposed', () => {
    expect(pang.kind).toBe('bank-permit');
    const read = pang.fields.legalRepresentative;
    expect(read).toBe('逢丽');
    expect(pang.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(pang.corrections).toContainEqual(
      expect.objectContaining({
        field: 'legalRepresentative',
        to: '逄丽',
        reason: 'ocr-alternative',
      }),
    );
  });

  it("the credit code misread J → U is repaired from the OCR's second reading, not the table", () => {
    expect(validateUscc(CODE).valid).toBe(true);
    const line = blurred.find((i) => /[0-9A-Z]{18}/.test(i.text))!;
    const read = line.text.match(/[0-9A-Z]{18}/)![0];
    expect(read).not.toBe(CODE);
    expect(proposeUsccCorrections(read).corrections).toEqual([]);
    const start = line.text.indexOf(read);
    const options = [...read].map(
      (_, i) => line.alternatives?.find((a) => a.at === start + i)?.options ?? null,
    );
    const proposal = proposeUsccCorrections(read, 'creditCode', options).corrections[0];
    expect(proposal).toMatchObject({ from: read, to: CODE, reason: 'checksum' });
    expect(proposal?.note).toContain("OCR's own second reading");
  });
});
