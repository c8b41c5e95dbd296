// Image-only PDFs are rendered for OCR at their scan's own resolution (never enlarged):
// a 137-dpi scan enlarged to 200 dpi made PP-OCR misread a rare character with 0.94
// confidence (examples/scans-pdf-legal-rep-one-char).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeRenderTarget } from '../../src/ocr/codec.node.ts';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { createPdfRasteriser, scannedImageDpi } from '../../src/ocr/rasterise-pdf';
import { EXAMPLE_IMAGE_MAX_SIDE } from '../../scripts/fixtures/example-images';

/** The examples' A4 scans are EXAMPLE_IMAGE_MAX_SIDE px on their 297 mm side. */
const SCAN_DPI = EXAMPLE_IMAGE_MAX_SIDE / (297 / 25.4);

const ROOT = join(import.meta.dirname, '../..');
const scanPdf = (): Promise<Buffer> =>
  readFile(join(ROOT, 'examples/scans-pdf-legal-rep-one-char/license.pdf'));

describe('rendering a scanned PDF page for OCR', () => {
  it('finds the resolution of the scan inside an image-only PDF, and none in a text PDF', async () => {
    const pdfjs = await loadPdfjsNode();
    const params = nodeReadOptions().documentParams;
    const dpi = await scannedImageDpi(pdfjs, new Uint8Array(await scanPdf()), params);
    expect(dpi).toBeGreaterThan(SCAN_DPI - 5);
    expect(dpi).toBeLessThan(SCAN_DPI + 5);
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
    // Portrait A4 at the scan's resolution, not the 2339 px of 200 dpi.
    expect(Math.max(pages[0]!.width, pages[0]!.height)).toBeGreaterThan(
      EXAMPLE_IMAGE_MAX_SIDE - 40,
    );
    expect(Math.max(pages[0]!.width, pages[0]!.height)).toBeLessThan(EXAMPLE_IMAGE_MAX_SIDE + 40);
  });
});
