// Sealing and unsealing: round trip, wrong key, tampered IV / tag / AAD, swapped records,
// the passphrase (wrong, changed, KDF parameters stored), locking.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  deriveVaultKeys,
  newKdfParams,
  openText,
  randomBytes,
  sealText,
} from '../../src/vault/envelope';
import {
  VaultIntegrityError,
  VaultLockedError,
  WrongPassphraseError,
} from '../../src/vault/errors';
import { KeyringRecordSchema } from '../../src/vault/schema/keyring';
import { openVault } from '../../src/vault/vault';
import { FAST_KDF, PASSPHRASE, newVault, openTestVault, uniqueName } from './helpers';

const keysFor = () => deriveVaultKeys(randomBytes(32));

describe('sealed values', () => {
  it('round-trip and use a fresh IV per write', async () => {
    const { data } = await keysFor();
    const a = await sealText(data, 'dossiers', 'd1', 'company', '杭州青梧屿贸易有限公司');
    const b = await sealText(data, 'dossiers', 'd1', 'company', '杭州青梧屿贸易有限公司');
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ct).not.toEqual(b.ct);
    expect(await openText(data, 'dossiers', 'd1', 'company', a)).toBe('杭州青梧屿贸易有限公司');
  });

  it('fail with a VaultIntegrityError under another key', async () => {
    const sealed = await sealText((await keysFor()).data, 'dossiers', 'd1', 'company', 'x');
    await expect(
      openText((await keysFor()).data, 'dossiers', 'd1', 'company', sealed),
    ).rejects.toThrow(VaultIntegrityError);
  });

  it('fail when the IV, the tag or the ciphertext is altered', async () => {
    const { data } = await keysFor();
    const sealed = await sealText(data, 'accounts', 'a1', 'phone', '13800138000');
    const flip = (bytes: Uint8Array<ArrayBuffer>, index: number) => {
      const copy = bytes.slice();
      copy[index < 0 ? copy.length + index : index]! ^= 1;
      return copy;
    };
    for (const tampered of [
      { iv: flip(sealed.iv, 0), ct: sealed.ct },
      { iv: sealed.iv, ct: flip(sealed.ct, -1) }, // last byte: the GCM tag
      { iv: sealed.iv, ct: flip(sealed.ct, 0) },
      { iv: sealed.iv, ct: sealed.ct.slice(0, -1) },
      { iv: sealed.iv.slice(0, 8), ct: sealed.ct },
    ]) {
      await expect(openText(data, 'accounts', 'a1', 'phone', tampered)).rejects.toThrow(
        VaultIntegrityError,
      );
    }
  });

  it('are bound to their record and field (AAD)', async () => {
    const { data } = await keysFor();
    const sealed = await sealText(data, 'accounts', 'a1', 'phone', '13800138000');
    await expect(openText(data, 'accounts', 'a2', 'phone', sealed)).rejects.toThrow(
      VaultIntegrityError,
    );
    await expect(openText(data, 'accounts', 'a1', 'email', sealed)).rejects.toThrow(
      VaultIntegrityError,
    );
    await expect(openText(data, 'dossiers', 'a1', 'phone', sealed)).rejects.toThrow(
      VaultIntegrityError,
    );
  });
});

describe('records in the vault', () => {
  it('swapped between two dossiers fail and are named, never shown', async () => {
    const vault = await newVault('swap');
    const first = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    const second = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    const a = (await vault.db.dossiers.get(first))!;
    const b = (await vault.db.dossiers.get(second))!;
    await vault.db.dossiers.update(first, { company: b.company });
    await vault.db.dossiers.update(second, { company: a.company });
    const error = await vault.getDossier(first).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultIntegrityError);
    expect((error as VaultIntegrityError).recordId).toBe(first);
    expect((error as Error).message).toBe(
      `Record dossiers/${first} (field company) failed its integrity check and was not read.`,
    );
    expect((error as Error).message).not.toContain('有限公司');
    expect((await vault.audit('integrity-failure')).map((e) => e.entityId)).toContain(first);
    vault.close();
  });

  it('a tampered blob fails when read', async () => {
    const vault = await newVault('blob');
    const dossier = await vault.createDossier({ company: 'A' });
    const { pdfFile } = await import('./helpers');
    const doc = await vault.importFile(dossier, { name: 'bank.pdf', bytes: pdfFile(1) });
    const blob = (await vault.db.blobs.get(doc.id))!;
    const ct = blob.data.ct.slice();
    ct[100]! ^= 0xff;
    await vault.db.blobs.put({ documentId: doc.id, data: { iv: blob.data.iv, ct } });
    await expect(vault.openDocumentBytes(doc.id)).rejects.toThrow(`Record blobs/${doc.id} (field data)`);
    vault.close();
  });
});

