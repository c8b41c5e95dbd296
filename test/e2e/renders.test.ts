// What a change renders again, counted in Chromium in the app's own components (React's
// commits, through a DevTools hook: test/e2e/support/render-counter.ts): confirming one
// field of the review renders that field's row, not the other rows; one file's progress
// renders its import row, not the others. Renders are counted, never timed: the main
// thread's long tasks are bench:ui's figure (npm run bench:ui -- --scans).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS } from '../../src/main/policy/csp';
import { REPO_ROOT } from '../cli/run-cli';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildTestPage, type TestPage } from './support/test-page';

interface RendersTest {
  reviewScreen(): Promise<{ documentId: string; fields: string[] }>;
  importRows(): void;
  renderCounts(): Record<string, number>;
  resetRenderCounts(): void;
}

let testPage: TestPage | undefined;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  testPage = await buildTestPage(join(REPO_ROOT, 'test/e2e/support/renders-entry.ts'), 'renders');
  server = await serveFolder(testPage.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => document.title === 'ready');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  testPage?.remove();
});

const counts = (): Promise<Record<string, number>> =>
  page.evaluate(() =>
    (window as unknown as { rendersTest: RendersTest }).rendersTest.renderCounts(),
  );
const reset = (): Promise<void> =>
  page.evaluate(() =>
    (window as unknown as { rendersTest: RendersTest }).rendersTest.resetRenderCounts(),
  );

/** Waits until no commit has come for `quietMs` (the screen has settled). */
async function settled(quietMs = 600): Promise<Record<string, number>> {
  let last = JSON.stringify(await counts());
  for (;;) {
    await page.waitForTimeout(quietMs);
    const now = JSON.stringify(await counts());
    if (now === last) return JSON.parse(now) as Record<string, number>;
    last = now;
  }
}

describe('what a change renders again', () => {
  it('confirming one field renders its row only', async () => {
    const { documentId, fields } = await page.evaluate(() =>
      (window as unknown as { rendersTest: RendersTest }).rendersTest.reviewScreen(),
    );
    const rows = page.getByTestId('field-row');
    await page.getByTestId('review').waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(fields.length);
    await settled();
    await reset();

    const field = fields[3]!;
    await page.evaluate(
      ([id, name]) =>
        (
          window as unknown as {
            confirmField: (d: string, f: string, v: string) => Promise<void>;
          }
        ).confirmField(id, name, '林晓岚'),
      [documentId, field] as const,
    );
    await page
      .locator(`[data-testid="field-row"][data-field="${field}"][data-confirmed="true"]`)
      .waitFor({ timeout: 30_000 });
    const after = await settled();
    // The dossier was read again and the review rendered with it; of its rows, only the one
    // confirmed (before: every row, their proposals and the unread fields new objects).
    expect(after.ReviewTab ?? 0).toBeGreaterThan(0);
    expect(after.FieldRow).toBe(1);
  }, 120_000);

  it("one file's progress renders its import row only", async () => {
    await page.evaluate(() =>
      (window as unknown as { rendersTest: RendersTest }).rendersTest.importRows(),
    );
    await page.getByTestId('import-row').nth(3).waitFor();
    await settled();
    await reset();
    await page.evaluate(() => (window as unknown as { stepRow: (at: number) => void }).stepRow(2));
    await page.locator('[data-testid="import-row"][data-file="id-back.jpg"]').waitFor();
    const after = await settled();
    expect(after.ImportPanel).toBe(1);
    expect(after.ImportRowView).toBe(1);
    expect(
      await page.locator('[data-testid="import-row"][data-file="id-back.jpg"]').innerText(),
    ).toContain('50%');
    // The drop zone (antd's Upload) is not rendered again by a row's progress.
    expect(after.DropZone ?? 0).toBe(0);
    expect(after.InternalUpload ?? 0).toBe(0);
  });
});
