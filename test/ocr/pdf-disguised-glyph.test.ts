// A glyph its font's ToUnicode map leaves out comes from pdfjs as its character code: 彧
// of an ID card's 李彧 as `e` (Chromium's subset), 张嘉's 嘉 as `S`, 隗彧沁's 沁 as `;`
// (pdf-lib's). The glyph is still printed an em wide, which no Latin letter is: it is
// kept as an unmapped glyph and read from the image. Before, the layer's `李e` was the
// name (held at 0.5 as no name), and `隗彧;` was read as 隗彧 at 1.00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pdfjsLegacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import { closeRenderer, makeDossier, renderDocument } from '../../scripts/fixtures/index';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { disguisedGlyphs, OPS_SHOW_TEXT, suspectRun } from '../../src/ocr/pdf-disguised';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { openPdf, readOpenPdfTextKeepingGaps, UNMAPPED_GLYPH } from '../../src/ocr/pdf-text';
import { readDocument } from '../../src/ocr/read-document';
import { withoutEntryFor } from '../support/unmapped-glyph-pdf';

const front = { ...makeDossier(4401).idFront, name: '李彧' };

describe('a glyph left out of ToUnicode, standing as a Latin letter', () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    const printed = await renderDocument(
      { kind: 'id-card-front', layout: 'standard', font: 'Noto Sans CJK SC', data: front },
      { format: 'pdf' },
    );
    bytes = await withoutEntryFor(printed, '彧');
  }, 120_000);
  afterAll(closeRenderer);

  it('is kept as one gap, not as the letter', async () => {
    const pdfjs = await loadPdfjsNode();
    const pdf = await openPdf(bytes, pdfjs, nodeReadOptions().documentParams);
    try {
      const { text, unmapped } = await readOpenPdfTextKeepingGaps(pdf);
      const all = text.pages[0]!.items.map((i) => i.text).join('');
      expect(all).toContain(`李${UNMAPPED_GLYPH}`);
      expect(unmapped).toHaveLength(1);
      // Everything else is as printed: the ID number's digits and X are no gaps.
      expect(all.replace(/\s/g, '')).toContain(front.idNumber);
    } finally {
      await pdf.destroy();
    }
  });

  it('reads the glyph from the image, below 0.9, the rest from the layer', async () => {
    const deps = await createNodeReadDocumentDeps(createLazyOcrEngine());
    const doc = await readDocument({ name: 'id-front-e.pdf', bytes }, deps);
    expect(doc.text?.source).toBe('pdf-text');
    expect(doc.fields.name).toBe('李彧');
    expect(doc.confidence.name).toBeLessThan(0.9);
    expect(doc.warnings.join('\n')).toMatch(/name: 彧 was read from the image/);
    expect(doc.fields.idNumber).toBe(front.idNumber);
    expect(doc.confidence.idNumber).toBe(1);
  }, 180_000);
});

describe('which runs may hold such a glyph', () => {
  it('is a narrow character beside a CJK one in a run as wide as em-wide glyphs', () => {
    expect(suspectRun('李e', 24, 12)).toBe(true);
    expect(suspectRun('隗彧;', 39.6, 13.2)).toBe(true);
    expect(suspectRun('e', 12, 12)).toBe(true);
  });

  it('is not a run whose narrow characters are printed narrow', () => {
    expect(suspectRun('李e', 18.6, 12)).toBe(false);
    expect(suspectRun('1号', 18.6, 12)).toBe(false);
    expect(suspectRun('e', 6.6, 12)).toBe(false);
    expect(suspectRun('ABC123', 72, 12)).toBe(false);
  });

  it("takes the glyphs printed at the CJK width, not a heavy face's wide W", async () => {
    const glyph = (unicode: string, width: number) => ({ unicode, width });
    const page = {
      getOperatorList: () =>
        Promise.resolve({
          fnArray: [OPS_SHOW_TEXT, OPS_SHOW_TEXT],
          argsArray: [
            [[glyph('隗', 1000), glyph('彧', 1000), glyph(';', 1000)]],
            [[glyph('W', 1042), glyph('1', 553), glyph('号', 1000)]],
          ],
        }),
    };
    const got = await disguisedGlyphs(page as never, [{ str: '隗彧;' }, { str: 'W1号' }]);
    expect([...got]).toEqual([[0, [2]]]);
  });

  it("reads pdfjs's text operator by its pinned number", () => {
    expect(pdfjsLegacy.OPS.showText).toBe(OPS_SHOW_TEXT);
  });
});
