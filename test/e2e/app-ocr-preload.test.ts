// The OCR models load while the vault opens, not at the first file (issue 14, "Faster in
// the app"): the built app in Debian's Chromium under its headers. With the native OCR
// host (the Electron app's way, through the stand-in bridge of
// test/e2e/support/native-host-bridge.ts, the real host code in a Node child process),
// opening the vault asks the host to load its engine, and the first file dropped is read
// by an engine already loaded (its read reports no 'loading-ocr'); without the host (the
// browser build), opening the vault makes the OCR worker fetch the models before any file.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS } from '../../src/main/policy/csp';
import { REPO_ROOT } from '../cli/run-cli';
import { OCR_HOST_CHILD } from '../support/ocr-host-child';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { installNativeHost, type StandInCounts } from './support/native-host-bridge';
import { buildRenderer } from './support/renderer-build';
import { createDossier, createVault } from './pages/dossier';

const LICENSE = join(REPO_ROOT, 'examples/scans-jpg/license.jpg');

let built: Awaited<ReturnType<typeof buildRenderer>>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  built = await buildRenderer();
  server = await serveFolder(built.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`Not within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the OCR models load while the vault opens', () => {
  it('with the native host: the host loads at unlock, and the first file finds it loaded', async () => {
    const context = await browser.newContext();
    const host = await installNativeHost(context, server, OCR_HOST_CHILD);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/index.html`);
      const counts = () => host.counts(page);
      // Before the vault: nothing asked of the host.
      expect((await counts()).toHost).toBe(0);
      await createVault(page);
      // The vault is open and no file was given: the host is asked to load, and loads.
      const loaded = await until(
        counts,
        (c: StandInCounts) => c.toPageMs.some((m) => m.type === 'loaded'),
        120_000,
      );
      expect(loaded.toHostMs.map((m) => m.type)).toEqual(['load']);
      const dossier = await createDossier(page, '青梧屿预载科技有限公司');
      // While it is read, its row's progress bar moves without a width transition (each
      // update animated on the main thread, frame after frame, for the whole import).
      const bar = page.locator('[data-testid="import-row"] .dv-import-progress');
      const imported = dossier.importFiles([LICENSE], 180_000);
      await bar.first().waitFor({ timeout: 60_000 });
      const transitions = await bar.first().evaluate((el) =>
        [el, ...el.querySelectorAll('*')]
          .map((e) => getComputedStyle(e))
          .filter((st) => st.transitionProperty !== 'none')
          .map((st) => st.transitionDuration)
          .filter((d) => d.split(',').some((x) => parseFloat(x) > 0)),
      );
      expect(transitions).toEqual([]);
      expect(await imported).toEqual({
        'license.jpg': 'imported',
      });
      const after = await counts();
      expect(after.toHostMs.map((m) => m.type)).toEqual(['load', 'read']);
      const read = after.toHostMs[1]!.id;
      const stages = after.toPageMs.filter((m) => m.id === read).map((m) => m.stage ?? m.type);
      expect(stages).toContain('documents');
      expect(stages).not.toContain('loading-ocr');
    } finally {
      await context.close();
      await host.close();
    }
  }, 400_000);

  it('without the host: the OCR worker fetches the models once the vault is open, before any file', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const models: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.onnx')) models.push(new URL(r.url()).pathname);
      });
      await page.goto(`${server.url}/index.html`);
      await page.waitForTimeout(500);
      expect(models).toEqual([]);
      await createVault(page);
      await until(
        () => Promise.resolve(models.length),
        (n) => n >= 3,
        120_000,
      );
      expect(models.map((m) => m.slice(m.lastIndexOf('/') + 1)).sort()).toEqual([
        'ch_PP-OCRv4_det_infer.onnx',
        'ch_PP-OCRv4_rec_infer.onnx',
        'ch_ppocr_mobile_v2.0_cls_infer.onnx',
      ]);
      // No file was given: the import panel is not even on screen.
      expect(await page.getByTestId('import-row').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 300_000);
});
