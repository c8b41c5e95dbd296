// Key rotation (issue 17 item 5): every sealed value sealed again under a new master secret,
// in batches a crash cannot break. A vault holding dossiers, documents, extractions,
// readings, accounts, declared values, exceptions, tracked changes, the copy register,
// history, settings and the audit log reads back identically afterwards; the old secret
// opens none of it; the audit chain and the settings' MAC verify under the new keys.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/vault/audit';
import { blindIndex, openBytes } from '../../src/vault/envelope';
import { RotationDamagedError, type VaultError } from '../../src/vault/errors';
import type { RotationProgress } from '../../src/vault/rotation';
import { SEALED_FIELDS } from '../../src/vault/sealed-fields';
import { SETTINGS_KEY, SETTINGS_MAC_KEY, settingsMac } from '../../src/vault/tables/settings';
import { PASSPHRASE, dumpRaw } from './helpers';
import {
  ID,
  filledVault,
  snapshot,
  keyringOf,
  keysOf,
  sealedValues,
  opens,
  codeOf,
} from './rotation-fixture';

describe('rotating the keys', () => {
  it('seals everything again: it reads back the same, and the old secret opens nothing', async () => {
    const vault = await filledVault('rotate');
    const before = await snapshot(vault);
    const oldKeyring = await keyringOf(vault);
    const oldKeys = await keysOf(oldKeyring, oldKeyring.wrappedSecret);
    const fieldsBefore = await sealedValues(vault);
    expect(fieldsBefore.length).toBeGreaterThan(60);

    const progress: RotationProgress[] = [];
    const result = await vault.rotateKeys(PASSPHRASE, {
      batchRecords: 5,
      onProgress: (p) => void progress.push(p),
    });
    const total = progress.at(-1)!.total;
    expect(result).toEqual({ records: total, resumed: false, damaged: [] });
    expect(progress.at(-1)).toEqual({ phase: 'sealing', done: total, total });
    expect(progress.some((p) => p.phase === 'checking')).toBe(true);

    expect(await snapshot(vault)).toEqual(before);
    const keyring = await keyringOf(vault);
    expect(keyring.rotation).toBeUndefined();
    expect(keyring.wrappedSecret.ct).not.toEqual(oldKeyring.wrappedSecret.ct);
    const newKeys = await keysOf(keyring, keyring.wrappedSecret);

    // The old secret opens no sealed value; the new one opens them all.
    const fields = await sealedValues(vault);
    expect(fields.length).toBe(fieldsBefore.length);
    for (const f of fields) {
      expect(await opens(oldKeys, f), `${f.table}/${f.id}.${f.field}`).toBe(false);
      expect(await opens(newKeys, f), `${f.table}/${f.id}.${f.field}`).toBe(true);
    }
    const signing = (await vault.db.settings.get('pack-signing-key'))!.value;
    await expect(
      openBytes(oldKeys.data, 'settings', 'pack-signing-key', 'secret', signing),
    ).rejects.toThrow();
    // Blind indexes are the new key's (and no longer the old one's).
    const raw = await dumpRaw(vault.db);
    const dossierRows = raw.dossiers as { idNumberIndex: string }[];
    expect(new Set(dossierRows.map((d) => d.idNumberIndex))).toEqual(
      new Set([await blindIndex(newKeys.mac, 'idNumber', ID)]),
    );
    expect(dossierRows[0]!.idNumberIndex).not.toBe(await blindIndex(oldKeys.mac, 'idNumber', ID));
    // The audit chain verifies under the new audit key, not the old one.
    expect((await vault.verifyAudit()).broken).toBeNull();
    expect((await verifyAudit(vault.db, oldKeys.audit)).broken?.problem).toBe('forged');
    const audit = await vault.audit('rotate-keys');
    expect(audit.map((e) => e.detail)).toEqual([
      `started ${total} records`,
      `finished ${total} records`,
    ]);
    // The settings' MAC is the new key's.
    const settings = (await vault.db.settings.get(SETTINGS_KEY))!.value as never;
    const mac = (await vault.db.settings.get(SETTINGS_MAC_KEY))!.value;
    expect(mac).toBe(await settingsMac(newKeys.settings, settings));
    expect(mac).not.toBe(await settingsMac(oldKeys.settings, settings));

    // Locked and unlocked again: nothing reported, everything the same, duplicates found.
    vault.lock();
    const problems: VaultError[] = [];
    vault.onProblem((p) => problems.push(p));
    await vault.unlock(PASSPHRASE);
    expect(problems).toEqual([]);
    expect(await snapshot(vault)).toEqual(before);
    const doc = (await vault.listDocuments((await vault.listDossiers())[0]!.id))[0]!;
    await expect(
      codeOf(
        vault.importFile(doc.dossierId, {
          name: 'again.png',
          bytes: await vault.openDocumentBytes(doc.id),
        }),
      ),
    ).resolves.toBe('duplicate');
    vault.close();
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const vault = await filledVault('rotate-wrong');
    const raw = await dumpRaw(vault.db);
    expect(await codeOf(vault.rotateKeys('not the passphrase'))).toBe('wrong-passphrase');
    const after = await dumpRaw(vault.db);
    for (const table of Object.keys(SEALED_FIELDS)) expect(after[table]).toEqual(raw[table]);
    expect(after.keyring).toEqual(raw.keyring);
    expect(vault.isUnlocked).toBe(true);
    vault.close();
  });

  it('refuses to start on damaged records, naming each in one sentence, with nothing changed; the vault still opens', async () => {
    const vault = await filledVault('rotate-damaged');
    const account = (await vault.db.accounts.toArray())[1]!;
    const ct = account.phone.ct.slice();
    ct[3]! ^= 1;
    await vault.db.accounts.update(account.id, { phone: { iv: account.phone.iv, ct } });
    const dossier = (await vault.db.dossiers.toArray())[2]!;
    const company = dossier.company.ct.slice();
    company[0]! ^= 1;
    await vault.db.dossiers.update(dossier.id, {
      company: { iv: dossier.company.iv, ct: company },
    });
    const raw = await dumpRaw(vault.db);
    const error = await vault.rotateKeys(PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationDamagedError);
    expect(error).toMatchObject({
      code: 'integrity',
      rotated: false,
      damaged: [
        { table: 'dossiers', recordId: dossier.id, field: 'company' },
        { table: 'accounts', recordId: account.id, field: 'phone' },
      ],
    });
    expect((error as Error).message).toBe(
      `The keys were not rotated because record dossiers/${dossier.id}, accounts/${account.id} is damaged; delete it or restore a backup, then rotate again.`,
    );
    const after = await dumpRaw(vault.db);
    for (const table of Object.keys(SEALED_FIELDS)) expect(after[table]).toEqual(raw[table]);
    expect((await keyringOf(vault)).rotation).toBeUndefined();
    expect(vault.isUnlocked).toBe(true);
    const logged = (await vault.audit('integrity-failure')).map((e) => e.entityId);
    expect(logged).toEqual(expect.arrayContaining([account.id, dossier.id]));
    // It still opens; deleting the damaged dossier works.
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.listAccounts(dossier.id)).length).toBe(1);
    vault.close();
  });

  it('a record damaged midway is left as it was and named; the rest is rotated and the vault opens', async () => {
    const vault = await filledVault('rotate-midway');
    const account = (await vault.db.accounts.toArray())[0]!;
    let batches = 0;
    const result = await vault.rotateKeys(PASSPHRASE, {
      batchRecords: 2,
      onProgress: async (p) => {
        if (p.phase !== 'sealing' || ++batches !== 1) return;
        const ct = account.store.ct.slice();
        ct[0]! ^= 1;
        await vault.db.accounts.update(account.id, { store: { iv: account.store.iv, ct } });
      },
    });
    expect(result.damaged).toEqual([{ table: 'accounts', recordId: account.id, field: 'store' }]);
    expect(vault.isUnlocked).toBe(true);
    expect((await keyringOf(vault)).rotation).toBeUndefined();
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.listDossiers()).length).toBe(3);
    // The damaged field still fails; its intact fields were sealed again under the new key.
    await expect(vault.listAccounts(account.dossierId)).rejects.toMatchObject({
      code: 'integrity',
      recordId: account.id,
    });
    const keyring = await keyringOf(vault);
    const newKeys = await keysOf(keyring, keyring.wrappedSecret);
    const stored = (await vault.db.accounts.get(account.id))!;
    const phone = {
      table: 'accounts' as const,
      id: account.id,
      field: 'phone',
      sealed: stored.phone,
    };
    expect(await opens(newKeys, phone)).toBe(true);
    expect((await vault.audit('integrity-failure')).map((e) => e.entityId)).toContain(account.id);
    expect((await vault.verifyAudit()).broken).toBeNull();
    vault.close();
  });
});
