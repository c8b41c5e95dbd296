// A multifunction printer's searchable PDF: the scan as an image, its OCR's reading laid
// over it as invisible text (render mode 3). The image is the document; the invisible
// text only that OCR's reading, which may misread a character (a 6 for a 5) that the layer
// then vouched for at 1.00 (pdf-lib producer, forced ocrLayerErrors, offset 4840: 36 wrong
// fields at >= 0.9). Such a file is read from its image, as an image-only PDF is.
import { afterAll, describe, expect, it } from 'vitest';
import { familyById, familySample } from '../../scripts/fixtures/families/families';
import { renderPdfLibFile } from '../../scripts/fixtures/families/producer-pdflib';
import { closeRenderer } from '../../scripts/fixtures/render';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { followText, OPS } from '../../src/ocr/pdf-dropped';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { readDocument } from '../../src/ocr/read-document';

afterAll(closeRenderer);

describe("a scanner's invisible OCR layer over the page's image", () => {
  it('is not taken for the text: the image is read', async () => {
    const family = familyById('id-card');
    const file = family.render(familySample(family, 2, { seedOffset: 4840 }));
    const truth = file.documents.find((d) => d.kind === 'id-card-front')!.fields;
    const { bytes } = await renderPdfLibFile(file, 4840, [], {
      ocrLayer: true,
      ocrLayerErrors: true,
      rotate: 0,
    });
    await expect(readPdfTextNode(bytes)).rejects.toMatchObject({ code: 'ocr-layer' });
    const deps = await createNodeReadDocumentDeps(createLazyOcrEngine());
    const doc = await readDocument({ name: 'scan-with-ocr.pdf', bytes }, deps);
    expect(doc.text?.source).not.toBe('pdf-text');
    expect(doc.kind).toBe('id-card-front');
    expect(doc.fields.idNumber).toBe(truth.idNumber);
  }, 240_000);
});

describe('which text is invisible', () => {
  const glyph = (unicode: string) => ({ unicode, width: 1000 });
  const flip: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 800];

  it('counts the glyphs shown in render mode 3 or 7, the mode kept by save and restore', () => {
    const got = followText(
      {
        fnArray: [
          OPS.save,
          OPS.setTextRenderingMode,
          OPS.setFont,
          OPS.showText,
          OPS.restore,
          OPS.showText,
          OPS.setTextRenderingMode,
          OPS.showText,
        ],
        argsArray: [
          null,
          [3],
          ['F1', 10],
          [[glyph('张'), glyph('三')]],
          null,
          [[glyph('李')]],
          [7],
          [[glyph('四')]],
        ],
      },
      flip,
    );
    expect(got).toMatchObject({ glyphs: 4, invisible: 3 });
  });
});
