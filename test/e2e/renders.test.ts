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
  reviewScreen(tab?: 'review' | 'documents'): Promise<{ documentId: string; fields: string[] }>;
  importRows(): void;
  renderCounts(): Record<string, number>;
  resetRenderCounts(): void;
  cascades(): Record<string, number>;
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
const cascades = (): Promise<Record<string, number>> =>
  page.evaluate(() => (window as unknown as { rendersTest: RendersTest }).rendersTest.cascades());
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

  // A layout effect that sets state (antd's Typography measuring its ellipsis, Badge
  // animating a count) makes React render again inside the task that committed: the
  // import's commit of a new document, its effects and that render were one long task
  // (bench/ui-profile.ts --react). The dossier screen's own parts commit once.
  it('a document arriving in a slot, and the counts changing, commit without a cascade', async () => {
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate(() =>
      (window as unknown as { rendersTest: RendersTest }).rendersTest.reviewScreen('documents'),
    );
    const slot = (kind: string) => page.locator(`[data-testid="slot"][data-kind="${kind}"]`);
    const filled = (kind: string, yes: boolean) =>
      slot(kind)
        .and(page.locator(`[data-filled="${String(yes)}"]`))
        .waitFor();
    await filled('business-license', true);
    await page.evaluate(() =>
      (window as unknown as { removeDocument: () => Promise<void> }).removeDocument(),
    );
    await filled('business-license', false);
    await settled();
    await reset();
    // Back in its slot, as an import brings a document: its card (thumbnail, file name,
    // fields read, actions) mounts, and the review's and the checks' counts change.
    await page.evaluate(() =>
      (window as unknown as { bringBack: () => Promise<void> }).bringBack(),
    );
    await filled('business-license', true);
    const after = await settled();
    expect(after.SlotDocument ?? 0).toBeGreaterThan(0);
    expect(await cascades()).toEqual({});
    // The long name is cut by CSS, whole in its title.
    const name = slot('business-license').getByTestId('slot-file');
    expect(await name.getAttribute('title')).toContain('加盖公章');
    expect(await name.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
  }, 120_000);
});
