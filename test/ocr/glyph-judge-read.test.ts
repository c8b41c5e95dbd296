// The visual judge of name characters (src/ocr/paddle/glyph-judge.ts) on real OCR: a page
// of `法定代表人 <name>` lines rendered by Chromium in Source Han Serif CN for Display (16 px), read by
// PP-OCR and judged with the bitmaps of the OTHER six fixture faces only (the face printed
// is left out, as in bench/name-judge.ts). Without the judge (the old code) PP-OCR reads
// 亓 as 元 and 逄 as 逢, sure of it. With it each name is right, held below 0.9 (two readers
// disagree) with the reading as made proposed; names truly holding 元, 逢, 全 and 余 keep them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_LABEL, namePage } from '../../scripts/fixtures/name-lines';
import { closeRenderer, renderHtml } from '../../scripts/fixtures/render';
import type { DocumentText, PageText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import type { GlyphObservation } from '../../src/ocr/paddle/glyph-judge';
import { glyphTemplates } from '../../src/ocr/paddle/glyph-templates';
import { createPaddleEngineNode } from '../../src/ocr/paddle/engine.node.ts';

const FACE = 'Source Han Serif CN for Display';
const RARE: [string, string][] = [
  ['亓丽', '元丽'],
  ['逄昕', '逢昕'],
];
const COMMON = ['元嘉', '逢婕', '全伟', '余嘉'];
const NAMES = [...RARE.map(([n]) => n), ...COMMON];

let plain: RasterOcrEngine;
let judging: RasterOcrEngine;
const observed: GlyphObservation[] = [];
const pages: PageText[] = [];

beforeAll(async () => {
  try {
    plain = await createPaddleEngineNode({ glyphJudge: false });
    judging = await createPaddleEngineNode({
      glyphJudge: { templates: glyphTemplates([FACE]), observe: (o) => observed.push(o) },
    });
    const page = namePage(NAMES, FACE, 16);
    const bytes = await renderHtml(page.html, page.size, { format: 'png', dpi: 150 });
    for (const engine of [plain, judging])
      pages.push((await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!);
  } finally {
    await closeRenderer();
  }
}, 240_000);

afterAll(async () => {
  await plain?.dispose();
  await judging?.dispose();
});

/** The legal representative the line of NAMES[i] gives, as `dossier extract` prints it. */
function extracted(page: PageText, i: number) {
  const lines = page.items
    .filter((t) => t.text.replace(/\s/gu, '').startsWith(NAME_LABEL))
    .sort((a, b) => a.y - b.y);
  expect(lines.length, page.items.map((t) => t.text).join(' | ')).toBe(NAMES.length);
  const line = lines[i]!;
  const middle = (t: TextItem): number => t.y + t.h / 2;
  const row = page.items.filter(
    (t) => t === line || (t.x > line.x && Math.abs(middle(t) - middle(line)) < line.h / 2),
  );
  const text: DocumentText = { source: 'paddle', pages: [{ ...page, items: row }] };
  const doc = extractDocument(text, 'line.png', { kind: 'business-license' });
  return {
    value: doc.fields.legalRepresentative,
    confidence: doc.confidence.legalRepresentative ?? 0,
    proposals: doc.corrections.filter((c) => c.field === 'legalRepresentative').map((c) => c.to),
  };
}

describe('a rare name character PP-OCR reads as a look-alike', () => {
  it.each(RARE)('%s, read %s without the judge, is taken below 0.9', (name, misread) => {
    const i = NAMES.indexOf(name);
    expect(extracted(pages[0]!, i).value).toBe(misread);
    const after = extracted(pages[1]!, i);
    expect(after.value).toBe(name);
    expect(after.confidence).toBeLessThan(0.9);
    expect(after.proposals).toContain(misread);
  });

  it('the judge tells 逄 from 逢 on the glyph cut from the line', () => {
    const seen = observed.filter((o) => o.read === '逢').map((o) => o.verdict?.text);
    // The 逄 of 逄昕 and the 逢 of 逢婕, in the page's order.
    expect(seen).toEqual(['逄', '逢']);
  });
});

describe('a name holding the common look-alike itself', () => {
  it.each(COMMON)('%s keeps it', (name) => {
    const i = NAMES.indexOf(name);
    expect(extracted(pages[0]!, i).value).toBe(name);
    expect(extracted(pages[1]!, i).value).toBe(name);
  });
});
