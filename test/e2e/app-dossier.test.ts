// The dossier screen in Debian's Chromium, built as the app is and served with the app's
// CSP: create a vault and a dossier, import an example's text PDFs, see the slots filled,
// enter the accounts and declared values, see every check and the verdict, review and
// confirm fields (click, keyboard, box), see a bracket-width difference character by
// character, accept an exception with a reason and revoke it; nothing leaves the origin and
// nothing is lost on reload. Screenshots: test-results/ui-dossier-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/core/checks/types';
import { DOCUMENT_KINDS } from '../../src/core/documents';
import type { DossierFile } from '../../src/core/dossier';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import {
  createDossier,
  createVault,
  openDossier,
  pdfsOf,
  unlockVault,
  type DossierPage,
} from './pages/dossier';
import { clickInDialog } from './pages/screen-state';

const TODAY = '2026-11-24';
let stepName = 'start';
/** Names the step in progress, for CSP violation reports. */
function step(name: string): void {
  stepName = name;
}
const app = useApp();

function example(name: string): { dir: string; dossier: DossierFile } {
  const dir = join(REPO_ROOT, 'examples', name);
  const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierFile;
  return { dir, dossier };
}

/** A new dossier with an example's PDFs, accounts and declared values. */
async function dossierFromExample(page: Page, name: string, company: string): Promise<DossierPage> {
  const { dir, dossier } = example(name);
  step('create-dossier');
  const screen = await createDossier(page, company);
  step('import');
  const outcomes = await screen.importFiles(pdfsOf(dir));
  expect(Object.values(outcomes)).toEqual(['imported', 'imported', 'imported', 'imported']);
  step('accounts');
  await screen.fillAccounts(dossier.accounts ?? []);
  step('declared');
  await screen.fillDeclared(dossier.declared ?? {});
  step('checks');
  return screen;
}

