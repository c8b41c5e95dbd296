// A glyph its font's ToUnicode map leaves out comes from pdfjs as its code, the glyph's
// number in a subset numbered in order of use: which code a rare name character lands on
// is the writer's chance. On a C1 control code (the 148th glyph: U+0094) the layer gave
// the legal representative 阚骁婕 as 阚骁 (offset 4410, pdf-lib producer): U+0094 was not
// taken for an unmapped glyph. Real pdf-lib PDFs from the fixtures' second producer.
import { afterAll, describe, expect, it } from 'vitest';
import { familyById, familySample } from '../../scripts/fixtures/families/families';
import { renderPdfLibFile } from '../../scripts/fixtures/families/producer-pdflib';
import { closeRenderer } from '../../scripts/fixtures/render';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { openPdf, readOpenPdfTextKeepingGaps, UNMAPPED_GLYPH } from '../../src/ocr/pdf-text';
import { readDocument } from '../../src/ocr/read-document';

afterAll(closeRenderer);

/** A license whose legal representative's last character is printed on `code`, unmapped. */
async function licenseWith(code: number) {
  const family = familyById('license-original-2019');
  const file = family.render(familySample(family, 0, { seedOffset: 4800 }));
  const name = String(file.documents[0]!.fields.legalRepresentative);
  const { bytes } = await renderPdfLibFile(file, 4800, [name], {
    runs: 'char',
    order: 'reading',
    xobject: false,
    rotate: 0,
    ocrLayer: false,
    unmapped: [...name].at(-1)!,
    unmappedCode: code,
  });
  return { bytes, name };
}

async function layer(bytes: Uint8Array) {
  const pdf = await openPdf(bytes, await loadPdfjsNode(), nodeReadOptions().documentParams);
  try {
    return await readOpenPdfTextKeepingGaps(pdf);
  } finally {
    await pdf.destroy();
  }
}

describe('a glyph left out of ToUnicode on a C1 control code', () => {
  it('is a gap read from the image, not dropped', async () => {
    const { bytes, name } = await licenseWith(0x94);
    const { text, unmapped } = await layer(bytes);
    const all = text.pages[0]!.items.map((i) => i.text).join('');
    expect(all).not.toContain('\u0094');
    expect(all).toContain(UNMAPPED_GLYPH);
    expect(unmapped).toHaveLength(1);
    const deps = await createNodeReadDocumentDeps(createLazyOcrEngine());
    const doc = await readDocument({ name: 'license-c1.pdf', bytes }, deps);
    expect(doc.text?.source).toBe('pdf-text');
    expect(doc.fields.legalRepresentative).toBe(name);
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
  }, 240_000);
});
