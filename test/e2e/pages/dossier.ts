// Page objects for the dossier screen's end-to-end tests: the gate and the list only as
// far as getting to a dossier, then the dossier screen's tabs by their data-testids.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Account, Declared } from '../../../src/core/dossier';
import { dialogOpened, waitShown } from './screen-state';

export const PASSPHRASE = 'Qingwu-island 7 lanterns, north gate!';

/** Creates the vault on a fresh profile and waits for the dossier list. */
export async function createVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByTestId('create-passphrase').fill(passphrase);
  await page.getByTestId('create-repeat').fill(passphrase);
  // The strength meter loads lazily; the button is enabled once the passphrase is scored.
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')?.disabled ===
      false,
    undefined,
    { timeout: 30_000 },
  );
  await page.getByTestId('create-submit').click();
  await page.getByTestId('screen-dossiers').waitFor({ timeout: 60_000 });
}

export async function unlockVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('screen-dossiers').waitFor({ timeout: 60_000 });
}

/** Creates a dossier from the list and opens it. */
export async function createDossier(page: Page, company: string): Promise<DossierPage> {
  await page.getByTestId('new-dossier').click();
  const name = page.getByTestId('new-dossier-name');
  await dialogOpened(name);
  await name.fill(company);
  await page.getByTestId('new-dossier-submit').click();
  // The new dossier opens at once; if the screen shows an error instead, say which, and
  // if neither shows, say what did (the dialog still open, its button's state, toasts).
  const opened = page.getByTestId('dossier-screen');
  const failed = page.locator('[data-testid="dossier-error"], [data-testid="screen-error"]');
  await waitShown(page, opened.or(failed).first(), 'The new dossier', 60_000, 'new-dossier');
  if (await failed.count()) {
    await page.screenshot({ path: 'test-results/ui-dossier-open-failed.png', fullPage: true });
    throw new Error(`The new dossier did not open: ${await failed.first().innerText()}`);
  }
  return new DossierPage(page);
}

export async function openDossier(page: Page, company: string): Promise<DossierPage> {
  await page.locator(`[data-testid="dossier-row"][data-company="${company}"]`).click();
  await page.getByTestId('dossier-screen').waitFor();
  return new DossierPage(page);
}

export function pdfsOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
}

export class DossierPage {
  constructor(readonly page: Page) {}

  tab(name: 'documents' | 'review' | 'checks' | 'export' | 'register' | 'audit'): Promise<void> {
    return this.page.getByTestId(`tab-${name}`).click();
  }

  /**
   * Picks files through the file input and waits until every file has an outcome (OCR of
   * many pages may need a longer `timeout` than the default 120 s).
   */
  async importFiles(files: string[], timeout = 120_000): Promise<Record<string, string>> {
    await this.tab('documents');
    const input = this.page.locator('[data-testid="import-panel"] input[type=file]');
    await input.setInputFiles(files);
    const rows = this.page.getByTestId('import-row');
    await this.page.waitForFunction(
      (count) => {
        const all = [...document.querySelectorAll('[data-testid="import-row"]')];
        return all.length === count && all.every((r) => r.getAttribute('data-status') !== '');
      },
      files.length,
      { timeout },
    );
    return Object.fromEntries(
      await rows.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-file') ?? '', e.getAttribute('data-status') ?? '']),
      ),
    );
  }

  slot(kind: string): Locator {
    return this.page.locator(`[data-testid="slot"][data-kind="${kind}"]`);
  }

  async fillAccounts(accounts: readonly Account[]): Promise<void> {
    const rows = this.page.getByTestId('account-row');
    while ((await rows.count()) < accounts.length) {
      await this.page.getByTestId('account-add').click();
    }
    for (const [i, a] of accounts.entries()) {
      const row = rows.nth(i);
      await row.getByTestId('account-store').fill(a.store);
      await row.getByTestId('account-phone').fill(a.phone);
      await row.getByTestId('account-email').fill(a.email);
    }
    await this.page.getByTestId('accounts-save').click();
    await this.page.getByTestId('accounts-status').waitFor();
  }

  async fillDeclared(declared: Declared): Promise<void> {
    const editor = this.page.getByTestId('declared-editor');
    if (declared.idValidUntil === 'long-term') {
      await editor.locator('input[type=radio][value="long-term"]').check({ force: true });
    } else if (declared.idValidUntil) {
      await editor.locator('input[type=radio][value="date"]').check({ force: true });
      await this.page.getByTestId('declared-expiry').fill(declared.idValidUntil);
    }
    if (declared.officeAddress) {
      await this.page.getByTestId('declared-office').fill(declared.officeAddress);
    }
    await this.page.getByTestId('declared-save').click();
  }

  verdict(): Promise<string | null> {
    return this.page.getByTestId('verdict').getAttribute('data-verdict');
  }

  /** Unfolds the checks that passed or do not apply (folded under the failures and warnings). */
  async showPassedChecks(): Promise<void> {
    const group = this.page.locator('[data-testid="checks-group"][data-group="pass"]');
    const header = group.locator('.ant-collapse-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await group.getByTestId('check-row').first().waitFor();
  }

  check(id: string): Locator {
    return this.page.locator(`[data-testid="check-row"][data-check="${id}"]`);
  }

  async statuses(): Promise<Record<string, string>> {
    return Object.fromEntries(
      await this.page
        .getByTestId('check-row')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.getAttribute('data-check') ?? '',
            r.getAttribute('data-status') ?? '',
          ]),
        ),
    );
  }

  field(name: string): Locator {
    return this.page.locator(`[data-testid="field-row"][data-field="${name}"]`);
  }

  box(name: string): Locator {
    return this.page.locator(`[data-testid="field-box"][data-field="${name}"]`);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/ui-dossier-${name}.png`, fullPage: true });
  }
}
