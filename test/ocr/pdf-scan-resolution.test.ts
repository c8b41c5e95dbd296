// Image-only PDFs are rendered for OCR at their scan's own resolution (never enlarged):
// a 137-dpi scan enlarged to 200 dpi made PP-OCR misread a rare character with 0.94
// confidence (examples/scans-pdf-legal-rep-one-char).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeRenderTarget } from '../../src/ocr/codec-node';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs-node';
import { createPdfRasteriser, scannedImageDpi } from '../../src/ocr/rasterise-pdf';

const ROOT = join(import.meta.dirname, '../..');
const scanPdf = (): Promise<Buffer> =>
  readFile(join(ROOT, 'examples/scans-pdf-legal-rep-one-char/license.pdf'));

describe('rendering a scanned PDF page for OCR', () => {
  it('finds the resolution of the scan inside an image-only PDF, and none in a text PDF', async () => {
    const pdfjs = await loadPdfjsNode();
    const params = nodeReadOptions().documentParams;
    const dpi = await scannedImageDpi(pdfjs, new Uint8Array(await scanPdf()), params);
    // The example's A4 scan is 1600 px on its long side: 136.8 dpi.
    expect(dpi).toBeGreaterThan(130);
    expect(dpi).toBeLessThan(140);
    const text = new Uint8Array(await readFile(join(ROOT, 'examples/ready/license.pdf')));
    expect(await scannedImageDpi(pdfjs, text, params)).toBeUndefined();
  });

  it('renders at the scan resolution instead of 200 dpi', async () => {
    const pdfjs = await loadPdfjsNode();
    const params = nodeReadOptions().documentParams;
    const rasterise = createPdfRasteriser(pdfjs, createNodeRenderTarget, {
      ...(params ? { documentParams: params } : {}),
      nativeResolution: true,
    });
    const pages = [];
    for await (const page of rasterise(new Uint8Array(await scanPdf()))) pages.push(page);
    expect(pages).toHaveLength(1);
    // Portrait A4 at ~137 dpi: 1600 px high, not the 2339 px of 200 dpi.
    expect(Math.max(pages[0]!.width, pages[0]!.height)).toBeGreaterThan(1560);
    expect(Math.max(pages[0]!.width, pages[0]!.height)).toBeLessThan(1640);
  });
});
