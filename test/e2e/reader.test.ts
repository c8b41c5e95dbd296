// The renderer's DocumentReader (src/renderer/reader) in Debian's Chromium under the app's
// CSP (sent as a header, as app:// does): a text PDF through pdfjs, a scanned license
// through PP-OCR in the module worker (the model loaded once, then reused), the page
// geometry and renderPage, cancelling mid-OCR, and no request leaving the origin.
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import { APP_RESPONSE_HEADERS } from '../../src/main/policy/csp';
import type { OcrEngineId, PageGeometry } from '../../src/renderer/model/contract';
import { REPO_ROOT } from '../cli/run-cli';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildReaderPage } from './support/reader-page';
import { recordRequests, type RequestLog } from './support/renderer-build';
import type { TestPage } from './support/test-page';

interface TimedRead {
  result: { document: ExtractedDocument; pages: PageGeometry[] };
  ms: number;
  stages: string[];
  longestFrameGap: number;
}

interface ReaderTest {
  read(path: string, name?: string): Promise<TimedRead>;
  readAndCancel(path: string): Promise<string>;
  render(
    path: string,
    mime: string,
    index: number,
    geometry: PageGeometry,
    scale: number,
  ): Promise<{ width: number; height: number; type: string }>;
  inkUnder(
    path: string,
    mime: string,
    index: number,
    geometry: PageGeometry,
    rects: Box[],
  ): Promise<{ inside: number[]; page: number }>;
  setEngine(engine: OcrEngineId): void;
  prepare(): Promise<number>;
  prepareThenCancelRead(path: string): Promise<string>;
  readTogether(
    paths: string[],
    workers: number,
  ): Promise<{
    documents: { kind: string; fields: Record<string, string | null> }[];
    overlapped: boolean;
  }>;
  makeExifRotated(path: string, name: string): Promise<number>;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const LICENSE_JPG = 'test/fixtures/ocr/license-sans-0-scan.jpg';
const UPSIDE_DOWN_JPG = 'test/fixtures/ocr/license-serif-0-upside-down.jpg';
const SCAN_PDF = 'test/fixtures/ocr/license-sans-1-scan-pdf.pdf';
const ID_PHOTO = 'test/fixtures/ocr/id-front-serif-0-photo.jpg';

let testPage: TestPage | undefined;
let server: StaticServer;
let browser: Browser;
let page: Page;
let requests: RequestLog;
const violations: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  testPage = await buildReaderPage(join(REPO_ROOT, 'test/e2e/support/reader-entry.ts'), 'reader');
  for (const folder of ['examples/ready', 'examples/scans-jpg', 'test/fixtures/ocr']) {
    mkdirSync(join(testPage.root, folder), { recursive: true });
    cpSync(join(REPO_ROOT, folder), join(testPage.root, folder), { recursive: true });
  }
  server = await serveFolder(testPage.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
  // One page for the whole file: the model loads once, as in the app.
  page = await browser.newPage();
  requests = await recordRequests(page, server.url);
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => document.title === 'ready');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  testPage?.remove();
});

function read(path: string, name?: string): Promise<TimedRead> {
  return page.evaluate(
    ([p, n]) =>
      (window as unknown as { readerTest: ReaderTest }).readerTest.read(p, n ?? undefined),
    [path, name ?? null] as const,
  );
}

function expectedFields(path: string): Record<string, string> {
  return (
    JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as { fields: Record<string, string> }
  ).fields;
}

let firstOcrMs = 0;

/** How many times the page fetched the PP-OCR detection model. */
function modelFetches(): number {
  return requests.attempted.filter((u) => u.endsWith('/ch_PP-OCRv4_det_infer.onnx')).length;
}

function within(box: Box, g: PageGeometry): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.w <= g.width && box.y + box.h <= g.height;
}

/**
 * The page drawn by renderPage in the geometry's space has ink under every field's box
 * (a wrong turn or scale would put the boxes on paper), far more than the page average.
 */
