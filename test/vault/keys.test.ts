// Keys (issue 17 item 5): key derivation below the floor is refused on create and on a
// passphrase change, a weaker stored keyring is raised on the next unlock, and a damaged
// keyring says so instead of reading as a wrong passphrase.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF, DEFAULT_KDF_POLICY } from '../../src/vault/envelope';
import { KeyringDamagedError, VaultError, WrongPassphraseError } from '../../src/vault/errors';
import { KeyringRecordSchema } from '../../src/vault/schema/keyring';
import { openVault } from '../../src/vault/vault';
import { FAST_KDF, PASSPHRASE, newVault, openTestVault, uniqueName } from './helpers';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof VaultError ? e.code : String(e)),
  );

describe('key derivation floors', () => {
  it('create refuses parameters below the floor with a clear error, and writes nothing', async () => {
    const vault = await openVault(uniqueName('weak-create'));
    for (const weak of [
      FAST_KDF,
      { ...DEFAULT_KDF, memoryKiB: 16_384 },
      { ...DEFAULT_KDF, iterations: 1 },
      { algorithm: 'pbkdf2-sha256', iterations: 100_000 } as const,
    ]) {
      const error = await vault.create(PASSPHRASE, weak).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultError);
      expect((error as VaultError).code).toBe('weak-kdf');
      expect((error as Error).message).toMatch(/below the minimum/);
    }
    expect(await vault.isCreated()).toBe(false);
    expect(await vault.audit()).toEqual([]);
    vault.close();
  });

  it('a passphrase change refuses weaker parameters and keeps the old passphrase', async () => {
    const name = uniqueName('weak-change');
    const created = await openTestVault(name);
    await created.create(PASSPHRASE, FAST_KDF);
    created.close();
    const vault = await openVault(name, {
      kdfPolicy: {
        ...DEFAULT_KDF_POLICY,
        target: { algorithm: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 },
      },
    });
    // The floor is the app's; the target here is absurdly low so the unlock stays cheap.
    expect(
      await codeOf(vault.changePassphrase(PASSPHRASE, 'another long passphrase', FAST_KDF)),
    ).toBe('weak-kdf');
    vault.close();
  });

  it('a weaker stored keyring is raised to the target on the next unlock, data intact', async () => {
    const name = uniqueName('kdf-upgrade');
    const old = await openTestVault(name);
    await old.create(PASSPHRASE, FAST_KDF);
    const id = await old.createDossier({ company: '杭州青梧屿贸易有限公司' });
    old.close();

    const vault = await openVault(name); // the app's policy: floor 19 MiB × 2, target 64 MiB × 3
    await vault.unlock(PASSPHRASE);
    const keyring = KeyringRecordSchema.parse(await vault.db.keyring.get('main'));
    expect(keyring.kdf).toMatchObject(DEFAULT_KDF);
    expect(keyring.checksum).toMatch(/^[0-9a-f]{64}$/);
    const upgrades = await vault.audit('kdf-upgrade');
    expect(upgrades.map((e) => e.detail)).toEqual(['argon2id 64 KiB × 1 → argon2id 65536 KiB × 3']);
    expect((await vault.getDossier(id)).company).toBe('杭州青梧屿贸易有限公司');
    vault.lock();
    await vault.unlock(PASSPHRASE); // already at the target: no second upgrade
    expect(await vault.audit('kdf-upgrade')).toHaveLength(1);
    vault.close();
  }, 60_000);
});

describe('a damaged keyring', () => {
  async function damaged(edit: (row: Record<string, unknown>) => void) {
    const vault = await newVault('damaged');
    vault.lock();
    const row = (await vault.db.keyring.get('main')) as unknown as Record<string, unknown>;
    edit(row);
    await vault.db.keyring.put(row as never);
    return vault;
  }

  it('a flipped byte in the wrapped secret is damage, not a wrong passphrase, and costs no delay', async () => {
    const vault = await damaged((row) => {
      const wrapped = row.wrappedSecret as { iv: Uint8Array; ct: Uint8Array };
      wrapped.ct[5]! ^= 0x01;
    });
    const error = await vault.unlock(PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyringDamagedError);
    expect((error as VaultError).code).toBe('keyring-damaged');
    expect((error as Error).message).toBe(
      'The vault key record is damaged, so no passphrase can open it; restore a backup.',
    );
    expect(await vault.audit('unlock-failed')).toHaveLength(0);
    vault.close();
  });

  it('a changed salt, changed parameters or a missing field are damage too', async () => {
    const edits: ((row: Record<string, unknown>) => void)[] = [
      (row) => ((row.kdf as { salt: Uint8Array }).salt[0]! ^= 0x80),
      (row) => ((row.kdf as { iterations: number }).iterations = 2),
      (row) => delete row.wrappedSecret,
      (row) => ((row.kdf as { memoryKiB: number }).memoryKiB = 64 * 1024 * 1024),
    ];
    for (const edit of edits) {
      const vault = await damaged(edit);
      expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('keyring-damaged');
      vault.close();
    }
  });

  it('an intact keyring with a wrong passphrase is still a wrong passphrase', async () => {
    const vault = await newVault('intact');
    vault.lock();
    await expect(vault.unlock('not the passphrase')).rejects.toThrow(WrongPassphraseError);
    vault.close();
  });

  it('a keyring written before the checksum gains it on unlock', async () => {
    const vault = await damaged((row) => delete row.checksum);
    await vault.unlock(PASSPHRASE);
    const keyring = KeyringRecordSchema.parse(await vault.db.keyring.get('main'));
    expect(keyring.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(keyring.kdf).toMatchObject(FAST_KDF);
    expect(await vault.audit('kdf-upgrade')).toHaveLength(0);
    vault.close();
  });
});

describe('the screens word it in their language', () => {
  it('a damaged keyring and a weak KDF read in Chinese and in English', async () => {
    const { errorSentence } = await import('../../src/renderer/shell/errors');
    const { translator } = await import('../../src/renderer/i18n');
    const weak = new VaultError('below the minimum', 'weak-kdf');
    expect(errorSentence(new KeyringDamagedError(), translator('zh'))).toBe(
      '保险箱的密钥记录已损坏，任何主密码都无法打开它；请从备份恢复。',
    );
    expect(errorSentence(weak, translator('zh'))).toMatch(/^密钥派生参数低于最低要求/);
    expect(errorSentence(new KeyringDamagedError(), translator('en'))).toMatch(/damaged/);
  });
});
