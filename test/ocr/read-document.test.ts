// readDocument's refusals: every bad input gives one sentence in `error` (kind unknown)
// and its reason with figures in `problem`, decided from bytes and headers before
// anything large is decoded. Real pdfjs; no OCR engine unless a test gives one.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument, ReadProblem } from '../../src/core/extraction';
import type { OcrEngine } from '../../src/core/ports';
import type { ImageCodec } from '../../src/ocr/codec';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import {
  decodeImageInput,
  recogniseImageFile,
  type OnPrepared,
  type RasterOcrEngine,
} from '../../src/ocr/engine';
import { rectify } from '../../src/ocr/page-quad';
import { preparePage, type PreparedPage } from '../../src/ocr/prepare';
import { createRaster } from '../../src/ocr/raster';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { readDocument, readDocuments, type ReadDocumentDeps } from '../../src/ocr/read-document';
import { encryptedPdf, pagesPdf } from '../extract/support/pdf-builders';
import {
  heicPhoto,
  noiseBytes,
  pngHeader,
  smallPng,
  truncatedJpeg,
  undecodablePng,
} from './support/bad-files';
import { loadFixture } from './support/fixtures';

const ONE_SENTENCE = /^(?!.*[.。] [A-Z])[^\n]{10,240}$/;
let deps: ReadDocumentDeps;

beforeAll(async () => {
  deps = await createNodeReadDocumentDeps();
});

async function refusal(
  name: string,
  bytes: Uint8Array,
  withDeps: ReadDocumentDeps = deps,
): Promise<{ error: string; problem: ReadProblem }> {
  const doc: ExtractedDocument = await readDocument({ name, bytes }, withDeps);
  expect(doc.kind).toBe('unknown');
  expect(doc.file).toBe(name);
  expect(doc.error).toMatch(ONE_SENTENCE);
  expect(doc.problem, 'an error always comes with its reason').toBeDefined();
  return { error: doc.error!, problem: doc.problem! };
}

