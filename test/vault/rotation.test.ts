// Key rotation (issue 17 item 5): every sealed value sealed again under a new master secret,
// in batches a crash cannot break. A vault holding dossiers, documents, extractions,
// readings, accounts, declared values, exceptions, tracked changes, the copy register,
// history, settings and the audit log reads back identically afterwards; the old secret
// opens none of it; the audit chain and the settings' MAC verify under the new keys.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/vault/audit';
import {
  blindIndex,
  deriveVaultKeys,
  deriveWrappingKey,
  openBytes,
  unwrapSecret,
  type VaultKeys,
} from '../../src/vault/envelope';
import { RotationDamagedError, VaultError } from '../../src/vault/errors';
import type { RotationProgress } from '../../src/vault/rotation';
import { KEYRING_ID, type KeyringRecord } from '../../src/vault/schema/keyring';
import type { Sealed } from '../../src/vault/schema/sealed';
import { SEALED_FIELDS, type SealedTable } from '../../src/vault/sealed-fields';
import { SETTINGS_KEY, SETTINGS_MAC_KEY, settingsMac } from '../../src/vault/tables/settings';
import type { Vault } from '../../src/vault/vault';
import { PASSPHRASE, dumpRaw, newVault, openTestVault, pdfFile, pngHeader } from './helpers';

const ID = '330106198805120026';
const CODE = '91330106MA2H3K5X1Q';

/** A vault with something in every table that holds sealed values. */
async function filledVault(label: string): Promise<Vault> {
  const vault = await newVault(label);
  const dossiers: string[] = [];
  for (let i = 0; i < 3; i++) {
    const dossier = await vault.createDossier({
      company: `杭州青梧屿贸易有限公司 ${i}`,
      idNumber: ID,
      creditCode: i === 0 ? CODE : null,
    });
    dossiers.push(dossier);
    const doc = await vault.importFile(
      dossier,
      { name: `license-${i}.png`, bytes: pngHeader(1200, 800, 2048), kind: 'business-license' },
      {
        read: {
          fields: [
            { field: 'companyName', value: `杭州青梧屿贸易有限公司 ${i}`, confidence: 0.9 },
            {
              field: 'creditCode',
              value: CODE,
              confidence: 0.97,
              box: { page: 0, x: 1, y: 2, w: 3, h: 4 },
            },
          ],
          reading: {
            source: 'paddle',
            detectedKind: 'business-license',
            warnings: [],
            needsConfirmation: ['companyName'],
            pages: [{ width: 1200, height: 800 }],
          },
        },
      },
    );
    await vault.importFile(dossier, { name: `bank-${i}.pdf`, bytes: pdfFile(2) });
    await vault.confirm(doc.id, 'companyName', `杭州青梧屿贸易有限公司 ${i}`, '林晓岚');
    await vault.addAccount(dossier, { store: `店铺${i}`, phone: '13800138000', email: 'a@b.cn' });
    await vault.setDeclared(dossier, { officeAddress: '杭州市西湖区', idValidUntil: '2030-01-01' });
    await vault.acceptException(dossier, { check: 'id.expiry', reason: '已续期', by: '林晓岚' });
    await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-20' });
    await vault.recordCopies(dossier, {
      purpose: '仅供速卖通账户关联使用',
      recipient: 'AliExpress',
      date: '2026-12-02',
      company: `杭州青梧屿贸易有限公司 ${i}`,
      idNumber: ID,
      documents: [{ file: 'license.png', kind: 'business-license' }],
      packSha256: 'ab'.repeat(32),
      packName: `pack-${i}.zip`,
    });
  }
  await vault.packSigningSecret();
  await vault.updateSettings({ userName: '林晓岚', autoLockMinutes: 5 });
  return vault;
}

/** Everything the vault shows, read through its API. */
async function snapshot(vault: Vault): Promise<unknown> {
  const out: Record<string, unknown> = {};
  const dossiers = (await vault.listDossiers()).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const d of dossiers) {
    const docs = await vault.listDocuments(d.id);
    out[d.id] = {
      dossier: await vault.getDossier(d.id),
      records: await vault.dossierRecords(d.id),
      docs: await Promise.all(
        docs.map(async (doc) => ({
          doc,
          bytes: [...(await vault.openDocumentBytes(doc.id))],
          fields: await vault.listExtractions(doc.id),
          reading: await vault.getReading(doc.id),
        })),
      ),
      accounts: await vault.listAccounts(d.id),
      declared: await vault.getDeclared(d.id),
      exceptions: await vault.listExceptions(d.id),
      changes: await vault.listTrackedChanges(d.id),
      history: await vault.listChanges(d.id),
      copies: await vault.listCopies({ dossierId: d.id }),
    };
  }
  out.byId = (await vault.dossiersForIdNumber(ID)).sort();
  out.byCode = await vault.findDossiersByCreditCode(CODE);
  out.copiesById = (await vault.listCopies({ idNumber: ID })).length;
  out.reuse = await vault.countAccountsForIdNumber(ID);
  out.signing = [...(await vault.packSigningSecret())];
  out.settings = await vault.settings();
  return out;
}

