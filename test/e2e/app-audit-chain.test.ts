// The audit log's hash chain in the app (issue 17 item 5), in Debian's Chromium: the
// audit tab's 校验完整性 reports an intact log, then an entry edited in the raw IndexedDB
// under the app (as a copied profile would be edited) is reported at its number.
// Screenshot: test-results/ui-audit-verify.png.
import { describe, expect, it } from 'vitest';
import { APP_VAULT_NAME } from '../../src/renderer/model/vault-name';
import { useApp } from './support/app-page';
import { createDossier, createVault } from './pages/dossier';

const app = useApp();

describe('the audit log verified in the app', () => {
  it('reports an intact log, then an entry edited in the raw IndexedDB', async () => {
    const { page, violations, errors } = await app.open('2026-11-24');
    await createVault(page);
    const screen = await createDossier(page, '青梧屿审计校验');
    await screen.tab('audit');
    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-broken')).toBe('none');
    expect(await verdict.textContent()).toMatch(/^审计日志完整：整个保险箱的 \d+ 条记录/);

    // Edit the dossier's creation entry in the raw database, around Dexie and its hook.
    const edited = await page.evaluate(async (name) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((ok, fail) => {
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error ?? new Error('request failed'));
        });
      const db = await request(indexedDB.open(name));
      const store = db.transaction('auditLog', 'readwrite').objectStore('auditLog');
      const entries = (await request(store.getAll())) as { action: string; seq: number }[];
      const target = entries.find((e) => e.action === 'create-dossier')!;
      await request(store.put({ ...target, detail: 'nothing to see' }));
      db.close();
      return target.seq;
    }, APP_VAULT_NAME);

    await page.getByTestId('audit-verify').click();
    await page.locator('[data-testid="audit-verdict"][data-broken="edited"]').waitFor();
    expect(await page.getByTestId('audit-verdict').textContent()).toBe(
      `审计日志已被改动：第 ${edited} 条记录的内容与其哈希值不符（被修改）。`,
    );
    await page.screenshot({ path: 'test-results/ui-audit-verify.png', fullPage: true });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
