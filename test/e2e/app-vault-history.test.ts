// Settings → vault history (issue 17 follow-up), in Debian's Chromium against the built
// renderer: the audit entries tied to no dossier (creating and unlocking the vault, key
// rotation, …) are listed with when, who, what; after a key rotation its two entries
// appear, the filter narrows to them, the CSV export starts with a BOM, and the chain
// verifies. Screenshot: test-results/ui-settings-history.png.
import { describe, expect, it } from 'vitest';
import { useApp } from './support/app-page';
import { PASSPHRASE, createVault } from './pages/dossier';
import { dialogOpened } from './pages/screen-state';

const app = useApp();

describe('the vault history in Settings', () => {
  it('shows the key rotation after rotating, filters, exports and verifies', async () => {
    const { page, violations, errors } = await app.open('2026-11-24');
    await createVault(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('screen-settings').waitFor();
    const history = page.getByTestId('vault-history');
    await history.waitFor();
    await page.locator('[data-testid="vault-history-row"][data-action="create-vault"]').waitFor();
    expect(
      await page.locator('[data-testid="vault-history-row"][data-action="rotate-keys"]').count(),
    ).toBe(0);

    await page.getByTestId('settings-rotate').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '用新密钥重新加密全部资料？' });
    await dialogOpened(page.getByTestId('settings-rotate-passphrase'));
    await page.getByTestId('settings-rotate-passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: '更换密钥' }).click();
    await page
      .locator('.ant-message')
      .getByText(/^密钥已更换/)
      .waitFor({ timeout: 120_000 });

    const rotated = page.locator('[data-testid="vault-history-row"][data-action="rotate-keys"]');
    await rotated.first().waitFor({ timeout: 30_000 });
    expect(await rotated.count()).toBe(2);
    const cells = await rotated.first().locator('td').allTextContents();
    expect(cells[2]).toBe('更换密钥');
    expect(cells[4]).toMatch(/^(started|finished) \d+ records$/);
    expect(cells[0]).toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);

    // The filter narrows to the rotation's entries.
    await page.getByTestId('vault-history-action').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '更换密钥' }).click();
    await expect.poll(() => page.getByTestId('vault-history-row').count()).toBe(2);

    const download = page.waitForEvent('download');
    await page.getByTestId('vault-history-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^vault-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n').filter((l) => l.includes('更换密钥'))).toHaveLength(2);

    await page.getByTestId('vault-history-verify').click();
    await page.locator('[data-testid="vault-history-verdict"][data-broken="none"]').waitFor();
    await page.screenshot({ path: 'test-results/ui-settings-history.png', fullPage: true });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
