// Key rotation in the app (issue 17 item 5), in Debian's Chromium against the built
// renderer: Settings' 更换密钥 asks for confirmation (saying what it does) and the
// passphrase, shows record n of m, and says it is done; then the vault locks, unlocks with
// the same passphrase after a reload and a document imported before opens (its page image drawn from the
// bytes sealed again under the new key). The audit log holds 'rotate-keys' and verifies.
// Screenshot: test-results/ui-settings-rotate.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import { PASSPHRASE, createDossier, createVault, openDossier, unlockVault } from './pages/dossier';
import { dialogOpened } from './pages/screen-state';

const app = useApp();
const COMPANY = '青梧屿密钥更换';

describe('rotating the keys in the app', () => {
  it('rotates from Settings, then locks, unlocks and opens a document', async () => {
    const { page, violations, errors } = await app.open('2026-11-24');
    await createVault(page);
    const screen = await createDossier(page, COMPANY);
    const outcomes = await screen.importFiles(
      [join(REPO_ROOT, 'examples/ready/license.pdf')],
      240_000,
    );
    expect(outcomes).toEqual({ 'license.pdf': 'imported' });

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('screen-settings').waitFor();
    await page.getByTestId('settings-rotate').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '用新密钥重新加密全部资料？' });
    await dialogOpened(page.getByTestId('settings-rotate-passphrase'));
    expect(await dialog.textContent()).toContain('下次解锁时会自动继续完成');
    // A wrong passphrase is said in one sentence and changes nothing.
    await page.getByTestId('settings-rotate-passphrase').fill('not the passphrase at all');
    await dialog.getByRole('button', { name: '更换密钥' }).click();
    await page.getByTestId('settings-rotate-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('settings-rotate-error').textContent()).toBe(
      '主密码不正确，请重新输入。',
    );
    await page.getByTestId('settings-rotate-passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: '更换密钥' }).click();
    const done = page
      .locator('.ant-message')
      .getByText(/^密钥已更换：\d+ 条记录已用新密钥重新加密。$/);
    await done.waitFor({ timeout: 120_000 });
    const records = Number((await done.textContent())!.match(/(\d+) 条/)![1]);
    expect(records).toBeGreaterThan(5);
    await page.screenshot({ path: 'test-results/ui-settings-rotate.png', fullPage: true });

    // Locked, the page reloaded (a new worker reads the keyring from disk), unlocked.
    await page.getByTestId('lock-button').click();
    await page.getByTestId('unlock-passphrase').waitFor();
    await page.reload();
    await unlockVault(page);
    const opened = await openDossier(page, COMPANY);
    await opened.tab('review');
    await page.locator('[data-testid="page-frame"] img').waitFor({ timeout: 60_000 });
    const drawn = await page
      .locator('[data-testid="page-frame"] img')
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(drawn).toBe(true);

    await opened.tab('audit');
    await page.getByTestId('audit-verify').click();
    await page.locator('[data-testid="audit-verdict"][data-broken="none"]').waitFor();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
