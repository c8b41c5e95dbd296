// Every generated document (both layouts of each kind, two fonts) printed by Chromium to a
// PDF, read back by the real pdfjs, classified and extracted: exactly its ground truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BORDER_CODE,
  closeRenderer,
  renderDocument,
  textPdfCases,
} from '../../scripts/fixtures/index';
import { classifyDocument } from '../../src/core/classify';
import type { DocumentText } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';

const cases = textPdfCases();
const texts = new Map<string, DocumentText>();

beforeAll(async () => {
  try {
    for (const c of cases)
      texts.set(c.name, await readPdfTextNode(await renderDocument(c.spec, { format: 'pdf' })));
  } finally {
    await closeRenderer();
  }
});
afterAll(closeRenderer);

function textOf(name: string): DocumentText {
  const text = texts.get(name);
  if (!text) throw new Error(`no text for ${name}`);
  return text;
}

describe('generated text-layer PDFs', () => {
  it('cover every kind, both layouts of the license and the bank form, and two fonts', () => {
    const seen = new Set(cases.map((c) => `${c.spec.kind}/${c.spec.layout}/${c.spec.font}`));
    for (const font of ['Noto Sans CJK SC', 'Noto Serif CJK SC']) {
      for (const key of [
        'business-license/original-landscape',
        'business-license/copy-portrait',
        'id-card-front/standard',
        'id-card-back/standard',
        'bank-permit/permit',
        'bank-permit/account-info',
      ]) {
        expect(seen).toContain(`${key}/${font}`);
      }
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: kind and every field exactly', (name, c) => {
    const text = textOf(name);
    expect(classifyDocument(text)).toBe(c.truth.kind);
    const extracted = extractDocument(text, `${name}.pdf`);
    expect(extracted.kind).toBe(c.truth.kind);
    expect(extracted.fields).toEqual(c.truth.fields);
    expect(extracted.corrections).toEqual([]);
    expect(extracted.warnings).toEqual([]);
    expect(extracted.needsConfirmation).toBeUndefined();
    // Every field found has a confidence and a box on the page.
    for (const [field, value] of Object.entries(extracted.fields)) {
      if (value === null) continue;
      expect(extracted.confidence[field]).toBe(1);
      const box = extracted.boxes?.[field];
      const page = text.pages[0];
      expect(
        box &&
          page &&
          box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.w <= page.width + 1 &&
          box.y + box.h <= page.height + 1,
      ).toBe(true);
    }
  });

  it('never reads the credit code from the decorative border, even when the code is missing', () => {
    const name = cases.find((c) => c.spec.kind === 'business-license')?.name ?? '';
    const text = textOf(name);
    const code = extractDocument(text, 'x.pdf').fields.creditCode ?? '';
    expect(BORDER_CODE).toHaveLength(18);
    // Remove the printed code: the border (a checksum-valid code) must not take its place.
    const withoutCode: DocumentText = {
      ...text,
      pages: text.pages.map((p) => ({
        ...p,
        items: p.items.filter((i) => i.text.replace(/\s/g, '') !== code),
      })),
    };
    expect(extractDocument(withoutCode, 'x.pdf').fields.creditCode).toBeNull();
  });

  it('boxes the long business scope inside its column (the two-column license)', () => {
    const c = cases.find(
      (x) => x.spec.kind === 'business-license' && x.spec.layout === 'original-landscape',
    );
    const extracted = extractDocument(textOf(c?.name ?? ''), 'x.pdf');
    const scope = extracted.boxes?.businessScope;
    const address = extracted.boxes?.address;
    expect(scope && address && scope.x + scope.w < address.x).toBe(true);
  });
});
