// A PDF is parsed by pdf-lib for its images' sizes only when it may hold an image: a
// text-layer PDF without one (Chromium's print of a license) is not (0.11 s of CPU per
// call), one with an image is, however its Subtype is spelled.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdfImages, mayHoldImages } from '../../src/ocr/pdf-limits';

const ROOT = join(import.meta.dirname, '../..');

/** A page drawing a declared `width` × `height` grey image whose Subtype is `subtype`. */
async function imagePdf(width: number, height: number, subtype: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const image = doc.context.register(
    doc.context.stream(new Uint8Array(16), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    }),
  );
  page.node.setXObject(PDFName.of('Im0'), image);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: true })).toString('latin1');
  return new Uint8Array(
    Buffer.from(bytes.replace('/Subtype /Image', `/Subtype ${subtype}`), 'latin1'),
  );
}

describe('which PDFs are parsed for their images', () => {
  it('not a text-layer PDF without an image', async () => {
    expect(mayHoldImages(await readFile(join(ROOT, 'examples/ready/license.pdf')))).toBe(false);
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('No image here', { x: 50, y: 700, font });
    expect(mayHoldImages(await doc.save({ useObjectStreams: true }))).toBe(false);
  });

  it('one with an image, its Subtype plain or escaped, and refuses one too large', async () => {
    for (const subtype of ['/Image', '/Im#61ge']) {
      const bytes = await imagePdf(20000, 20000, subtype);
      expect(mayHoldImages(bytes), subtype).toBe(true);
      await expect(checkPdfImages(bytes), subtype).rejects.toThrow(/20000×20000 pixels/);
    }
    await expect(checkPdfImages(await imagePdf(100, 100, '/Image'))).resolves.toBeUndefined();
  });
});