describe('the passphrase', () => {
  it('stores the KDF parameters and salt with the wrapped key', async () => {
    const vault = await newVault('kdf');
    const keyring = KeyringRecordSchema.parse(await vault.db.keyring.get('main'));
    expect(keyring.kdf).toMatchObject(FAST_KDF);
    expect(keyring.kdf.salt).toHaveLength(16);
    expect(keyring.wrappedSecret.ct).toHaveLength(32 + 16);
    vault.close();
  });

  it('the default is Argon2id with 64 MiB and 3 passes, and it unlocks', async () => {
    expect(DEFAULT_KDF).toEqual({
      algorithm: 'argon2id',
      memoryKiB: 65_536,
      iterations: 3,
      parallelism: 1,
    });
    expect(newKdfParams().salt).toHaveLength(16);
    const name = uniqueName('default-kdf');
    const vault = await openVault(name);
    await vault.create(PASSPHRASE);
    const id = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.getDossier(id)).company).toBe('杭州青梧屿贸易有限公司');
    vault.close();
  }, 60_000);

  it('PBKDF2-SHA-256 works as the alternative', async () => {
    // 1,000 iterations under the test policy; the app's floor is 600,000 (keys.test.ts).
    const vault = await openTestVault(uniqueName('pbkdf2'));
    await vault.create(PASSPHRASE, { algorithm: 'pbkdf2-sha256', iterations: 1000 });
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(vault.isUnlocked).toBe(true);
    vault.close();
  });

  it('a wrong one is refused in one sentence after the delay, and logged without the secret', async () => {
    const vault = await newVault('wrong');
    await vault.updateSettings({ wrongPassphraseDelayMs: 300 });
    vault.lock();
    const started = performance.now();
    const error = await vault.unlock('not the passphrase').catch((e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as Error).message).toBe('The passphrase is wrong.');
    expect(vault.isUnlocked).toBe(false);
    const failures = await vault.audit('unlock-failed');
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(await vault.audit())).not.toContain('not the passphrase');
    vault.close();
  });

  it('change re-wraps only the data key: records are untouched, the old passphrase stops working', async () => {
    const vault = await newVault('change');
    const id = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    const before = await vault.db.dossiers.get(id);
    const oldKeyring = await vault.db.keyring.get('main');
    await vault.changePassphrase(PASSPHRASE, 'a new and longer passphrase', {
      ...FAST_KDF,
      iterations: 2,
    });
    const newKeyring = KeyringRecordSchema.parse(await vault.db.keyring.get('main'));
    expect(newKeyring.kdf).toMatchObject({ iterations: 2 });
    expect(newKeyring.wrappedSecret.ct).not.toEqual(oldKeyring!.wrappedSecret.ct);
    expect(await vault.db.dossiers.get(id)).toEqual(before);
    vault.lock();
    await expect(vault.unlock(PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    await vault.unlock('a new and longer passphrase');
    expect((await vault.getDossier(id)).company).toBe('宁波远帆电子商务有限公司');
    await expect(vault.changePassphrase('wrong guess!', 'whatever123')).rejects.toThrow(
      WrongPassphraseError,
    );
    vault.close();
  });

  it('locking forgets the keys', async () => {
    const vault = await newVault('lock');
    const id = await vault.createDossier({ company: 'A' });
    vault.lock();
    await expect(vault.getDossier(id)).rejects.toThrow(VaultLockedError);
    await expect(vault.listDossiers()).rejects.toThrow('The vault is locked; unlock it first.');
    vault.close();
  });
});