const keyringOf = async (vault: Vault): Promise<KeyringRecord> =>
  (await vault.db.keyring.get(KEYRING_ID))!;

/** The keys a secret wrapped in the keyring opens (what someone holding it would have). */
async function keysOf(keyring: KeyringRecord, wrapped: Sealed): Promise<VaultKeys> {
  const wrapping = await deriveWrappingKey(PASSPHRASE, keyring.kdf);
  return deriveVaultKeys(await unwrapSecret(wrapping, wrapped));
}

type Field = { table: SealedTable; id: string; field: string; sealed: unknown };

/** Every sealed value stored, with where it is. */
async function sealedValues(vault: Vault): Promise<Field[]> {
  const raw = await dumpRaw(vault.db);
  const out: Field[] = [];
  for (const table of Object.keys(SEALED_FIELDS) as SealedTable[]) {
    const keyPath = vault.db.table(table).schema.primKey.keyPath as string;
    for (const record of raw[table] as Record<string, unknown>[])
      for (const field of Object.keys(SEALED_FIELDS[table]))
        if (record[field] != null)
          out.push({ table, id: String(record[keyPath]), field, sealed: record[field] });
  }
  return out;
}

const opens = (keys: VaultKeys, f: Field): Promise<boolean> =>
  openBytes(keys.data, f.table, f.id, f.field, f.sealed).then(
    () => true,
    () => false,
  );

const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof VaultError ? e.code : String(e)),
  );

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

describe('a rotation cut short by a crash', () => {
  it('leaves every record readable by exactly one key, and the next unlock finishes it', async () => {
    const vault = await filledVault('rotate-crash');
    const name = vault.db.name;
    const before = await snapshot(vault);
    const oldKeyring = await keyringOf(vault);
    const oldKeys = await keysOf(oldKeyring, oldKeyring.wrappedSecret);
    let batches = 0;
    const crashed = await vault
      .rotateKeys(PASSPHRASE, {
        batchRecords: 3,
        onProgress: (p) => {
          // After k = 7 written batches the process dies: the database closes under it.
          if (p.phase === 'sealing' && ++batches === 7) {
            vault.db.close();
            throw new Error('power cut (injected)');
          }
        },
      })
      .catch((e: unknown) => e);
    expect(String(crashed)).toContain('power cut');
    // The Vault object is dropped without finishing; a new one opens the same database.
    const reopened = await openTestVault(name);
    const keyring = await keyringOf(reopened);
    expect(keyring.rotation).toMatchObject({ done: 7 * 3 });
    const newKeys = await keysOf(keyring, keyring.rotation!.wrappedSecret);
    const fields = await sealedValues(reopened);
    let underNew = 0;
    for (const f of fields) {
      const [old, next] = [await opens(oldKeys, f), await opens(newKeys, f)];
      expect(old !== next, `${f.table}/${f.id}.${f.field} opens with exactly one key`).toBe(true);
      if (next) underNew++;
    }
    expect(underNew).toBeGreaterThan(0);
    expect(underNew).toBeLessThan(fields.length);
    // Locked, it is still pending: nothing may change the passphrase meanwhile.
    expect(await codeOf(reopened.changePassphrase(PASSPHRASE, 'another passphrase 42'))).toBe(
      'rotation-pending',
    );

    await reopened.unlock(PASSPHRASE);
    expect((await keyringOf(reopened)).rotation).toBeUndefined();
    expect(await snapshot(reopened)).toEqual(before);
    for (const f of await sealedValues(reopened)) expect(await opens(oldKeys, f)).toBe(false);
    expect((await reopened.verifyAudit()).broken).toBeNull();
    const details = (await reopened.audit('rotate-keys')).map((e) => e.detail);
    expect(details[0]).toMatch(/^started \d+ records$/);
    expect(details[1]).toBe(details[0]!.replace('started', 'finished'));
    // And it opens again, settings intact.
    reopened.lock();
    const problems: VaultError[] = [];
    reopened.onProblem((p) => problems.push(p));
    await reopened.unlock(PASSPHRASE);
    expect(problems).toEqual([]);
    expect((await reopened.settings()).autoLockMinutes).toBe(5);
    reopened.close();
  });
});

