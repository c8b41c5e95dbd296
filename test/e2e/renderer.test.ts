// The first window's renderer in Debian's Chromium, under the app's CSP, with the web
// bridge: pick an example dossier's dossier.json and PDFs, and see every check listed with
// the verdict the CLI golden tests expect; nothing leaves the origin meanwhile.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/core/checks/types';
import { APP_RESPONSE_HEADERS } from '../../src/main/policy/csp';
import { REPO_ROOT } from '../cli/run-cli';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildRenderer, recordRequests, type RequestLog } from './support/renderer-build';

let built: Awaited<ReturnType<typeof buildRenderer>>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  built = await buildRenderer();
  server = await serveFolder(built.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

interface Expected {
  today: string;
  verdict: 'ready' | 'blocked';
  failing: string[];
}

async function openApp(
  today: string,
): Promise<{ page: Page; requests: RequestLog; violations: string[] }> {
  const page = await browser.newPage();
  await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  const requests = await recordRequests(page, server.url);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${server.url}/index.html`);
  return { page, requests, violations };
}

async function choose(page: Page, button: string | RegExp, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(files);
}

async function checkExample(
  name: string,
): Promise<{ page: Page; requests: RequestLog; violations: string[]; expected: Expected }> {
  const dir = join(REPO_ROOT, 'examples', name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const opened = await openApp(expected.today);
  await choose(opened.page, 'dossier.json…', [join(dir, 'dossier.json')]);
  await opened.page.getByTestId('dossier-json').waitFor();
  const pdfs = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join(dir, f));
  await choose(opened.page, /Choose documents/, pdfs);
  await opened.page.getByTestId('verdict').waitFor({ timeout: 60_000 });
  return { ...opened, expected };
}

async function statuses(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page
      .locator('[data-check]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-check'), r.getAttribute('data-status')]),
      ),
  ) as Record<string, string>;
}

describe('the renderer lists the checks of a dossier read in the browser', () => {
  it('says it is offline before anything is chosen', async () => {
    const { page } = await openApp('2026-11-24');
    await expect(page.getByTestId('offline-status').textContent()).resolves.toContain(
      'offline: files never leave this computer',
    );
    await page.close();
  });

  it.each(['ready', 'bank-name-half-width'])(
    'example %s: every check, its status and message, and the expected verdict',
    async (name) => {
      const { page, requests, violations, expected } = await checkExample(name);
      expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe(expected.verdict);
      const byId = await statuses(page);
      expect(Object.keys(byId)).toEqual([...CHECK_IDS]);
      const failing = Object.entries(byId)
        .filter(([, s]) => s === 'fail')
        .map(([id]) => id);
      expect(failing.sort()).toEqual([...expected.failing].sort());
      // Every row carries a message (Chinese and English).
      const messages = await page.locator('[data-check] td:nth-child(3)').allTextContents();
      expect(messages.every((m) => m.trim().length > 4)).toBe(true);
      // The documents were read with the bundled pdfjs worker, under the CSP, offline.
      expect(await page.getByTestId('documents').textContent()).not.toContain('unknown');
      expect(requests.attempted.some((u) => u.includes('pdf.worker'))).toBe(true);
      expect(requests.leaving).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
    },
  );
});
