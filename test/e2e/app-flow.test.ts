// The whole flow of issue #7 as a person does it, in Debian's Chromium against the app's
// own build (web bridge, app's CSP headers), with real OCR (PP-OCRv4 in the renderer's
// worker) on the example scans:
//   create a vault → new dossier → import license, ID front and back and bank form as JPG
//   scans → wait for OCR → the company-name check is flagged (brackets read by OCR must be
//   confirmed against the image) → review: correct the bank account name, confirm both
//   names → the check passes → enter the accounts → ready → lock, reload, unlock → still
//   ready.
// And a blocked dossier: an ID card expiring in 60 days, blocked by id.validity, and the
// list says it expires soon. Every request is recorded; none may leave the origin.
// Screenshots: test-results/ui-flow-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../src/core/dossier';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp, type OpenedApp } from './support/app-page';
import {
  createDossier,
  createVault,
  openDossier,
  pdfsOf,
  unlockVault,
  type DossierPage,
} from './pages/dossier';

const TODAY = '2026-11-24';

const app = useApp();

function example(name: string): {
  dir: string;
  dossier: DossierFile;
  files: (ext: string) => string[];
} {
  const dir = join(REPO_ROOT, 'examples', name);
  const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierFile;
  const files = (ext: string) =>
    ['license', 'id-front', 'id-back', 'bank'].map((n) => join(dir, `${n}.${ext}`));
  return { dir, dossier, files };
}