async function expectBoxesOnInk(
  path: string,
  mime: string,
  doc: ExtractedDocument,
  geometry: PageGeometry,
): Promise<void> {
  const boxes = Object.values(doc.boxes ?? {}).filter((b) => b.page === 0);
  expect(boxes.length).toBeGreaterThanOrEqual(3);
  const ink = await page.evaluate(
    ([p, m, g, b]) =>
      (window as unknown as { readerTest: ReaderTest }).readerTest.inkUnder(p, m, 0, g, b),
    [path, mime, geometry, boxes] as const,
  );
  for (const share of ink.inside) expect(share).toBeGreaterThan(0.03);
  const mean = ink.inside.reduce((a, v) => a + v, 0) / ink.inside.length;
  expect(mean).toBeGreaterThan(ink.page * 2);
}

describe('DocumentReader in Chromium under the app CSP', () => {
  it('reads a text PDF through its text layer, in points, and renders the page', async () => {
    // examples/scans-jpg is the same fictional company as examples/ready, with its fields.
    const expected = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'examples/scans-jpg/expected.json'), 'utf8')) as {
        fields: Record<string, Record<string, string>>;
      }
    ).fields['business-license']!;
    const { result, stages } = await read('examples/ready/license.pdf');
    const doc = result.document;
    expect(doc.error).toBeUndefined();
    expect(doc.kind).toBe('business-license');
    expect(doc.fields.creditCode).toBe(expected.creditCode);
    expect(doc.fields.companyName).toBe(expected.companyName);
    expect(stages[0]).toBe('reading');
    expect(stages).not.toContain('loading-ocr');
    expect(result.pages).toHaveLength(1);
    const geometry = result.pages[0]!;
    expect(geometry.rotation).toBe(0);
    // A4 landscape, in points.
    expect(geometry.width).toBeCloseTo(841.9, 0);
    expect(geometry.height).toBeCloseTo(595.3, 0);
    const box = doc.boxes?.creditCode;
    expect(box).toBeDefined();
    expect(within(box!, geometry)).toBe(true);
    const image = await page.evaluate(
      ([g]) =>
        (window as unknown as { readerTest: ReaderTest }).readerTest.render(
          'examples/ready/license.pdf',
          'application/pdf',
          0,
          g,
          2,
        ),
      [geometry] as const,
    );
    expect(image.type).toBe('image/png');
    expect(Math.abs(image.width - geometry.width * 2)).toBeLessThanOrEqual(1);
    await expectBoxesOnInk('examples/ready/license.pdf', 'application/pdf', doc, geometry);
  }, 60_000);

  it('reads a scanned license with PP-OCR in the worker, and draws the page under its boxes', async () => {
    const truth = expectedFields(LICENSE_JPG.replace(/\.jpg$/, '.json'));
    const first = await read(LICENSE_JPG);
    const doc = first.result.document;
    expect(doc.error).toBeUndefined();
    expect(doc.source).toBe('paddle');
    expect(doc.kind).toBe('business-license');
    expect(doc.fields.creditCode).toBe(truth.creditCode);
    expect(doc.fields.companyName).toBe(truth.companyName);
    expect(first.stages).toEqual(['reading', 'loading-ocr', 'ocr', 'extracting']);
    const geometry = first.result.pages[0]!;
    expect(first.result.pages).toHaveLength(1);
    expect(geometry.rotation).toBe(0);
    expect(within(doc.boxes!.creditCode!, geometry)).toBe(true);
    firstOcrMs = first.ms;

    const image = await page.evaluate(
      ([g]) =>
        (window as unknown as { readerTest: ReaderTest }).readerTest.render(
          'test/fixtures/ocr/license-sans-0-scan.jpg',
          'image/jpeg',
          0,
          g,
          0.5,
        ),
      [geometry] as const,
    );
    expect(Math.abs(image.width - geometry.width * 0.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(image.height - geometry.height * 0.5)).toBeLessThanOrEqual(1);
    await expectBoxesOnInk(LICENSE_JPG, 'image/jpeg', doc, geometry);
  }, 120_000); // the model load included: 58 s at load average 35

  it('reuses the model for the next file (an upside-down scan: turned 180° in the geometry)', async () => {
    const truth = expectedFields(UPSIDE_DOWN_JPG.replace(/\.jpg$/, '.json'));
    const second = await read(UPSIDE_DOWN_JPG);
    const { result } = second;
    expect(result.document.fields.creditCode).toBe(truth.creditCode);
    // The engine was not loaded again: no loading stage, the model fetched once so far.
    expect(second.stages).toEqual(['reading', 'ocr', 'extracting']);
    expect(modelFetches()).toBe(1);
    // OCR ran off the main thread: its timers kept firing.
    expect(second.longestFrameGap).toBeLessThan(1000);
    console.info(
      `paddle in Chromium: first read ${firstOcrMs} ms (model load included), second ${second.ms} ms; longest main-thread gap ${second.longestFrameGap} ms`,
    );
    expect(result.pages[0]!.rotation).toBe(180);
    expect(within(result.document.boxes!.creditCode!, result.pages[0]!)).toBe(true);
    await expectBoxesOnInk(UPSIDE_DOWN_JPG, 'image/jpeg', result.document, result.pages[0]!);
  }, 60_000);

  it('applies EXIF orientation: a sideways phone JPEG reads, turned 90° in the geometry', async () => {
    const truth = expectedFields(LICENSE_JPG.replace(/\.jpg$/, '.json'));
    await page.evaluate(
      ([p]) =>
        (window as unknown as { readerTest: ReaderTest }).readerTest.makeExifRotated(
          p,
          'sideways.jpg',
        ),
      [LICENSE_JPG] as const,
    );
    const { result } = await read('sideways.jpg');
    expect(result.document.fields.creditCode).toBe(truth.creditCode);
    const geometry = result.pages[0]!;
    expect(geometry.rotation).toBe(90);
    // The page is landscape once turned, as the original scan.
    expect(geometry.width).toBeGreaterThan(geometry.height);
    await expectBoxesOnInk('sideways.jpg', 'image/jpeg', result.document, geometry);
  }, 60_000);

  it('reads a phone photo cut from the desk and squared, and draws that page under its boxes', async () => {
    const { result } = await read(ID_PHOTO);
    const doc = result.document;
    expect(doc.kind).toBe('id-card-front');
    const geometry = result.pages[0]!;
    // The card alone (85.6 × 54 mm), not the photo with the desk around it.
    expect(geometry.width / geometry.height).toBeCloseTo(85.6 / 54, 1);
    await expectBoxesOnInk(ID_PHOTO, 'image/jpeg', doc, geometry);
  }, 60_000);

  it('reads an image-only PDF by rendering its page and OCR, and draws it in the boxes space', async () => {
    const truth = expectedFields(SCAN_PDF.replace(/\.pdf$/, '.json'));
    const { result, stages, longestFrameGap } = await read(SCAN_PDF);
    expect(result.document.error).toBeUndefined();
    expect(result.document.fields.creditCode).toBe(truth.creditCode);
    expect(stages).toContain('ocr');
    expect(result.pages).toHaveLength(1);
    const geometry = result.pages[0]!;
    expect(within(result.document.boxes!.creditCode!, geometry)).toBe(true);
    await expectBoxesOnInk(SCAN_PDF, 'application/pdf', result.document, geometry);
    console.info(`image-only PDF: longest main-thread gap ${longestFrameGap} ms`);
  }, 60_000);

  it('cancelling during OCR rejects with AbortError, and the next read still works', async () => {
    const outcome = await page.evaluate(
      ([p]) => (window as unknown as { readerTest: ReaderTest }).readerTest.readAndCancel(p),
      [LICENSE_JPG] as const,
    );
    expect(outcome).toBe('AbortError');
    const after = await read('examples/ready/license.pdf');
    expect(after.result.document.kind).toBe('business-license');
    // The worker stopped mid-inference was replaced: the model is loaded again, once.
    const truth = expectedFields(ID_PHOTO.replace(/\.jpg$/, '.json'));
    const ocr = await read(ID_PHOTO);
    expect(ocr.stages).toContain('loading-ocr');
    expect(ocr.result.document.fields.idNumber).toBe(truth.idNumber);
    expect(modelFetches()).toBe(2);
  }, 60_000);

  it('reads with tesseract.js after setEngine', async () => {
    const truth = expectedFields(ID_PHOTO.replace(/\.jpg$/, '.json'));
    await page.evaluate(() =>
      (window as unknown as { readerTest: ReaderTest }).readerTest.setEngine('tesseract'),
    );
    try {
      const { result, ms } = await read(ID_PHOTO);
      expect(result.document.source).toBe('tesseract');
      expect(result.document.kind).toBe('id-card-front');
      expect(result.document.fields.name).toBe(truth.name);
      console.info(`tesseract in Chromium: first read ${ms} ms (model load included)`);
    } finally {
      await page.evaluate(() =>
        (window as unknown as { readerTest: ReaderTest }).readerTest.setEngine('paddle'),
      );
    }
  }, 60_000);

  it('prepare() loads the engine before any file, so the first scan does not wait for it', async () => {
    // setEngine('paddle') above ended the idle worker: no engine is loaded now.
    const truth = expectedFields(ID_PHOTO.replace(/\.jpg$/, '.json'));
    const fetchesBefore = modelFetches();
    const prepareMs = await page.evaluate(() =>
      (window as unknown as { readerTest: ReaderTest }).readerTest.prepare(),
    );
    expect(modelFetches()).toBe(fetchesBefore + 1);
    const { result, stages, ms } = await read(ID_PHOTO);
    expect(stages).not.toContain('loading-ocr');
    expect(result.document.fields.idNumber).toBe(truth.idNumber);
    // A second prepare() is free: the engine is kept.
    await page.evaluate(() =>
      (window as unknown as { readerTest: ReaderTest }).readerTest.prepare(),
    );
    expect(modelFetches()).toBe(fetchesBefore + 1);
    console.info(`PP-OCR in Chromium: prepare() ${prepareMs} ms, then an ID photo in ${ms} ms`);
  }, 60_000);

  it('a read cancelled while the engine loads ahead leaves the load alone', async () => {
    // Switching engines ends the idle worker: nothing is loaded now.
    await page.evaluate(() => {
      const t = (window as unknown as { readerTest: ReaderTest }).readerTest;
      t.setEngine('tesseract');
      t.setEngine('paddle');
    });
    const fetchesBefore = modelFetches();
    const outcome = await page.evaluate(
      ([p]) =>
        (window as unknown as { readerTest: ReaderTest }).readerTest.prepareThenCancelRead(p),
      ['examples/ready/license.pdf'] as const,
    );
    expect(outcome).toBe('AbortError');
    const { stages } = await read(ID_PHOTO);
    expect(stages).not.toContain('loading-ocr');
    expect(modelFetches()).toBe(fetchesBefore + 1);
  }, 60_000);

  it('a pool of two workers reads two scans at once, each with its own engine', async () => {
    const truth = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'examples/scans-jpg/expected.json'), 'utf8')) as {
        fields: Record<string, Record<string, string>>;
      }
    ).fields;
    const fetchesBefore = modelFetches();
    const { documents, overlapped } = await page.evaluate(
      ([paths]) =>
        (window as unknown as { readerTest: ReaderTest }).readerTest.readTogether([...paths], 2),
      [['examples/scans-jpg/license.jpg', 'examples/scans-jpg/id-front.jpg']] as const,
    );
    expect(documents.map((d) => d.kind)).toEqual(['business-license', 'id-card-front']);
    expect(documents[0]!.fields.creditCode).toBe(truth['business-license']!.creditCode);
    expect(documents[1]!.fields.idNumber).toBe(truth['id-card-front']!.idNumber);
    // An onnxruntime session lives in one worker's wasm memory: each worker loads the model.
    expect(modelFetches()).toBe(fetchesBefore + 2);
    // The second file's OCR began before the first file was done.
    expect(overlapped).toBe(true);
  }, 120_000);

  it('gives one sentence for bad files instead of throwing', async () => {
    const { result } = await read('examples/ready/dossier.json', 'notes.pdf');
    expect(result.document.error).toMatch(/neither a PDF nor a JPG or PNG/);
    expect(result.pages).toEqual([]);
  });

  it('ships the OCR runtime once: no second copy of the 14 MB wasm among the bundled assets', () => {
    expect(readdirSync(join(testPage!.root, 'assets')).filter((n) => n.endsWith('.wasm'))).toEqual(
      [],
    );
    expect(requests.attempted.some((u) => u.endsWith('/ocr/ort/ort-wasm-simd-threaded.wasm'))).toBe(
      true,
    );
  });

  it('made no request leaving the origin and no CSP violation', () => {
    expect(requests.leaving).toEqual([]);
    expect(requests.attempted.every((u) => u.startsWith(server.url))).toBe(true);
    expect(requests.attempted.some((u) => u.includes('/ocr/paddle/'))).toBe(true);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