describe('readDocument refuses bad input in one sentence, with its reason', () => {
  it('an empty file', async () => {
    const { error, problem } = await refusal('empty.jpg', new Uint8Array());
    expect(error).toBe('The file is empty (0 bytes).');
    expect(problem).toEqual({ reason: 'empty' });
  });

  it('a file that is neither a PDF nor a JPG or PNG: notes, random bytes, a HEIC photo', async () => {
    for (const [name, bytes] of [
      ['notes.png', new TextEncoder().encode('just some notes, not an image')],
      ['noise.pdf', noiseBytes(5000)],
      ['IMG_0001.heic', heicPhoto()],
    ] as const) {
      const { error, problem } = await refusal(name, bytes);
      expect(error, name).toBe('The file is neither a PDF nor a JPG or PNG image.');
      expect(problem, name).toEqual({ reason: 'unsupported-type' });
    }
  });

  it('a file over 50 MB, before looking inside, with its size', async () => {
    const { error, problem } = await refusal('huge.pdf', new Uint8Array(61 * 1024 * 1024));
    expect(error).toBe('The file is 61 MB, over the 50 MB limit.');
    expect(problem).toEqual({ reason: 'too-large', values: { size: 61, limit: 50 } });
  });

  it('a decompression bomb: a tiny PNG declaring 20000 × 20000 pixels', async () => {
    const { error, problem } = await refusal('bomb.png', pngHeader(20000, 20000));
    expect(error).toBe(
      'The image is 20000 × 20000 pixels (400 megapixels), over the 100-megapixel limit.',
    );
    expect(problem).toEqual({
      reason: 'too-many-pixels',
      values: { width: 20000, height: 20000, megapixels: 400, limit: 100 },
    });
  });

  it('a PNG whose header cannot be read', async () => {
    const { error, problem } = await refusal('broken.png', pngHeader(0, 0));
    expect(error).toBe('The image is damaged: its size cannot be read from its header.');
    expect(problem).toEqual({ reason: 'damaged' });
  });

  it('a truncated JPEG: a committed photo and one encoded here', async () => {
    const f = await loadFixture('id-front-kai-0-photo');
    for (const bytes of [f.bytes.subarray(0, 3000), await truncatedJpeg()]) {
      const { error, problem } = await refusal('cut.jpg', bytes);
      expect(error).toBe('The image is truncated: its end is missing, so it cannot be read.');
      expect(problem).toEqual({ reason: 'truncated' });
    }
  });

  it('an image whose pixel data cannot be decoded (header and end intact)', async () => {
    // An engine that, like both real ones, starts by decoding the image with the host codec.
    const decodingEngine: OcrEngine = {
      id: 'tesseract',
      async recognise(image) {
        const { raster } = await decodeImageInput(image, nodeImageCodec, () =>
          Promise.resolve(undefined),
        );
        return {
          source: 'tesseract',
          pages: [{ page: 0, width: raster.width, height: raster.height, items: [] }],
        };
      },
      dispose: () => Promise.resolve(),
    };
    const withEngine = { ...deps, ocr: decodingEngine };
    const { error, problem } = await refusal('garbage.png', undecodablePng(), withEngine);
    expect(error).toBe('The image could not be decoded: it may be damaged or truncated.');
    expect(problem).toEqual({ reason: 'damaged' });
    // The control: a sound PNG goes through the same engine without an error.
    const sound = await readDocument({ name: 'sound.png', bytes: await smallPng() }, withEngine);
    expect(sound.error).toBeUndefined();
    expect(sound.problem).toBeUndefined();
  });

  it('an image when no OCR engine is available; a PNG named .jpg is read as a PNG', async () => {
    const f = await loadFixture('id-back-sans-0-scan');
    for (const [name, bytes] of [
      [f.name, f.bytes],
      ['photo.jpg', await smallPng()],
    ] as const) {
      const { error, problem } = await refusal(name, bytes);
      expect(error, name).toBe(
        'No text layer: OCR is needed, and no OCR engine is available here.',
      );
      expect(problem, name).toEqual({ reason: 'no-ocr' });
    }
  });

  it('an image-only PDF when no OCR engine is available', async () => {
    const f = await loadFixture('license-sans-1-scan-pdf');
    const { error, problem } = await refusal(f.name, f.bytes);
    expect(error).toMatch(/^No text layer: OCR is needed/);
    expect(problem).toEqual({ reason: 'no-ocr' });
  });

  it('a password-protected PDF, a corrupt one, and one with too many pages', async () => {
    const encrypted = await refusal('locked.pdf', encryptedPdf('secret'));
    expect(encrypted.error).toBe(
      'The PDF is password-protected: remove the password and try again.',
    );
    expect(encrypted.problem).toEqual({ reason: 'encrypted' });

    const pdf = await PDFDocument.create();
    pdf.addPage([200, 200]);
    const corrupt = await refusal('corrupt.pdf', (await pdf.save()).slice(0, 200));
    expect(corrupt.error).toBe('The file is not a readable PDF: it may be damaged.');
    expect(corrupt.problem).toEqual({ reason: 'damaged' });

    const long = await refusal('long.pdf', await pagesPdf(21));
    expect(long.error).toBe('The PDF has 21 pages, more than the 20 a document may have.');
    expect(long.problem).toEqual({ reason: 'too-many-pages', values: { pages: 21, limit: 20 } });
  });

  it('a readable PDF has neither error nor problem', async () => {
    const doc = await readDocument({ name: 'ok.pdf', bytes: await pagesPdf(2) }, deps);
    expect(doc.error).toBeUndefined();
    expect(doc.problem).toBeUndefined();
  });
});