describe('the dossier screen', () => {
  it('imports a ready dossier, fills the slots, checks it, reviews fields and keeps it all over a reload', async () => {
    const { page, requests, violations, errors } = await app.open(TODAY, () => stepName);
    await createVault(page);
    const { dir, dossier } = example('ready');
    const screen = await createDossier(page, '青梧屿示例公司');

    // Empty states say what to do.
    await page.getByTestId('documents-empty').waitFor();
    for (const kind of DOCUMENT_KINDS) {
      expect(await screen.slot(kind).getAttribute('data-filled')).toBe('false');
    }
    await screen.screenshot('empty');

    const outcomes = await screen.importFiles(pdfsOf(dir));
    expect(outcomes).toEqual({
      'bank.pdf': 'imported',
      'id-back.pdf': 'imported',
      'id-front.pdf': 'imported',
      'license.pdf': 'imported',
    });
    for (const kind of DOCUMENT_KINDS) {
      await screen.slot(kind).and(page.locator('[data-filled="true"]')).waitFor();
    }
    expect(await screen.slot('business-license').getByTestId('slot-file').textContent()).toContain(
      'license.pdf',
    );

    // Importing the same file again is a duplicate, said in one sentence.
    const again = await screen.importFiles([join(dir, 'license.pdf')]);
    expect(again).toEqual({ 'license.pdf': 'duplicate' });
    expect((await page.getByTestId('import-message').textContent())?.length).toBeGreaterThan(5);

    // Accounts are validated as typed.
    const phone = page.getByTestId('account-row').first().getByTestId('account-phone');
    await phone.fill('1234');
    await expect(page.getByTestId('account-error').nth(1).textContent()).resolves.not.toBe('');
    expect(await page.getByTestId('accounts-save').isDisabled()).toBe(true);
    await screen.fillAccounts(dossier.accounts ?? []);
    await screen.fillDeclared(dossier.declared ?? {});
    await screen.screenshot('documents');

    // Every check with its status; the example is ready.
    await screen.tab('checks');
    await page.getByTestId('verdict').waitFor();
    const statuses = await screen.statuses();
    expect(Object.keys(statuses).sort()).toEqual([...CHECK_IDS].sort());
    expect(Object.values(statuses)).not.toContain('fail');
    expect(await screen.verdict()).toBe('ready');
    await screen.screenshot('checks-ready');

    // A check links to the field it read: the bank form's account name in the review
    // (passed checks are folded under the failures and warnings).
    await screen.showPassedChecks();
    await screen
      .check('name.license-vs-bank')
      .locator('[data-testid="check-link"][data-target="bank-permit.accountName"]')
      .click();
    await page.getByTestId('review').waitFor();
    const accountName = screen.field('accountName');
    await accountName.and(page.locator('[data-selected="true"]')).waitFor();
    await screen.box('accountName').and(page.locator('[data-selected="true"]')).waitFor();
    expect(Number(await accountName.getAttribute('data-confidence'))).toBeGreaterThan(0);
    await page.locator('[data-testid="page-frame"] img').waitFor();
    await screen.screenshot('review');

    // Confirm it with its button; the row says who confirmed.
    await accountName.getByTestId('confirm-field').click();
    await accountName.and(page.locator('[data-confirmed="true"]')).waitFor();
    await accountName.getByTestId('field-confirmed').waitFor();

    // Clicking a box selects its field; K moves up, Enter confirms.
    await screen.box('bankName').dispatchEvent('click');
    await screen.field('bankName').and(page.locator('[data-selected="true"]')).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await screen.field('bankName').and(page.locator('[data-selected="true"]')).waitFor();
    await page.keyboard.press('k');
    const before = await page
      .locator('[data-testid="field-row"][data-selected="true"]')
      .getAttribute('data-field');
    expect(before).not.toBe('bankName');
    await page.keyboard.press('Enter');
    await page
      .locator(`[data-testid="field-row"][data-field="${before}"][data-confirmed="true"]`)
      .waitFor();

    // Zoom buttons change the scale.
    const zoom = await page.getByTestId('zoom-level').textContent();
    await page.getByTestId('zoom-in').click();
    expect(await page.getByTestId('zoom-level').textContent()).not.toBe(zoom);

    // Ctrl+wheel zooms at the pointer; dragging pans image and boxes together.
    const frame = (await page.getByTestId('page-frame').boundingBox())!;
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    const beforeWheel = parseInt((await page.getByTestId('zoom-level').textContent()) ?? '', 10);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction(
      (before) =>
        parseInt(document.querySelector('[data-testid="zoom-level"]')?.textContent ?? '', 10) >
        before,
      beforeWheel,
    );
    const boxBefore = (await screen.box('bankName').boundingBox())!;
    await page.mouse.move(frame.x + 20, frame.y + 20);
    await page.mouse.down();
    await page.mouse.move(frame.x + 120, frame.y + 80, { steps: 6 });
    await page.mouse.up();
    const boxAfter = (await screen.box('bankName').boundingBox())!;
    expect(Math.round(boxAfter.x - boxBefore.x)).toBe(100);
    expect(Math.round(boxAfter.y - boxBefore.y)).toBe(60);
    // A drag is not a click: the selection stays where it was.
    expect(await page.locator('[data-testid="field-row"][data-selected="true"]').count()).toBe(1);

    // Confirm the high-confidence fields of the document shown, as the dialog lists them.
    await page.getByTestId('confirm-all').click();
    await page.getByTestId('confirm-all-list').waitFor();
    await clickInDialog(page.locator('#confirm-all-ok'));
    await page.getByTestId('review-notice').waitFor();
    await screen.screenshot('review-confirmed');

    // Export is offered when ready; the pack is handed to the browser as a download.
    await screen.tab('export');
    expect(await page.getByTestId('export-button').isEnabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('export-button').click(),
    ]);
    await page.getByTestId('export-saved').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('export-saved').textContent()).toContain(
      download.suggestedFilename(),
    );
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    await screen.screenshot('export');

    // Reload: unlock, open the dossier, and everything is still there.
    await page.reload();
    await unlockVault(page);
    const reopened = await openDossier(page, '青梧屿示例公司');
    await reopened.slot('bank-permit').and(page.locator('[data-filled="true"]')).waitFor();
    expect(await page.getByTestId('account-store').count()).toBe(dossier.accounts?.length);
    expect(await page.getByTestId('account-phone').first().inputValue()).toBe(
      dossier.accounts?.[0]?.phone,
    );
    expect(await page.getByTestId('declared-office').inputValue()).toBe(
      dossier.declared?.officeAddress,
    );
    await reopened.tab('review');
    await reopened.field('companyName').waitFor();
    // The review opens on the license; the bank form's confirmation is kept.
    await page.locator('[data-testid="review-document"][data-kind="bank-permit"]').click();
    await reopened.field('accountName').and(page.locator('[data-confirmed="true"]')).waitFor();
    await reopened.tab('checks');
    expect(await reopened.verdict()).toBe('ready');

    expect(requests.leaving).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('shows a bracket-width difference character by character and accepts it as an exception with a reason', async () => {
    const { page, requests, violations, errors } = await app.open(TODAY, () => stepName);
    await createVault(page);
    const screen = await dossierFromExample(page, 'bank-name-half-width', '括号宽度示例公司');

    await screen.tab('checks');
    expect(await screen.verdict()).toBe('blocked');
    const row = screen.check('name.license-vs-bank');
    expect(await row.getAttribute('data-status')).toBe('fail');
    // Both values, one above the other, the brackets marked as width differences.
    const widthA = row.locator('[data-diff-kind="width"][data-side="a"]');
    const widthB = row.locator('[data-diff-kind="width"][data-side="b"]');
    expect(await widthA.allTextContents()).toEqual(['（', '）']);
    expect(await widthB.allTextContents()).toEqual(['(', ')']);
    expect(await row.textContent()).toContain('全角');
    expect(await row.textContent()).toContain('半角');
    expect(await page.getByTestId('export-button').count()).toBe(0);
    await screen.screenshot('chardiff');

    // Export is refused while blocked.
    await screen.tab('export');
    expect(await page.getByTestId('export-button').isDisabled()).toBe(true);
    await screen.tab('checks');

    step('exception');
    // An exception needs a written reason.
    await row.getByTestId('accept-exception').click();
    expect(await row.getByTestId('exception-submit').isDisabled()).toBe(true);
    await row
      .getByTestId('exception-reason-input')
      .fill('银行确认两种括号写法为同一户名，附银行证明。');
    await row.getByTestId('exception-submit').click();
    await row.and(page.locator('[data-exception="true"]')).waitFor();
    expect(await row.getByTestId('exception-reason').textContent()).toContain('银行确认');
    await page.locator('[data-testid="verdict"][data-verdict="ready"]').waitFor();
    await screen.screenshot('exception');

    step('revoke');
    // Revoking it blocks the dossier again.
    await row.getByTestId('revoke-exception').click();
    await page.locator('[data-testid="verdict"][data-verdict="blocked"]').waitFor();
    expect(await row.getAttribute('data-exception')).toBe('false');

    step('english');
    // Switched to English, the same check speaks English and names the widths in English.
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('tab-checks').getByText('Checks').waitFor();
    expect(await row.getByTestId('check-message').textContent()).toMatch(/[A-Za-z]{4}/);
    expect(await row.textContent()).toContain('full-width');
    expect(await row.textContent()).toContain('half-width');
    await screen.screenshot('checks-en');
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('tab-checks').getByText('检查').waitFor();

    step('link');
    // The check's link opens the license's company name in the review.
    await row
      .locator('[data-testid="check-link"][data-target="business-license.companyName"]')
      .click();
    await screen.field('companyName').and(page.locator('[data-selected="true"]')).waitFor();
    expect(await screen.field('companyName').getByTestId('field-value').textContent()).toContain(
      '（',
    );

    expect(requests.leaving).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('says when a file sits in the wrong slot, moves it back, and undoes a delete', async () => {
    const { page, requests, violations, errors } = await app.open(TODAY, () => stepName);
    await createVault(page);
    const { dir } = example('ready');
    const screen = await createDossier(page, '放错位置示例公司');
    await screen.importFiles([join(dir, 'license.pdf'), join(dir, 'id-back.pdf')]);
    await screen.slot('business-license').and(page.locator('[data-filled="true"]')).waitFor();

    // Put the license into the bank form's slot by hand: the slot says what it looks like.
    await screen.slot('business-license').getByTestId('move-select').click();
    await page.locator('.ant-select-item-option[title="开户许可证 / 基本存款账户信息"]').click();
    const bank = screen.slot('bank-permit');
    await bank.and(page.locator('[data-filled="true"]')).waitFor();
    expect(await screen.slot('business-license').getAttribute('data-filled')).toBe('false');
    const hint = bank.getByTestId('slot-hint');
    expect(await hint.textContent()).toContain('这份文件看起来是营业执照，不是开户许可证');
    await screen.screenshot('wrong-slot');
    await hint.getByRole('button').click();
    await screen.slot('business-license').and(page.locator('[data-filled="true"]')).waitFor();
    expect(await bank.getAttribute('data-filled')).toBe('false');

    // A file picked for a slot lands there even when it is another kind: the slot says so.
    const front = screen.slot('id-card-front');
    await front.locator('[data-testid="slot-input"]').setInputFiles(join(dir, 'bank.pdf'));
    await front.and(page.locator('[data-filled="true"]')).waitFor();
    expect(await front.getByTestId('slot-hint').textContent()).toContain(
      '这份文件看起来是开户许可证 / 基本存款账户信息，不是法人身份证人像面',
    );
    await screen.screenshot('slot-pick');
    await front.getByTestId('slot-hint').getByRole('button').click();
    await screen.slot('bank-permit').and(page.locator('[data-filled="true"]')).waitFor();
    expect(await front.getAttribute('data-filled')).toBe('false');

    // Delete with undo.
    await screen.slot('id-card-back').getByTestId('delete-document').click();
    await screen.slot('id-card-back').and(page.locator('[data-filled="false"]')).waitFor();
    await page.getByTestId('undo-button').click();
    await screen.slot('id-card-back').and(page.locator('[data-filled="true"]')).waitFor();

    // Missing documents fail docs.complete, and export stays disabled.
    await screen.tab('checks');
    expect(await screen.check('docs.complete').getAttribute('data-status')).toBe('fail');
    expect(await screen.verdict()).toBe('blocked');

    await screen.tab('documents');
    // Cancelling a batch: the files not read yet are cancelled, nothing half-imported.
    const many = [
      'bank-name-half-width',
      'legal-rep-one-char',
      'license-expired',
      'repeated-phone',
    ].flatMap((name) => pdfsOf(join(REPO_ROOT, 'examples', name)));
    await page.locator('[data-testid="import-panel"] input[type=file]').setInputFiles(many);
    await page.getByTestId('import-cancel').click();
    await page.waitForFunction(
      (count) => {
        const rows = [...document.querySelectorAll('[data-testid="import-row"]')];
        return rows.length === count && rows.every((r) => r.getAttribute('data-status') !== '');
      },
      many.length,
      { timeout: 120_000 },
    );
    const after = await page
      .getByTestId('import-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(after).toContain('cancelled');
    expect(after.filter((s) => s === 'cancelled').length).toBeGreaterThan(many.length / 2);
    await screen.screenshot('import-cancelled');

    expect(requests.leaving).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