describe('a rotation cut short, then damage', () => {
  it('the next unlock finishes it, keeps the damaged record as it was and reports it', async () => {
    const vault = await filledVault('rotate-crash-damaged');
    const name = vault.db.name;
    let batches = 0;
    await vault
      .rotateKeys(PASSPHRASE, {
        batchRecords: 3,
        onProgress: (p) => {
          if (p.phase === 'sealing' && ++batches === 2) {
            vault.db.close();
            throw new Error('power cut (injected)');
          }
        },
      })
      .catch(() => undefined);
    const reopened = await openTestVault(name);
    // Damage a record the rotation has not reached (the copy register comes late).
    const entry = (await reopened.db.copyRegister.toArray())[0]!;
    const ct = entry.entry.ct.slice();
    ct[1]! ^= 1;
    await reopened.db.copyRegister.update(entry.id, { entry: { iv: entry.entry.iv, ct } });
    const problems: VaultError[] = [];
    reopened.onProblem((p) => problems.push(p));
    await reopened.unlock(PASSPHRASE);
    expect(reopened.isUnlocked).toBe(true);
    expect((await keyringOf(reopened)).rotation).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(RotationDamagedError);
    expect(problems[0]).toMatchObject({
      rotated: true,
      damaged: [{ table: 'copyRegister', recordId: entry.id, field: 'entry' }],
    });
    expect(problems[0]!.message).toBe(
      `The keys were rotated, but damaged record copyRegister/${entry.id} could not be encrypted again and was left as it was; delete it or restore a backup.`,
    );
    expect((await reopened.listDossiers()).length).toBe(3);
    reopened.lock();
    await reopened.unlock(PASSPHRASE);
    expect(reopened.isUnlocked).toBe(true);
    reopened.close();
  });
});

describe('backups and rotations hold the vault alone', () => {
  it('a write during a backup is refused with busy; the backup is one snapshot', async () => {
    const vault = await filledVault('gate-backup');
    const dossier = (await vault.listDossiers())[0]!.id;
    const reader = vault.backupStream().getReader();
    const pieces: Uint8Array[] = [];
    pieces.push((await reader.read()).value!);
    // Writes are refused while it streams; reads go on.
    const refused = await vault
      .createDossier({ company: '宁波远帆电子商务有限公司' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'busy', operation: 'backup' });
    expect(await codeOf(vault.updateSettings({ userName: 'x' }))).toBe('busy');
    expect(await codeOf(vault.addAccount(dossier, { store: 's', phone: '1', email: '' }))).toBe(
      'busy',
    );
    expect(await codeOf(vault.rotateKeys(PASSPHRASE))).toBe('busy');
    expect((await vault.listDossiers()).length).toBe(3);
    for (let next = await reader.read(); !next.done; next = await reader.read())
      pieces.push(next.value);
    // Finished: writes go through again.
    await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    const file = new Uint8Array(await new Blob(pieces as BlobPart[]).arrayBuffer());
    const target = await openTestVault(`${vault.db.name}-restored`);
    await target.restore(file, PASSPHRASE);
    expect((await target.listDossiers()).length).toBe(3);
    // A cancelled backup opens the vault to writes again too.
    const cancelled = vault.backupStream().getReader();
    await cancelled.read();
    expect(await codeOf(vault.setDeclared(dossier, {}))).toBe('busy');
    await cancelled.cancel();
    await vault.setDeclared(dossier, { officeAddress: '宁波' });
    target.close();
    vault.close();
  });

  it('nothing runs during a rotation, and no backup starts', async () => {
    const vault = await filledVault('gate-rotation');
    const seen: string[] = [];
    await vault.rotateKeys(PASSPHRASE, {
      batchRecords: 10,
      onProgress: async (p) => {
        if (p.phase !== 'sealing' || seen.length > 0) return;
        seen.push(await codeOf(vault.listDossiers()));
        seen.push(await codeOf(vault.createDossier({ company: 'x' })));
        try {
          vault.backupStream();
          seen.push('started');
        } catch (e) {
          seen.push((e as VaultError).code);
        }
        seen.push(await codeOf(vault.rotateKeys(PASSPHRASE)));
      },
    });
    expect(seen).toEqual(['busy', 'busy', 'busy', 'busy']);
    expect((await vault.listDossiers()).length).toBe(3);
    vault.close();
  });
});
