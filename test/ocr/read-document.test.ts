// readDocument's refusals: every bad input gives one sentence in `error` (kind unknown),
// decided from bytes and headers before anything large is decoded. Real pdfjs, no engine.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeReadDocumentDeps } from '../../src/ocr/node';
import { readDocument, type ReadDocumentDeps } from '../../src/ocr/read-document';
import { loadFixture } from './support/fixtures';

const ONE_SENTENCE = /^(?!.*[.。] [A-Z])[^\n]{10,240}$/;
let deps: ReadDocumentDeps;

beforeAll(async () => {
  deps = await createNodeReadDocumentDeps();
});

/** A PNG signature and IHDR declaring width × height, and nothing else. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
}

async function errorOf(name: string, bytes: Uint8Array): Promise<string | undefined> {
  const doc = await readDocument({ name, bytes }, deps);
  expect(doc.kind).toBe('unknown');
  expect(doc.file).toBe(name);
  if (doc.error !== undefined) expect(doc.error).toMatch(ONE_SENTENCE);
  return doc.error;
}

describe('readDocument refuses bad input in one sentence', () => {
  it('an empty file', async () => {
    expect(await errorOf('empty.jpg', new Uint8Array())).toMatch(/empty \(0 bytes\)/);
  });

  it('a file that is neither a PDF nor a JPG or PNG', async () => {
    expect(
      await errorOf('notes.png', new TextEncoder().encode('just some notes, not an image')),
    ).toMatch(/neither a PDF nor a JPG or PNG/);
  });

  it('a file over 50 MB, before looking inside', async () => {
    expect(await errorOf('huge.pdf', new Uint8Array(50 * 1024 * 1024 + 1))).toMatch(
      /over the 50 MB limit/,
    );
  });

  it('a decompression bomb: a tiny PNG declaring 20000 × 20000 pixels', async () => {
    expect(await errorOf('bomb.png', pngHeader(20000, 20000))).toMatch(
      /400 megapixels\), over the 100-megapixel limit/,
    );
  });

  it('a PNG whose header cannot be read', async () => {
    expect(await errorOf('broken.png', pngHeader(0, 0))).toMatch(/damaged/);
  });

  it('a truncated JPEG', async () => {
    const f = await loadFixture('id-front-kai-0-photo');
    expect(await errorOf('cut.jpg', f.bytes.subarray(0, 3000))).toMatch(/truncated/);
  });

  it('an image when no OCR engine is available', async () => {
    const f = await loadFixture('id-back-sans-0-scan');
    expect(await errorOf(f.name, f.bytes)).toMatch(/no text layer: OCR is needed/i);
  });

  it('an image-only PDF when no OCR engine is available', async () => {
    const f = await loadFixture('license-sans-1-scan-pdf');
    expect(await errorOf(f.name, f.bytes)).toMatch(/no text layer: OCR is needed/i);
  });

  it('a password-protected PDF and a corrupt one', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([200, 200]);
    const good = await pdf.save();
    const corrupt = good.slice(0, 200);
    expect(await errorOf('corrupt.pdf', corrupt)).toMatch(/not a readable PDF|damaged/);
  });
});
