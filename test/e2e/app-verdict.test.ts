// Issue 14 in Debian's Chromium against the app's own build: a dossier never turns ready on
// a reading that failed. An ID front whose name was not read keeps the dossier blocked
// ("未读取到") until the name is typed (found by its label) and confirmed; confirm-all on one
// document confirms exactly the fields its dialog listed; the audit tab shows who did what
// and exports CSV with a BOM; the same license goes into a second dossier, noted, and is
// refused twice in one. Screenshots: test-results/ui-verdict-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../src/core/dossier';
import { extractDocument } from '../../src/core/extract';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import { createDossier, createVault, pdfsOf, type DossierPage } from './pages/dossier';
import { clickInDialog } from './pages/screen-state';

const TODAY = '2026-11-24';
const app = useApp();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/ui-verdict-${name}.png`, fullPage: true });
}

/** The name the ID card should show: the license's legal representative. */
async function legalRepresentative(dir: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(join(dir, 'license.pdf')));
  const license = extractDocument(await readPdfTextNode(bytes), 'license.pdf');
  const name = license.fields.legalRepresentative;
  if (!name) throw new Error('the example license has no legal representative');
  return name;
}

async function statusOf(screen: DossierPage, id: string): Promise<string | null> {
  return screen.check(id).getAttribute('data-status');
}

async function confirmedFields(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="field-row"][data-confirmed="true"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field') ?? ''));
}

describe('the verdict never rests on a failed reading (issue 14)', () => {
  it('blocks until an unread name is typed and confirmed; confirm-all stays on its tab; audit; a license in two dossiers', async () => {
    const opened = await app.open(TODAY);
    const { page } = opened;
    const dir = join(REPO_ROOT, 'examples', 'id-name-not-read');
    const stated = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierFile;
    const name = await legalRepresentative(dir);

    await createVault(page);
    const screen = await createDossier(page, '青梧屿示例公司');
    const outcomes = await screen.importFiles(pdfsOf(dir));
    expect(Object.values(outcomes)).toEqual(['imported', 'imported', 'imported', 'imported']);
    await screen.fillAccounts(stated.accounts);
    await screen.fillDeclared(stated.declared);

    // Blocked: the name on the ID front was not read, so the comparison fails, not skips.
    await screen.tab('checks');
    await page.getByTestId('verdict').waitFor();
    expect(await screen.verdict()).toBe('blocked');
    expect(await statusOf(screen, 'legal-rep.license-vs-id')).toBe('fail');
    expect(await screen.check('legal-rep.license-vs-id').innerText()).toContain('未读取到');
    // Failures first: the first group and the first row are the failure; passes are folded.
    const groups = await page
      .getByTestId('checks-group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups[0]).toBe('fail');
    expect(await page.getByTestId('check-row').first().getAttribute('data-check')).toBe(
      'legal-rep.license-vs-id',
    );
    expect(await screen.check('docs.complete').isVisible()).toBe(false);
    await shot(page, 'checks-failures-first');

    // The check links to the field; the name is typed into the input labelled 姓名.
    await screen
      .check('legal-rep.license-vs-id')
      .locator('[data-testid="check-link"][data-target="id-card-front.name"]')
      .click();
    await page.getByTestId('review').waitFor();
    const nameRow = screen.field('name');
    await nameRow.and(page.locator('[data-selected="true"]')).waitFor();
    await page.getByLabel('姓名').fill(name);
    // Typed but not confirmed: leaving the tab asks, and after discarding it is still blocked.
    await screen.tab('checks');
    expect(await page.getByTestId('unsaved-prompt').innerText()).toContain('姓名');
    await clickInDialog(page.getByTestId('unsaved-discard'));
    expect(await screen.verdict()).toBe('blocked');
    await screen.tab('review');
    await page.getByLabel('姓名').fill(name);
    await nameRow.getByTestId('confirm-field').click();
    await nameRow.and(page.locator('[data-confirmed="true"]')).waitFor({ timeout: 30_000 });
    await screen.tab('checks');
    await page.locator('[data-testid="verdict"][data-verdict="ready"]').waitFor();
    expect(await statusOf(screen, 'legal-rep.license-vs-id')).toBe('pass');

    // Confirm-all on the license tab: a dialog lists the fields, and exactly those are
    // confirmed, on this document only.
    await screen.tab('review');
    await page.locator('[data-testid="review-document"][data-kind="business-license"]').click();
    await page.locator('[data-testid="review"][data-kind="business-license"]').waitFor();
    await page.getByTestId('confirm-all').click();
    await page.getByTestId('confirm-all-list').waitFor();
    const listed = await page
      .getByTestId('confirm-all-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-field') ?? ''));
    expect(listed.length).toBeGreaterThan(3);
    await shot(page, 'confirm-all-dialog');
    await clickInDialog(page.locator('#confirm-all-ok'));
    await page.getByTestId('review-notice').waitFor();
    // The notice can come before the rows re-render with their confirmations.
    await expect
      .poll(async () => (await confirmedFields(page)).sort(), { timeout: 30_000 })
      .toEqual([...listed].sort());
    await shot(page, 'review');
    for (const kind of ['id-card-front', 'id-card-back', 'bank-permit']) {
      await page.locator(`[data-testid="review-document"][data-kind="${kind}"]`).click();
      await page.locator(`[data-testid="review"][data-kind="${kind}"]`).waitFor();
      expect(await confirmedFields(page), kind).toEqual(kind === 'id-card-front' ? ['name'] : []);
    }

    // The audit tab: one confirmation per listed field plus the typed name, with who.
    await screen.tab('audit');
    await page.getByTestId('audit').waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    const confirms = page.locator('[data-testid="audit-row"][data-action="confirm"]');
    expect(await confirms.count()).toBe(listed.length + 1);
    expect(await confirms.first().innerText()).toContain('本机用户');
    await page.getByLabel('按字段或详情筛选').fill('姓名');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="audit-row"]').length === 1,
    );
    await page.getByLabel('按字段或详情筛选').fill('');
    await shot(page, 'audit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('确认字段');

    // The same license goes into another company's dossier, noted; twice into one, refused.
    await page.getByTestId('nav-list').click();
    await page.getByTestId('screen-dossiers').waitFor();
    const other = await createDossier(page, '宁波远帆电子商务有限公司');
    const first = await other.importFiles([join(dir, 'license.pdf')]);
    expect(first).toEqual({ 'license.pdf': 'imported' });
    expect(await page.getByTestId('import-also-in').innerText()).toContain('青梧屿示例公司');
    const again = await other.importFiles([join(dir, 'license.pdf')]);
    expect(again).toEqual({ 'license.pdf': 'duplicate' });
    await shot(page, 'second-dossier');

    expect(opened.requests.leaving).toEqual([]);
    expect(opened.violations).toEqual([]);
    expect(opened.errors).toEqual([]);
  }, 600_000);
});
