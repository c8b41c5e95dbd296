// A damaged account record in the app, in Debian's Chromium over its real IndexedDB: an
// account's sealed e-mail altered in the raw database under the app (as a copied profile
// would be edited) keeps the dossier from opening; the screen says an account is damaged
// and its button removes that record alone; the dossier opens again with the other account
// and the removal is in its audit log.
import { describe, expect, it } from 'vitest';
import { APP_VAULT_NAME } from '../../src/renderer/model/vault-name';
import { useApp } from './support/app-page';
import { createDossier, createVault } from './pages/dossier';

const app = useApp();

describe('a damaged account in the app', () => {
  it('blocks the dossier until its button removes the damaged record, audited', async () => {
    const { page, violations } = await app.open('2026-11-24');
    await createVault(page);
    const screen = await createDossier(page, '青梧屿账户损坏');
    await screen.fillAccounts([
      { store: '青梧屿旗舰店', phone: '13800138000', email: 'shop@example.com' },
      { store: '青梧屿专营店', phone: '13900139000', email: 'b@example.com' },
    ]);

    // Flip one bit of the second account's sealed e-mail, around Dexie.
    await page.evaluate(async (name) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((ok, fail) => {
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error ?? new Error('request failed'));
        });
      const db = await request(indexedDB.open(name));
      const store = db.transaction('accounts', 'readwrite').objectStore('accounts');
      const rows = (await request(store.getAll())) as {
        createdAt: number;
        email: { iv: Uint8Array; ct: Uint8Array };
      }[];
      const damaged = rows.sort((a, b) => a.createdAt - b.createdAt)[1]!;
      const ct = new Uint8Array(damaged.email.ct);
      ct[1]! ^= 1;
      await request(store.put({ ...damaged, email: { iv: damaged.email.iv, ct } }));
      db.close();
    }, APP_VAULT_NAME);

    // Opened again, the dossier cannot be shown: the damaged account is named, with its button.
    await page.getByTestId('dossier-back').click();
    await page.locator(`[data-testid="dossier-row"][data-company="青梧屿账户损坏"]`).click();
    await page.getByTestId('dossier-error').waitFor({ timeout: 60_000 });
    const damaged = page.getByTestId('damaged-account');
    expect(await damaged.textContent()).not.toBe('');
    await page.getByTestId('remove-damaged-account').click();

    // The dossier opens, holding the undamaged account only; the removal is audited.
    await page.getByTestId('dossier-screen').waitFor({ timeout: 60_000 });
    await page.getByTestId('account-row').first().waitFor();
    expect(await page.getByTestId('account-row').count()).toBe(1);
    expect(await page.getByTestId('account-store').first().inputValue()).toBe('青梧屿旗舰店');
    await screen.tab('audit');
    await expect
      .poll(() => page.getByTestId('dossier-screen').textContent(), { timeout: 30_000 })
      .toContain('account removed (damaged)');
    expect(violations).toEqual([]);
  }, 300_000);
});
