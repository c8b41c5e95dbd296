// A dossier with a damaged account record (its raw IndexedDB record altered): the screen
// cannot be built (the account cannot be read), the error names the record, and a person
// removes it through the workspace; the dossier opens again and the removal is audited.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newVault } from '../vault/helpers';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { webBridge } from '../../src/renderer/bridge/web';
import { VaultIntegrityError } from '../../src/vault';
import { createNodeTextReader } from './node-reader';

describe('a damaged account record', () => {
  it('blocks the dossier screen until a person removes it; the removal is audited', async () => {
    const vault = await newVault('damaged-account');
    const ws = createWorkspace(vault, {
      bridge: webBridge,
      host: 'web',
      reader: createNodeTextReader(),
      today: () => '2026-11-24',
    });
    const id = await ws.createDossier('青梧屿');
    await ws.saveAccounts(id, [
      { store: '青梧屿旗舰店', phone: '13800138000', email: 'shop@example.com' },
      { store: '青梧屿专营店', phone: '13900139000', email: 'b@example.com' },
    ]);
    const [kept, damaged] = await vault.db.accounts
      .toArray()
      .then((rows) => rows.sort((a, b) => a.createdAt - b.createdAt));
    const ct = damaged!.email.ct.slice();
    ct[1]! ^= 1;
    await vault.db.accounts.update(damaged!.id, { email: { iv: damaged!.email.iv, ct } });

    const error = await ws.loadDossier(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultIntegrityError);
    expect(error).toMatchObject({ table: 'accounts', recordId: damaged!.id, field: 'email' });
    // Saving the accounts over it cannot work either: their current values are read first.
    await expect(ws.saveAccounts(id, [])).rejects.toBeInstanceOf(VaultIntegrityError);

    const heard: unknown[] = [];
    ws.subscribe((change) => heard.push(change));
    await ws.removeDamagedAccount(id, damaged!.id);
    expect(heard).toEqual([{ dossierId: id, tables: ['accounts', 'dossiers'] }]);
    const view = await ws.loadDossier(id);
    expect(view.accounts.map((a) => a.id)).toEqual([kept!.id]);
    const audit = await ws.auditLog(id);
    expect(audit.find((r) => r.action === 'edit')).toMatchObject({
      detail: 'account removed (damaged)',
    });
    vault.close();
  });
});
