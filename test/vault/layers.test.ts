// The vault's layers (issue 17 item 1): the session runs every operation, reads included
// (key check, idle timer, integrity log); the sealed-field list matches the record schemas;
// every edit to what goes into the pack is history and audit in one transaction; errors
// carry codes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { VaultLockedError } from '../../src/vault/errors';
import { SealedSchema } from '../../src/vault/schema/sealed';
import { RECORD_SCHEMAS } from '../../src/vault/backup/records';
import { SEALED_FIELDS } from '../../src/vault/sealed-fields';
import { dumpRaw, newVault, pngHeader } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

/** The fields of a record schema whose type is a sealed value (nullable or optional too). */
function sealedFieldsOf(schema: z.ZodObject): string[] {
  const unwrap = (t: z.ZodType): z.ZodType =>
    t instanceof z.ZodNullable || t instanceof z.ZodOptional ? unwrap(t.unwrap() as z.ZodType) : t;
  return Object.entries(schema.shape)
    .filter(([, t]) => unwrap(t as z.ZodType) === SealedSchema)
    .map(([name]) => name)
    .sort();
}

describe('the vault in layers', () => {
  it('lists exactly the sealed fields of every record schema', () => {
    // Every table's schema (the backup's list): a table absent from SEALED_FIELDS seals
    // nothing with the data key. The keyring's wrapped secret is sealed with the
    // passphrase's key instead, by the keyring itself.
    const sealedWithOtherKeys: Record<string, string[]> = { keyring: ['wrappedSecret'] };
    for (const [table, schema] of Object.entries(RECORD_SCHEMAS)) {
      const fields = (SEALED_FIELDS as Record<string, Record<string, string>>)[table] ?? {};
      const listed = [...Object.keys(fields), ...(sealedWithOtherKeys[table] ?? [])].sort();
      expect([table, sealedFieldsOf(schema as z.ZodObject)]).toEqual([table, listed]);
    }
  });

  it('every read restarts the idle timer, not only writes', async () => {
    const vault = await newVault('reads-touch');
    const id = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    const doc = await vault.importFile(id, { name: 'a.png', bytes: pngHeader(10, 10) });
    await vault.updateSettings({ autoLockMinutes: 1 });
    const reads: [string, () => Promise<unknown>][] = [
      ['getDossier', () => vault.getDossier(id)],
      ['listExtractions', () => vault.listExtractions(doc.id)],
      ['listAccounts', () => vault.listAccounts(id)],
      ['getDeclared', () => vault.getDeclared(id)],
      ['listChanges', () => vault.listChanges(id)],
      ['listDocuments', () => vault.listDocuments(id)],
      ['getReading', () => vault.getReading(doc.id)],
    ];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vault.touch();
    for (const [name, read] of reads) {
      // 50 s after the previous operation: a minute has passed since the one before it,
      // so the vault is still unlocked only if that previous read restarted the timer.
      vi.advanceTimersByTime(50_000);
      expect([name, vault.isUnlocked]).toEqual([name, true]);
      await read();
    }
    vi.advanceTimersByTime(60_001);
    expect(vault.isUnlocked).toBe(false);
    vault.close();
  });

  it('refuses every operation while locked, with the code "locked"', async () => {
    const vault = await newVault('locked-ops');
    const id = await vault.createDossier({ company: 'A' });
    vault.lock();
    const ops: (() => Promise<unknown>)[] = [
      () => vault.getDossier(id),
      () => vault.listDossiers(),
      () => vault.listDocuments(id),
      () => vault.listAccounts(id),
      () => vault.getDeclared(id),
      () => vault.listChanges(id),
      () => vault.addAccount(id, { store: 's', phone: '13800138000', email: 'a@b.cn' }),
      () => vault.setDeclared(id, {}),
      () => vault.removeAccount('x'),
      () => vault.deleteDossier(id),
      () => vault.updateSettings({ language: 'en' }),
    ];
    for (const op of ops) {
      const error = await op().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultLockedError);
      expect(error).toMatchObject({ code: 'locked' });
    }
    vault.close();
  });

  it('audits account and declared-value edits with their history, atomically', async () => {
    const vault = await newVault('account-audit');
    const id = await vault.createDossier({ company: 'A' });
    const before = (await vault.getDossier(id)).updatedAt;
    const account = await vault.addAccount(id, {
      store: '青梧屿旗舰店',
      phone: '13800138000',
      email: 'shop@example.com',
    });
    await vault.setDeclared(id, { officeAddress: '杭州市西湖区' });
    await vault.removeAccount(account);
    const edits = (await vault.audit('edit')).filter((e) => e.dossierId === id);
    expect(edits.map((e) => [e.entityId, e.detail])).toEqual([
      [account, 'account added'],
      [id, 'declared officeAddress'],
      [account, 'account removed'],
    ]);
    expect(
      (await vault.listChanges(id)).map((c) => [c.kind, c.entity, c.field, c.before, c.after]),
    ).toEqual([
      ['create', 'accounts', 'store', null, '青梧屿旗舰店'],
      ['create', 'accounts', 'phone', null, '13800138000'],
      ['create', 'accounts', 'email', null, 'shop@example.com'],
      ['edit', 'declared', 'officeAddress', null, '杭州市西湖区'],
      ['delete', 'accounts', 'store', '青梧屿旗舰店', null],
      ['delete', 'accounts', 'phone', '13800138000', null],
      ['delete', 'accounts', 'email', 'shop@example.com', null],
    ]);
    expect((await vault.getDossier(id)).updatedAt).toBeGreaterThanOrEqual(before);

    // The audit entry fails: the account, its history and updatedAt roll back together.
    const raw = await dumpRaw(vault.db);
    const fail = () => {
      throw new Error('audit write failed (injected)');
    };
    vault.db.auditLog.hook('creating', fail);
    await expect(
      vault.addAccount(id, { store: 'B', phone: '13900139000', email: 'b@example.com' }),
    ).rejects.toThrow('injected');
    await expect(vault.setDeclared(id, { officeAddress: '上海' })).rejects.toThrow('injected');
    vault.db.auditLog.hook('creating').unsubscribe(fail);
    expect(await dumpRaw(vault.db)).toEqual(raw);
    vault.close();
  });

  it('removes an account whose raw IndexedDB record was tampered with, and audits it', async () => {
    const vault = await newVault('account-damaged');
    const id = await vault.createDossier({ company: 'A' });
    const kept = await vault.addAccount(id, {
      store: '青梧屿旗舰店',
      phone: '13800138000',
      email: 'shop@example.com',
    });
    const damaged = await vault.addAccount(id, {
      store: '青梧屿专营店',
      phone: '13900139000',
      email: 'b@example.com',
    });
    // One bit of the sealed phone flipped in the stored record: it no longer opens.
    const record = (await vault.db.accounts.get(damaged))!;
    const ct = record.phone.ct.slice();
    ct[2]! ^= 1;
    await vault.db.accounts.update(damaged, { phone: { iv: record.phone.iv, ct } });
    await expect(vault.listAccounts(id)).rejects.toMatchObject({ code: 'integrity' });
    const changesBefore = (await vault.listChanges(id)).length;

    await vault.removeAccount(damaged);

    expect(await vault.db.accounts.get(damaged)).toBeUndefined();
    expect((await vault.listAccounts(id)).map((a) => a.id)).toEqual([kept]);
    const edits = (await vault.audit('edit')).filter((e) => e.entityId === damaged);
    expect(edits.map((e) => e.detail)).toEqual(['account added', 'account removed (damaged)']);
    const failures = (await vault.audit('integrity-failure')).filter((e) => e.entityId === damaged);
    expect(failures.map((e) => e.detail)).toContain('accounts.phone');
    // Its values could not be read: no history entry claims a value it held.
    expect((await vault.listChanges(id)).length).toBe(changesBefore);
    expect((await vault.verifyAudit()).broken).toBeNull();
    vault.close();
  });

  it('gives each failure a code', async () => {
    const vault = await newVault('codes');
    const id = await vault.createDossier({ company: 'A' });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: unknown) => (e as { code?: string }).code,
      );
    expect(await code(vault.getDossier('nope'))).toBe('not-found');
    expect(await code(vault.openDocumentBytes('nope'))).toBe('not-found');
    expect(await code(vault.create('another passphrase'))).toBe('exists');
    expect(await code(vault.importFile(id, { name: 'e', bytes: new Uint8Array(0) }))).toBe(
      'import-refused',
    );
    const bytes = pngHeader(10, 10);
    await vault.importFile(id, { name: 'a.png', bytes });
    expect(await code(vault.importFile(id, { name: 'b.png', bytes }))).toBe('duplicate');
    expect(await code(vault.acceptException(id, { check: 'x', reason: ' ', by: 'me' }))).toBe(
      'invalid',
    );
    expect(await code(vault.undoDelete({ table: 'dossiers', id }))).toBe('undo-closed');
    vault.lock();
    expect(await code(vault.unlock('not the passphrase'))).toBe('wrong-passphrase');
    vault.close();
  });
});
