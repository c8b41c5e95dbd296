// A text-layer PDF whose fonts do not map their glyphs to Unicode (no ToUnicode: some PDF
// writers leave it out of subset CJK fonts) gives pdfjs the glyph codes as control
// characters. Such a layer does not say what the page shows: it is OCR'd, not read.
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRenderer, makeDossier, renderDocument } from '../../scripts/fixtures/index';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { PdfReadError } from '../../src/ocr/pdf-text';
import { readDocument } from '../../src/ocr/read-document';

/** The same PDF with every font's ToUnicode map removed. */
async function withoutToUnicode(bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  let removed = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.has(PDFName.of('ToUnicode'))) {
      object.delete(PDFName.of('ToUnicode'));
      removed++;
    }
  }
  expect(removed, 'the rendered PDF has fonts with ToUnicode maps').toBeGreaterThan(0);
  return pdf.save();
}

describe('a text layer that does not map its glyphs to Unicode', () => {
  const license = makeDossier(11).license;
  let mapped: Uint8Array;
  let unmapped: Uint8Array;

  beforeAll(async () => {
    mapped = await renderDocument(
      { kind: 'business-license', layout: 'copy-portrait', font: 'Noto Sans CJK SC', data: license },
      { format: 'pdf' },
    );
    unmapped = await withoutToUnicode(mapped);
  }, 120_000);
  afterAll(closeRenderer);

  it('is refused as a text layer, in one sentence, where the mapped one is read', async () => {
    await expect(readPdfTextNode(mapped)).resolves.toMatchObject({ source: 'pdf-text' });
    const error = await readPdfTextNode(unmapped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfReadError);
    expect(error).toMatchObject({
      code: 'unmapped-text',
      message: 'the text layer does not say which characters it shows: OCR is needed',
    });
  });

  it('is read by OCR instead: the license comes out with its company name and credit code', async () => {
    const deps = await createNodeReadDocumentDeps(createLazyOcrEngine());
    const doc = await readDocument({ name: 'license-no-tounicode.pdf', bytes: unmapped }, deps);
    expect(doc.error).toBeUndefined();
    expect(doc.kind).toBe('business-license');
    expect(doc.text?.source).not.toBe('pdf-text');
    expect(doc.fields.companyName).toBe(license.companyName);
    expect(doc.fields.creditCode).toBe(license.creditCode);
  }, 180_000);
});
