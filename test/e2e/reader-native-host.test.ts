// The renderer's DocumentReader reading through the native OCR host (src/ocr-host), as in
// the Electron app, in Debian's Chromium under the app's CSP: the page gets the app's
// bridge from a stand-in (test/e2e/support/native-host-bridge.ts: the port relayed to the
// real host code in a Node child process, since the Electron binary is not here), and a
// scanned JPG and an image-only PDF (its pages rendered in the page, the rasters OCR'd by
// the host) give the fields `dossier extract` gives for the same files.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import { APP_RESPONSE_HEADERS } from '../../src/main/policy/csp';
import type { PageGeometry } from '../../src/renderer/model/contract';
import { REPO_ROOT, runCli } from '../cli/run-cli';
import { OCR_HOST_CHILD } from '../support/ocr-host-child';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { installNativeHost } from './support/native-host-bridge';
import { buildReaderPage } from './support/reader-page';
import type { TestPage } from './support/test-page';

const LICENSE_JPG = 'test/fixtures/ocr/license-sans-0-scan.jpg';
const SCAN_PDF = 'test/fixtures/ocr/license-sans-1-scan-pdf.pdf';

let testPage: TestPage | undefined;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let host: Awaited<ReturnType<typeof installNativeHost>> | undefined;
const errors: string[] = [];

beforeAll(async () => {
  testPage = await buildReaderPage(join(REPO_ROOT, 'test/e2e/support/reader-entry.ts'), 'reader');
  mkdirSync(join(testPage.root, 'test/fixtures/ocr'), { recursive: true });
  cpSync(join(REPO_ROOT, 'test/fixtures/ocr'), join(testPage.root, 'test/fixtures/ocr'), {
    recursive: true,
  });
  server = await serveFolder(testPage.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
  context = await browser.newContext();
  // Before the page loads: the reader looks for the bridge when it is created.
  host = await installNativeHost(context, server, OCR_HOST_CHILD);
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => document.title === 'ready');
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.close();
  await browser?.close();
  await server?.close();
  testPage?.remove();
});

interface Read {
  result: { document: ExtractedDocument; pages: PageGeometry[] };
  stages: string[];
}

function read(path: string): Promise<Read> {
  return page.evaluate(
    (p) =>
      (window as unknown as { readerTest: { read(path: string): Promise<Read> } }).readerTest.read(
        p,
      ),
    path,
  );
}

async function cliFields(path: string): Promise<Record<string, string | null>> {
  const run = await runCli(['extract', join(REPO_ROOT, path), '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as ExtractedDocument[])[0]!.fields;
}

describe('DocumentReader through the native OCR host', () => {
  it('says it reads with the host, not wasm workers', async () => {
    const mark = await page.evaluate(
      () =>
        (performance.getEntriesByName('dossier:ocr-pool')[0] as PerformanceMark | undefined)
          ?.detail as { workers: number; ocr: string } | undefined,
    );
    expect(mark).toEqual(expect.objectContaining({ workers: 1, ocr: 'native-host' }));
  });

  it('reads a scanned JPG in the host: the CLI’s fields, the native runtime, its progress', async () => {
    const [hosted, cli] = await Promise.all([read(LICENSE_JPG), cliFields(LICENSE_JPG)]);
    const doc = hosted.result.document;
    expect(doc.kind).toBe('business-license');
    expect(doc.ocrRuntime).toBe('native');
    expect(doc.fields).toEqual(cli);
    expect(hosted.result.pages).toHaveLength(1);
    expect(hosted.stages).toContain('loading-ocr');
    expect(hosted.stages).toContain('ocr');
    // No request to any wasm OCR file: the page never started a worker's engine.
    const counts = await host!.counts(page);
    expect(counts.toHost).toBeGreaterThan(0);
  }, 300_000);

  it('reads an image-only PDF: pages rendered in the page, OCR in the host, the CLI’s fields', async () => {
    const [hosted, cli] = await Promise.all([read(SCAN_PDF), cliFields(SCAN_PDF)]);
    expect(hosted.result.document.source).toBe('paddle');
    expect(hosted.result.document.fields).toEqual(cli);
    expect(hosted.result.pages.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