describe('an image file is decoded once', () => {
  it("the engine's decoded pixels serve the image analysis: one decode, and the analysis ran", async () => {
    let decodes = 0;
    const counting: ImageCodec = {
      ...nodeImageCodec,
      decode: (bytes, mime) => {
        decodes++;
        return nodeImageCodec.decode(bytes, mime);
      },
    };
    // A raster engine built as both real ones are: recognise is recogniseImageFile.
    const engine: RasterOcrEngine = {
      id: 'paddle',
      recogniseRaster: (raster, page) =>
        Promise.resolve({ page, width: raster.width, height: raster.height, items: [] }),
      recognise: (image, onProgress, onDecoded) =>
        recogniseImageFile(
          engine,
          image,
          { codec: counting, readOrientation: () => Promise.resolve(undefined) },
          onProgress,
          onDecoded,
        ),
      dispose: () => Promise.resolve(),
    };
    const [doc] = await readDocuments(
      { name: 'page.png', bytes: await smallPng() },
      { ocr: engine, decodeImage: (bytes, mime) => counting.decode(bytes, mime) },
    );
    expect(doc!.error).toBeUndefined();
    expect(doc!.quality, 'the image analysis ran on the pixels').toBeDefined();
    expect(decodes).toBe(1);
  });
});

describe('a photographed page is cut from the desk once', () => {
  /** A raster engine as the real ones are, preparing the page for real and reading nothing. */
  const preparing = (handOver?: (p: PreparedPage) => PreparedPage): RasterOcrEngine => {
    const engine: RasterOcrEngine = {
      id: 'paddle',
      recogniseRaster: (raster, page, options) => {
        const { onPrepared, ...rest } = options ?? {};
        const prepared = preparePage(raster, { maxSide: 2400, ...rest });
        if (handOver !== undefined) onPrepared?.(handOver(prepared));
        return Promise.resolve({
          page,
          width: prepared.raster.width,
          height: prepared.raster.height,
          items: [],
        });
      },
      recognise: (image, onProgress, onDecoded, onPrepared?: OnPrepared) =>
        recogniseImageFile(
          engine,
          image,
          { codec: nodeImageCodec, readOrientation: () => Promise.resolve(undefined) },
          onProgress,
          onDecoded,
          onPrepared,
        ),
      dispose: () => Promise.resolve(),
    };
    return engine;
  };
  const photoBytes = async (): Promise<Uint8Array> =>
    new Uint8Array(
      await readFile(new URL('../../examples/photos-png/id-front.png', import.meta.url)),
    );
  const read = async (engine: RasterOcrEngine): Promise<ExtractedDocument> =>
    (
      await readDocuments(
        { name: 'id-front.png', bytes: await photoBytes() },
        { ocr: engine, decodeImage: (bytes, mime) => nodeImageCodec.decode(bytes, mime) },
      )
    )[0]!;

  it('the squared page preparation made is what the image analysis measures, byte for byte', async () => {
    const photo = await nodeImageCodec.decode(await photoBytes(), 'image/png');
    const prepared = preparePage(photo, { maxSide: 2400 });
    expect(prepared.quad).toBeDefined();
    const bytes = (r: { data: ArrayLike<number> & { buffer: ArrayBufferLike } }): Buffer =>
      Buffer.from(r.data.buffer);
    expect(bytes(prepared.squared!).equals(bytes(rectify(photo, prepared.quad!)))).toBe(true);
    // Scaled down to fit maxSide, it is not the full-size page: not handed over.
    const small = preparePage(photo, { maxSide: 500 });
    expect(small.quad).toBeDefined();
    expect(small.squared).toBeUndefined();

    // Handed over, or found and cut again (an engine that hands nothing over), the
    // analysis says the same.
    const handed = await read(preparing((p) => p));
    const foundAgain = await read(preparing());
    expect(handed.quality).toBeDefined();
    expect(handed.quality).toEqual(foundAgain.quality);
    // And it is taken, not found and cut again: a blank sheet handed over as the squared page
    // is what the analysis sees (no colour).
    expect(handed.quality!.greyscale).toBe(false);
    const blank = await read(
      preparing((p) => ({ ...p, squared: createRaster(p.squared!.width, p.squared!.height) })),
    );
    expect(blank.quality!.greyscale).toBe(true);
  });
});