/** What OCR must read from the example's scans (its expected.json). */
function truth(name: string): Record<string, Record<string, string>> {
  const expected = JSON.parse(
    readFileSync(join(REPO_ROOT, 'examples', name, 'expected.json'), 'utf8'),
  ) as { fields: Record<string, Record<string, string>> };
  return expected.fields;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/ui-flow-${name}.png`, fullPage: true });
}

function expectStayedHome(opened: OpenedApp): void {
  expect(opened.requests.leaving).toEqual([]);
  expect(opened.violations).toEqual([]);
  expect(opened.errors).toEqual([]);
}

async function checkStatus(screen: DossierPage, id: string): Promise<string | null> {
  return screen.check(id).getAttribute('data-status');
}

/** Selects a field in the review of one document, types its value and confirms it. */
async function correctAndConfirm(
  screen: DossierPage,
  kind: string,
  field: string,
  value: string,
): Promise<void> {
  const { page } = screen;
  await screen.tab('review');
  await page.locator(`[data-testid="review-document"][data-kind="${kind}"]`).click();
  await page.locator(`[data-testid="review"]`).waitFor();
  const row = screen.field(field);
  await row.click();
  await row.and(page.locator('[data-selected="true"]')).waitFor();
  const edit = row.getByTestId('field-edit');
  await edit.fill(value);
  await row.getByTestId('confirm-field').click();
  await row.and(page.locator('[data-confirmed="true"]')).waitFor({ timeout: 30_000 });
}

describe('the app, end to end, with OCR', () => {
  it('scans in, bracket width flagged, corrected in review, ready, and still ready after lock and reload', async () => {
    const opened = await app.open(TODAY);
    const { page } = opened;
    const scans = example('scans-jpg');
    const expected = truth('scans-jpg');
    const company = expected['business-license']!.companyName!;

    await createVault(page);
    const screen = await createDossier(page, company);
    await shot(page, 'dossier-empty');

    // Four JPG scans; each goes read → OCR → extract with its own progress row.
    const outcomes = await screen.importFiles(scans.files('jpg'));
    expect(Object.values(outcomes)).toEqual(['imported', 'imported', 'imported', 'imported']);
    for (const kind of ['business-license', 'id-card-front', 'id-card-back', 'bank-permit']) {
      await screen.slot(kind).getByTestId('slot-file').waitFor();
    }
    await shot(page, 'imported');

    // No accounts yet: blocked. The names hold brackets, which OCR cannot tell full-width
    // from half-width: the comparison is flagged for confirmation, not passed.
    await screen.tab('checks');
    await page.getByTestId('verdict').waitFor();
    expect(await screen.verdict()).toBe('blocked');
    expect(await checkStatus(screen, 'accounts.limit')).toBe('fail');
    expect(await checkStatus(screen, 'name.license-vs-bank')).toBe('warn');
    expect(await screen.check('name.license-vs-bank').innerText()).toMatch(/确认/);
    // The credit code and the ID number were read exactly (checksums pass).
    expect(await checkStatus(screen, 'credit-code.checksum')).toBe('pass');
    expect(await checkStatus(screen, 'id.checksum')).toBe('pass');
    await shot(page, 'checks-flagged');

    // Review: the page image with the field boxes, then the two names set against it.
    await screen
      .check('name.license-vs-bank')
      .locator('[data-testid="check-link"][data-target="bank-permit.accountName"]')
      .click();
    await page.getByTestId('review').waitFor();
    await page.locator('[data-testid="page-frame"] img').waitFor({ timeout: 60_000 });
    await screen.box('accountName').waitFor();
    await screen.field('accountName').getByTestId('needs-confirmation').waitFor();
    await shot(page, 'review-bank');
    await correctAndConfirm(screen, 'bank-permit', 'accountName', company);
    await correctAndConfirm(screen, 'business-license', 'companyName', company);

    await screen.tab('checks');
    await page.getByTestId('verdict').waitFor();
    expect(await checkStatus(screen, 'name.license-vs-bank')).toBe('pass');

    // The accounts to link and the declared values: now ready.
    await screen.tab('documents');
    await screen.fillAccounts(scans.dossier.accounts);
    await screen.fillDeclared(scans.dossier.declared);
    await screen.tab('checks');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="verdict"]')?.getAttribute('data-verdict') === 'ready',
      undefined,
      { timeout: 30_000 },
    );
    expect(await checkStatus(screen, 'accounts.limit')).toBe('pass');
    await shot(page, 'ready');

    // Lock, reload the page, unlock: everything came back from the vault.
    await page.getByTestId('lock-button').click();
    await page.getByTestId('unlock-passphrase').waitFor();
    await page.reload();
    await unlockVault(page);
    const row = page.locator(`[data-testid="dossier-row"][data-company="${company}"]`);
    await row.waitFor();
    await shot(page, 'list-ready');
    const again = await openDossier(page, company);
    await again.tab('checks');
    await page.getByTestId('verdict').waitFor();
    expect(await again.verdict()).toBe('ready');
    expect(await checkStatus(again, 'name.license-vs-bank')).toBe('pass');
    expectStayedHome(opened);
    await page.close();
  }, 600_000);

  it('an ID card expiring in 60 days blocks the dossier and shows on the list', async () => {
    const opened = await app.open(TODAY);
    const { page } = opened;
    const blocked = example('id-expires-60-days');
    await createVault(page);
    const screen = await createDossier(page, '青梧屿证件将到期');
    const outcomes = await screen.importFiles(pdfsOf(blocked.dir));
    expect(Object.values(outcomes).every((s) => s === 'imported')).toBe(true);
    await screen.fillAccounts(blocked.dossier.accounts);
    await screen.fillDeclared(blocked.dossier.declared);
    await screen.tab('checks');
    await page.getByTestId('verdict').waitFor();
    expect(await screen.verdict()).toBe('blocked');
    expect(await checkStatus(screen, 'id.validity')).toBe('fail');
    const deadlines = await page.getByTestId('deadlines').innerText();
    expect(deadlines).toMatch(/60/);
    await shot(page, 'blocked-checks');
    await page.getByTestId('dossier-back').click();
    const row = page.locator('[data-testid="dossier-row"][data-company="青梧屿证件将到期"]');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/不能提交/);
    expect(text).toMatch(/60/);
    await shot(page, 'blocked-list');

    // The license address changed last Friday: to be reported within 3 working days
    // (Mon 23, Tue 24, Wed 25 November), which the list now shows first.
    await row.click();
    await screen.tab('checks');
    await page.getByTestId('change-kind').waitFor();
    await page.getByTestId('change-occurred-on').fill('2026-11-20');
    await page.getByTestId('change-record').click();
    const change = page.locator('[data-testid="change"][data-kind="address"][data-filed="false"]');
    await change.waitFor();
    await page.locator('[data-testid="deadline"][data-kind="change-filing"]').waitFor();
    expect(await page.getByTestId('deadlines').innerText()).toMatch(/2026年11月25日/);
    await shot(page, 'change-recorded');
    await page.getByTestId('dossier-back').click();
    await row.waitFor();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="dossier-row"][data-company="青梧屿证件将到期"]')
          ?.textContent?.includes('工作日') === true,
    );
    // Reported: the deadline goes away.
    await row.click();
    await screen.tab('checks');
    await page.getByTestId('change-mark-filed').click();
    await page.locator('[data-testid="change"][data-filed="true"]').waitFor();
    expect(await page.locator('[data-testid="deadline"][data-kind="change-filing"]').count()).toBe(
      0,
    );
    // The bank has its own deadline for an address change; telling it ends that one too.
    await page.locator('[data-testid="deadline"][data-kind="bank-notification"]').waitFor();
    await page.getByLabel('告知银行日期').fill('2026-11-24');
    await page.getByTestId('change-mark-bank-notified').click();
    await page.getByTestId('change-bank-notified').waitFor();
    expect(await page.getByTestId('change-bank-notified').innerText()).toContain('2026年11月24日');
    expect(
      await page.locator('[data-testid="deadline"][data-kind="bank-notification"]').count(),
    ).toBe(0);
    expectStayedHome(opened);
    await page.close();
  }, 300_000);
});
