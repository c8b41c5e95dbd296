// A text-layer PDF whose layer lacks one glyph (its font's ToUnicode maps 彧 to a
// private-use code point, as a broken map does; a face lacking the glyph gives U+0000) is read from its text layer for everything the layer has, and only
// that glyph from the page's image. Before, the one unmapped glyph sent the whole file to
// OCR (text source paddle, every field at OCR confidence).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRenderer, makeDossier, renderDocument } from '../../scripts/fixtures/index';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import type { DocumentText } from '../../src/core/extraction';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { alignGaps, readGapsFromImage } from '../../src/ocr/pdf-gaps';
import type { PdfRasteriser } from '../../src/ocr/rasterise-pdf';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { openPdf, readOpenPdfTextKeepingGaps, UNMAPPED_GLYPH } from '../../src/ocr/pdf-text';
import { readDocument } from '../../src/ocr/read-document';
import { withPrivateUseFor } from '../support/unmapped-glyph-pdf';

const front = { ...makeDossier(4001).idFront, name: '李彧' };

describe('a text layer lacking one glyph', () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    const printed = await renderDocument(
      { kind: 'id-card-front', layout: 'standard', font: 'Noto Sans CJK SC', data: front },
      { format: 'pdf' },
    );
    bytes = await withPrivateUseFor(printed, '彧');
  }, 120_000);
  afterAll(closeRenderer);

  it('keeps the layer, the glyph standing as one gap where it is printed', async () => {
    const pdfjs = await loadPdfjsNode();
    const pdf = await openPdf(bytes, pdfjs, nodeReadOptions().documentParams);
    try {
      const { text, unmapped } = await readOpenPdfTextKeepingGaps(pdf);
      expect(unmapped).toHaveLength(1);
      const items = text.pages[0]!.items;
      const item = items[unmapped[0]!.item]!;
      expect(items.map((i) => i.text).join('')).toContain(`李${UNMAPPED_GLYPH}`);
      // The gap's box lies inside its run, right of 李's.
      const li = items.find((i) => i.text.includes('李'))!;
      expect(unmapped[0]!.box.x).toBeGreaterThanOrEqual(Math.max(item.x, li.x + 0.5 * li.h));
      expect(unmapped[0]!.box.x + unmapped[0]!.box.w).toBeLessThanOrEqual(item.x + item.w + 0.01);
    } finally {
      await pdf.destroy();
    }
  });

  it('reads the glyph from the image, below 0.9, and everything else from the layer', async () => {
    const deps = await createNodeReadDocumentDeps(createLazyOcrEngine());
    const doc = await readDocument({ name: 'id-front-gap.pdf', bytes }, deps);
    expect(doc.error).toBeUndefined();
    expect(doc.kind).toBe('id-card-front');
    expect(doc.text?.source).toBe('pdf-text');
    expect(doc.fields.name).toBe('李彧');
    expect(doc.confidence.name).toBeLessThan(0.9);
    expect(doc.confidence.name).toBeGreaterThan(0.3);
    expect(doc.warnings.join('\n')).toMatch(/name: 彧 was read from the image/);
    for (const field of ['idNumber', 'address', 'birthDate', 'ethnicity'] as const) {
      expect(doc.fields[field], field).toBe(front[field]);
      expect(doc.confidence[field], field).toBe(1);
    }
  }, 180_000);
});

describe('aligning the layer with what the image reads', () => {
  it('takes the character opposite the gap where the rest agrees', () => {
    expect(alignGaps(`李${UNMAPPED_GLYPH}`, '李彧')).toEqual({
      gaps: [{ char: '彧', index: 1 }],
      agreement: 1,
    });
    expect(alignGaps(`民族 ${UNMAPPED_GLYPH}`, '民 族 回').gaps[0]?.char).toBe('回');
  });

  it('says when the image disagrees with the layer (a layer not to trust)', () => {
    expect(alignGaps(`9:${UNMAPPED_GLYPH}E`, '张伟').agreement).toBeLessThan(0.6);
  });

  it('leaves a gap the OCR read nothing opposite', () => {
    expect(alignGaps(`李${UNMAPPED_GLYPH}`, '李').gaps).toEqual([null]);
  });
});

describe('reading the gaps with an engine that reads a given line', () => {
  const layer: DocumentText = {
    source: 'pdf-text',
    pages: [
      {
        page: 0,
        width: 200,
        height: 100,
        items: [
          { page: 0, x: 10, y: 10, w: 24, h: 12, text: `李${UNMAPPED_GLYPH}`, confidence: 1 },
        ],
      },
    ],
  };
  const unmapped = [{ page: 0, item: 0, at: 1, box: { x: 22, y: 10, w: 12, h: 12 } }];
  const rasterise: PdfRasteriser = async function* () {
    yield await Promise.resolve({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
  };
  const engine = (text: string, confidence = 0.97): RasterOcrEngine => ({
    id: 'paddle',
    recognise: () => Promise.reject(new Error('not used')),
    dispose: () => Promise.resolve(),
    recogniseRaster: (_raster, page) =>
      Promise.resolve({
        page,
        width: 1,
        height: 1,
        items: [{ page, x: 0, y: 0, w: 1, h: 1, text, confidence }],
      }),
  });
  const read = (text: string, confidence?: number) =>
    readGapsFromImage(layer, unmapped, engine(text, confidence), rasterise, {});

  it('puts the character read in, held below 0.9 however sure the OCR was', async () => {
    const got = await read('李彧', 0.99);
    expect('text' in got && got.text.pages[0]!.items[0]).toMatchObject({
      text: '李彧',
      confidence: 0.85,
    });
  });

  it('leaves the gap unread and doubtful where the image shows no character (α for a box)', async () => {
    const got = await read('李α');
    expect('text' in got && got.text.pages[0]!.items[0]).toMatchObject({
      text: `李${UNMAPPED_GLYPH}`,
      confidence: 0.3,
    });
    expect('filled' in got && got.filled[0]!.text).toBeNull();
  });

  it('distrusts the layer where the image reads its other characters otherwise', async () => {
    const long: DocumentText = {
      ...layer,
      pages: [
        {
          ...layer.pages[0]!,
          items: [{ ...layer.pages[0]!.items[0]!, w: 48, text: `李明华${UNMAPPED_GLYPH}` }],
        },
      ],
    };
    const gap = [{ ...unmapped[0]!, at: 3, box: { x: 46, y: 10, w: 12, h: 12 } }];
    expect(await readGapsFromImage(long, gap, engine('张伟强彧'), rasterise, {})).toEqual({
      distrust: true,
    });
  });

  it('keeps the layer where one other character is read otherwise (佘 as 余), the gap held at 0.5', async () => {
    // Changed: one character read otherwise distrusted the whole layer (the file OCR'd).
    const got = await read('张彧');
    expect('text' in got && got.text.pages[0]!.items[0]).toMatchObject({
      text: '李彧',
      confidence: 0.5,
    });
  });
});
