// The scan's resolution inside an image-only PDF is read from the PDF's image dictionaries
// (pdf-lib), not from pdfjs's operator list, which decoded the scan once more before the
// page was rendered. Real PDFs made with pdf-lib around a real PNG.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageImageSizes } from '../../src/ocr/rasterise-pdf';

const ROOT = join(import.meta.dirname, '../..');
const png = (): Promise<Buffer> => readFile(join(ROOT, 'examples/photos-png/id-front.png'));

async function pngSize(): Promise<{ width: number; height: number }> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(await png());
  return { width: image.width, height: image.height };
}

describe('the images a PDF page draws, without decoding them', () => {
  it('gives the pixel size of an image drawn on the page', async () => {
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(await png());
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 400 });
    const sizes = await pageImageSizes(await doc.save(), 0);
    expect(sizes).toEqual([await pngSize()]);
  });

  it('finds an image inside a form XObject, and none on a page of text', async () => {
    const source = await PDFDocument.create();
    const image = await source.embedPng(await png());
    source.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 400 });
    const doc = await PDFDocument.create();
    const [form] = await doc.embedPdf(await source.save(), [0]);
    doc.addPage([595, 842]).drawPage(form!);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('No image here', { x: 50, y: 700, font });
    const bytes = await doc.save();
    expect(await pageImageSizes(bytes, 0)).toEqual([await pngSize()]);
    expect(await pageImageSizes(bytes, 1)).toEqual([]);
    expect(await pageImageSizes(bytes, 2)).toEqual([]);
  });

  it('gives nothing for bytes that are not a PDF', async () => {
    expect(await pageImageSizes(new TextEncoder().encode('not a pdf'), 0)).toEqual([]);
  });
});
