// The same pack code in Debian's Chromium with the web host adapters (OffscreenCanvas,
// Web Crypto, the font fetched from the app's own origin), as the app's Export runs it;
// the pack it makes is then read back in Node with 7-Zip, pdfjs and the Node hasher.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../src/core/pack';
import { nodeHasher } from '../../src/pack-host/hasher.node.ts';
import { reportFontPath } from '../../src/pack-host/report-font.node.ts';
import { REPO_ROOT } from '../cli/run-cli';
import { launchChromium, serveFolder, type StaticServer } from '../e2e/support/chromium';
import { buildTestPage, type TestPage } from '../e2e/support/test-page';
import { pdfPageText, zipEntry, zipTestsOk } from '../support/read-back';

let testPage: TestPage | undefined;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  testPage = await buildTestPage(join(REPO_ROOT, 'test/pack/browser-entry.ts'), 'pack-browser');
  const root = testPage.root;
  copyFileSync(reportFontPath(), join(root, 'NotoSansHans-Regular.otf'));
  server = await serveFolder(root);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  testPage?.remove();
});

describe('the pack in Chromium', () => {
  it('converts PNG scans to watermarked JPGs, packs, and verifies with Web Crypto; Node agrees', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const result = await page.evaluate(async () => {
      const w = window as unknown as {
        runPack: () => Promise<{
          zip: number[];
          names: string[];
          status: string;
          changes: string[];
        }>;
      };
      return w.runPack();
    });
    expect(errors).toEqual([]);
    expect(result.status).toBe('intact');
    expect(result.names).toEqual([
      '01-营业执照-杭州青梧屿贸易有限公司.jpg',
      '02-法人身份证-人像面.jpg',
      '03-法人身份证-国徽面.jpg',
      'accounts.csv',
      'report.pdf',
      'manifest.json',
    ]);
    expect(result.changes[0]).toMatch(
      /^license\.png → 01-营业执照-杭州青梧屿贸易有限公司\.jpg, PNG→JPG, /,
    );
    const zip = new Uint8Array(result.zip);
    const root = testPage!.root;
    const path = join(root, 'browser-pack.zip');
    writeFileSync(path, zip);
    expect(zipTestsOk(path)).toBe(true);
    expect((await verifyPack(zip, nodeHasher)).status).toBe('intact');
    expect(await pdfPageText(new Uint8Array(zipEntry(path, 'report.pdf')), 1)).toContain(
      '杭州青梧屿贸易有限公司',
    );
  }, 120_000);
});
