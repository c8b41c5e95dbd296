// A rare name character PP-OCRv4 reads as its common look-alike with no runner-up kept
// (欧阳彧恺 → 欧阳或恺 at 0.99, 彧 behind below 0.5%), on real OCR of bank forms rendered
// by Chromium, slightly blurred (a phone photo's softness) in three fonts: the name is
// below 0.9 and the rare reading proposed first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRenderer, renderHtml } from '../../scripts/fixtures/render';
import type { ExtractedDocument } from '../../src/core/extraction';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { createPaddleEngineNode } from '../../src/ocr/paddle/engine.node.ts';
import { readDocument } from '../../src/ocr/read-document';
import type { RasterOcrEngine } from '../../src/ocr/engine';

/** Font, size and blur where the reader before this test read 欧阳或恺 at 0.99 or more. */
const PRINTS = [
  ['Noto Sans CJK SC', 18, 0.9],
  ['Noto Serif CJK SC', 16, 0.9],
  ['LXGW WenKai', 16, 0.7],
] as const;

let engine: RasterOcrEngine;
const read: ExtractedDocument[] = [];

beforeAll(async () => {
  try {
    // The reading as PP-OCR makes it: the visual judge of look-alikes (glyph-judge.ts, on by
    // default, its own test glyph-judge-read) would take the rarer character where sure.
    engine = await createPaddleEngineNode({ glyphJudge: false });
    const deps = await createNodeReadDocumentDeps(engine);
    for (const [font, size, blur] of PRINTS) {
      const rows = [
        ['存款人名称', '杭州珩越贸易有限公司'],
        ['法定代表人', '欧阳彧恺'],
        ['开户银行', '招商银行股份有限公司杭州滨江支行'],
        ['账号', '3469922317129364594'],
      ];
      const html = `<html><body style="margin:20px;font-family:'${font}';font-size:${size}px;filter:blur(${blur}px)">
        <div style="margin:6px 0">基本存款账户信息</div>${rows.map(([l, v]) => `<div style="margin:6px 0">${l} ${v}</div>`).join('')}</body></html>`;
      const bytes = await renderHtml(
        html,
        { widthMm: 120, heightMm: 80 },
        { format: 'png', dpi: 150 },
      );
      read.push(await readDocument({ name: 'bank.png', bytes }, deps));
    }
  } finally {
    await closeRenderer();
  }
}, 240_000);

afterAll(async () => {
  await engine.dispose();
});

describe('a name character PP-OCR is known to read as a common one', () => {
  it('欧阳彧恺 read 欧阳或恺: below 0.9, 欧阳彧恺 proposed first', () => {
    const misread = read.filter((d) => d.fields.legalRepresentative === '欧阳或恺');
    expect(misread.length).toBeGreaterThanOrEqual(2);
    for (const doc of misread) {
      expect(doc.kind).toBe('bank-permit');
      expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
      const proposals = doc.corrections.filter((c) => c.field === 'legalRepresentative');
      expect(proposals[0]).toMatchObject({ to: '欧阳彧恺', reason: 'ocr-alternative' });
    }
  });
});
