// A PDF is opened by pdfjs once per file read: its text, the pages rendered for OCR and
// the page rendered for the image analysis all come from that one document. Opening it
// again parsed the file and loaded its fonts a second time (about 0.3 s of CPU for a
// text-layer license). Real pdfjs, real canvas, real PP-OCR for the scan.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRenderTarget, nodeImageCodec } from '../../src/ocr/codec.node.ts';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { createOcrEngine } from '../../src/ocr/engines.node.ts';
import type { PdfjsLib } from '../../src/ocr/pdf-text';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { createPdfRasteriser } from '../../src/ocr/rasterise-pdf';
import { readDocuments, type ReadDocumentDeps } from '../../src/ocr/read-document';

const ROOT = join(import.meta.dirname, '../..');
const example = async (path: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(join(ROOT, 'examples', path)));

/** pdfjs, counting the documents opened through it (reader and rasteriser alike). */
function countingPdfjs(pdfjs: PdfjsLib): { pdfjs: PdfjsLib; opened: () => number } {
  let opened = 0;
  return {
    pdfjs: {
      ...pdfjs,
      getDocument: (...args: Parameters<PdfjsLib['getDocument']>) => {
        opened++;
        return pdfjs.getDocument(...args);
      },
    },
    opened: () => opened,
  };
}

function depsWith(pdfjs: PdfjsLib, ocr?: RasterOcrEngine): ReadDocumentDeps {
  const pdfOptions = nodeReadOptions();
  return {
    pdfjs,
    pdfOptions,
    ...(ocr ? { ocr } : {}),
    decodeImage: (bytes, mime) => nodeImageCodec.decode(bytes, mime),
    rasterise: createPdfRasteriser(pdfjs, createNodeRenderTarget, {
      ...(pdfOptions.documentParams ? { documentParams: pdfOptions.documentParams } : {}),
      nativeResolution: true,
    }),
  };
}

let engine: RasterOcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine('paddle');
}, 120_000);
afterAll(async () => {
  await engine?.dispose();
});

describe('a PDF is opened once per file read', () => {
  it('reads a text-layer PDF and renders its page for the analysis from one document', async () => {
    const counting = countingPdfjs(await loadPdfjsNode());
    const [doc] = await readDocuments(
      { name: 'license.pdf', bytes: await example('ready/license.pdf') },
      depsWith(counting.pdfjs),
    );
    expect(doc).toMatchObject({ kind: 'business-license', source: 'pdf-text' });
    // The page was rendered and analysed: a license always gets a seal report.
    expect(doc!.quality).toMatchObject({ raster: false });
    expect(doc!.seal).toBeDefined();
    expect(counting.opened()).toBe(1);
  });

  it('reads an image-only PDF, renders it for OCR and for the analysis, from one document', async () => {
    const counting = countingPdfjs(await loadPdfjsNode());
    const [doc] = await readDocuments(
      {
        name: 'license.pdf',
        bytes: await example('scans-pdf-legal-rep-one-char/license.pdf'),
      },
      depsWith(counting.pdfjs, engine),
    );
    expect(doc).toMatchObject({ kind: 'business-license', source: 'paddle' });
    expect(doc!.quality).toMatchObject({ raster: true });
    expect(counting.opened()).toBe(1);
  }, 120_000);
});
