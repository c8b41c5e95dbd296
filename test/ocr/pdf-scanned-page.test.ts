// A PDF put together from an electronic document and a scan (the license's text-layer
// copy, then the legal representative's ID card scanned as an image): the scanned page
// has no text layer. Reading only the layer left that page empty and its document
// silently missing; the file is read by OCR instead, every page.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { readDocuments } from '../../src/ocr/read-document';

async function licenseThenScan(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const license = await PDFDocument.load(await readFile('examples/ready/license.pdf'));
  const [page] = await pdf.copyPages(license, [0]);
  pdf.addPage(page);
  const image = await pdf.embedPng(await readFile('examples/photos-png/id-front.png'));
  const scan = pdf.addPage([595, 842]);
  const width = 400;
  const height = (image.height / image.width) * width;
  scan.drawImage(image, { x: 97, y: 842 - 80 - height, width, height });
  return pdf.save();
}

describe('a PDF holding a text page and a scanned page', () => {
  it('is read by OCR, and both documents are found', async () => {
    const bytes = await licenseThenScan();
    // Old code: the layer read, page 2 empty.
    await expect(readPdfTextNode(bytes)).rejects.toMatchObject({ code: 'scanned-page' });
    const deps = await createNodeReadDocumentDeps(createLazyOcrEngine());
    const docs = await readDocuments({ name: 'license-and-id.pdf', bytes }, deps);
    expect(docs.map((d) => [d.kind, d.page])).toEqual([
      ['business-license', 0],
      ['id-card-front', 1],
    ]);
    expect(docs[1]!.fields.idNumber).toMatch(/^\d{17}[\dX]$/);
  }, 240_000);
});
