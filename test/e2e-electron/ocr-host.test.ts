// The native OCR host in the packaged shell: the page asks window.ocrHost for a port, main
// forks the host as an Electron utility process and hands the two ends over, and a real
// scan dropped into a dossier is read there (onnxruntime-node), not in a wasm worker.
// Runs only where the Electron binary is installed (`node scripts/ensure-electron.mjs`)
// and the app is built; elsewhere it is skipped with the reason printed. Where it cannot
// run, test/ocr-host/host.test.ts runs the same host code in a Node child process.
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/run-cli';
import { createDossier, createVault } from '../e2e/pages/dossier';
import { electronBinary, electronSkipReason, launchApp } from './electron-binary';

const binary = electronBinary();
const skipReason = electronSkipReason(binary);
if (skipReason !== null) console.log(`test/e2e-electron/ocr-host skipped: ${skipReason}.`);

describe.skipIf(skipReason !== null)('the native OCR host in the Electron shell', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ({ app, page } = await launchApp(binary));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives the page one function to ask for the host, and no Node', async () => {
    const bridge = await page.evaluate(() => ({
      keys: Object.keys((window as { ocrHost?: object }).ocrHost ?? {}),
      require: typeof (globalThis as { require?: unknown }).require,
    }));
    expect(bridge).toEqual({ keys: ['connect'], require: 'undefined' });
  });

  it('reads a dropped scan in the utility process, on the native runtime', async () => {
    await createVault(page);
    await createDossier(page, '青梧屿测速科技有限公司');
    const mark = await page.waitForFunction(
      () =>
        (performance.getEntriesByName('dossier:ocr-pool')[0] as PerformanceMark | undefined)
          ?.detail as { ocr?: string } | undefined,
    );
    expect(((await mark.jsonValue()) as { ocr?: string }).ocr).toBe('native-host');
    await page
      .locator('[data-testid="import-panel"] input[type=file]')
      .setInputFiles(join(REPO_ROOT, 'examples/scans-jpg/license.jpg'));
    const row = page.locator('[data-testid="import-row"][data-file="license.jpg"]');
    await row.and(page.locator('[data-stage="done"]')).waitFor({ timeout: 180_000 });
    // The host is a utility process of its own, named by main.
    const utilities = await app.evaluate(({ app: electronApp }) =>
      electronApp
        .getAppMetrics()
        .filter((p) => p.type === 'Utility')
        .map((p) => p.serviceName ?? p.name ?? ''),
    );
    expect(utilities).toContain('Dossier Vault OCR');
    await page.getByTestId('tab-review').click();
    await expect
      .poll(() =>
        page
          .getByTestId('review-document')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))),
      )
      .toContain('business-license');
  }, 300_000);
});
