// The text-layer reader's errors: each unreadable input gives its code and one sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRenderer, makeDossier, renderDocument } from '../../scripts/fixtures/index';
import { loadPdfjsNode, nodeReadOptions, readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { PdfReadError, readPdfText, type PdfReadErrorCode } from '../../src/ocr/pdf-text';
import { encryptedPdf, imageOnlyPdf, pagesPdf } from './support/pdf-builders';

async function errorOf(bytes: Uint8Array, maxPages?: number): Promise<PdfReadError> {
  try {
    await readPdfTextNode(bytes, maxPages);
  } catch (error) {
    if (error instanceof PdfReadError) return error;
    throw error;
  }
  throw new Error('the PDF was read without an error');
}

const MESSAGES: Record<Exclude<PdfReadErrorCode, 'too-many-pages'>, string> = {
  empty: 'the file is empty (0 bytes)',
  encrypted: 'the PDF is password-protected: remove the password and try again',
  corrupt: 'the file is not a readable PDF: it may be damaged',
  'no-text-layer': 'no text layer: OCR is needed',
  'unmapped-text': 'the text layer does not say which characters it shows: OCR is needed',
  'ocr-layer': "the text layer is a scanner's invisible OCR over the page's image: OCR is needed",
  'scanned-page': 'a page of the PDF is a scanned image with no text layer: OCR is needed',
};

describe('readPdfText errors', () => {
  let licensePdf: Uint8Array;
  let licensePng: Uint8Array;

  beforeAll(async () => {
    const spec = {
      kind: 'business-license',
      layout: 'copy-portrait',
      font: 'Noto Sans CJK SC',
      data: makeDossier(7).license,
    } as const;
    licensePdf = await renderDocument(spec, { format: 'pdf' });
    licensePng = await renderDocument(spec, { format: 'png', dpi: 60 });
  });
  afterAll(closeRenderer);

  it('reads a generated PDF (the control for the cases below)', async () => {
    const text = await readPdfTextNode(licensePdf);
    expect(text.source).toBe('pdf-text');
    expect(text.pages[0]?.items.length).toBeGreaterThan(10);
  });

  it('refuses a 0-byte file', async () => {
    const error = await errorOf(new Uint8Array());
    expect([error.code, error.message]).toEqual(['empty', MESSAGES.empty]);
  });

  it('refuses a text file named .pdf as corrupt', async () => {
    const error = await errorOf(new TextEncoder().encode('Dossier notes: not a PDF at all.\n'));
    expect([error.code, error.message]).toEqual(['corrupt', MESSAGES.corrupt]);
  });

  it('refuses a damaged PDF (header, then garbage) as corrupt', async () => {
    const garbage = Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256);
    const error = await errorOf(
      new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage]),
    );
    expect([error.code, error.message]).toEqual(['corrupt', MESSAGES.corrupt]);
  });

  it('refuses a truncated PDF as corrupt', async () => {
    const error = await errorOf(licensePdf.slice(0, Math.floor(licensePdf.length / 4)));
    expect(error.code).toBe('corrupt');
  });

  it('refuses a PDF that needs a password, which the password really opens', async () => {
    const bytes = encryptedPdf('secret');
    const error = await errorOf(bytes);
    expect([error.code, error.message]).toEqual(['encrypted', MESSAGES.encrypted]);
    // The same bytes open with the password: the refusal is about the password, not damage.
    const options = nodeReadOptions();
    const opened = readPdfText(bytes, await loadPdfjsNode(), {
      ...options,
      documentParams: { ...options.documentParams, password: 'secret' },
    });
    await expect(opened).rejects.toMatchObject({ code: 'no-text-layer' });
  });

  it('says an image-only PDF needs OCR', async () => {
    const error = await errorOf(await imageOnlyPdf(licensePng));
    expect([error.code, error.message]).toEqual(['no-text-layer', MESSAGES['no-text-layer']]);
  });

  it('refuses more pages than allowed, saying how many', async () => {
    const error = await errorOf(await pagesPdf(3), 2);
    expect(error.code).toBe('too-many-pages');
    expect(error.message).toBe('the PDF has 3 pages, more than the 2 a document may have');
    await expect(readPdfTextNode(await pagesPdf(2), 2)).resolves.toMatchObject({ pages: [{}, {}] });
  });
});
