// Key rotation cut short: by a crash, by a crash and then damage, and rotations against
// backups running at the same time (split from rotation.test.ts).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RotationDamagedError, type VaultError } from '../../src/vault/errors';
import { PASSPHRASE, openTestVault } from './helpers';
import {
  filledVault,
  snapshot,
  keyringOf,
  keysOf,
  sealedValues,
  opens,
  codeOf,
} from './rotation-fixture';

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
