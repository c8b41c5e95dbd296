// Page object for the app shell (vault gate, dossier list, settings) in the built
// renderer: what a person does, by the data-testids the screens carry.
import type { Locator, Page } from 'playwright-core';
import { dialogOpened, waitShown } from './screen-state';

export class ShellPage {
  constructor(readonly page: Page) {}

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async createVault(passphrase: string): Promise<void> {
    await this.testId('create-passphrase').fill(passphrase);
    await this.testId('create-repeat').fill(passphrase);
    await this.page.locator('[data-testid="passphrase-strength"]').waitFor();
    await this.testId('create-submit').click();
    await this.testId('screen-dossiers').waitFor({ timeout: 20_000 });
  }

  /** Types the passphrase and submits; does not wait for the outcome. */
  async submitUnlock(passphrase: string): Promise<void> {
    await this.testId('unlock-passphrase').fill(passphrase);
    await this.testId('unlock-submit').click();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.submitUnlock(passphrase);
    await this.testId('screen-dossiers').waitFor({ timeout: 20_000 });
  }

  async lock(): Promise<void> {
    await this.testId('lock-button').click();
    await this.testId('vault-unlock').waitFor();
  }

  /** Creates a dossier from the list; the app opens it. */
  async newDossier(company: string): Promise<void> {
    await this.testId('new-dossier').click();
    await dialogOpened(this.testId('new-dossier-name'));
    await this.testId('new-dossier-name').fill(company);
    await this.testId('new-dossier-submit').click();
    await waitShown(
      this.page,
      this.testId('screen-dossier'),
      'The new dossier',
      30_000,
      'new-dossier',
    );
  }

  async goToList(): Promise<void> {
    await this.testId('nav-list').click();
    await this.testId('screen-dossiers').waitFor();
  }

  async goToSettings(): Promise<void> {
    await this.testId('nav-settings').click();
    await this.testId('screen-settings').waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid="dossier-row"]');
  }

  row(company: string): Locator {
    return this.page.locator(`[data-testid="dossier-row"][data-company="${company}"]`);
  }

  /** Companies of the rows rendered (the list is virtualised: those in view). */
  async companies(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-company') ?? ''));
  }

  async search(query: string): Promise<void> {
    await this.testId('dossier-search').fill(query);
  }

  async switchLanguage(label: '中文' | 'EN'): Promise<void> {
    await this.testId('language-switch').getByText(label, { exact: true }).click();
  }

  /** Saves test-results/ui-<screen>.png (the whole page from its top, unless fullPage is false). */
  async screenshot(screen: string, options: { fullPage?: boolean } = {}): Promise<void> {
    const fullPage = options.fullPage ?? true;
    if (fullPage) await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: `test-results/ui-${screen}.png`, fullPage });
  }
}
