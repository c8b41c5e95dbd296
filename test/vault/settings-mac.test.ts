// Safety limits authenticated (issue 17 item 5): the settings row is plain (the unlock
// screen reads it) but carries an HMAC under a key derived from the master secret. A
// copied or edited profile whose raw IndexedDB row loosens a limit reads the defaults
// while locked, and on unlock gets the defaults back with a coded report; a malformed row
// is a typed error, not a ZodError. The raw edits go around Dexie with the IndexedDB API.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ImportRefusedError, SettingsDamagedError, type VaultError } from '../../src/vault/errors';
import { DEFAULT_SETTINGS } from '../../src/vault/tables/settings';
import type { Vault } from '../../src/vault/vault';
import { PASSPHRASE, newVault, openTestVault, pngHeader } from './helpers';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Changes one row of the raw settings store of the (closed) vault's database. */
async function rawSettings(name: string, key: string, edit: (value: unknown) => unknown) {
  const db = await request(indexedDB.open(name));
  const tx = db.transaction('settings', 'readwrite');
  const store = tx.objectStore('settings');
  const row = (await request(store.get(key))) as { key: string; value: unknown };
  await request(store.put({ key, value: edit(row.value) }));
  await new Promise<void>((ok) => (tx.oncomplete = () => ok()));
  db.close();
}

async function reopen(vault: Vault): Promise<{ vault: Vault; problems: VaultError[] }> {
  const reopened = await openTestVault(vault.db.name);
  const problems: VaultError[] = [];
  reopened.onProblem((p) => problems.push(p));
  return { vault: reopened, problems };
}

describe('the settings MAC', () => {
  it('safety limits loosened in the raw row read as the defaults, and unlock restores them', async () => {
    const vault = await newVault('settings-loosened');
    const dossier = await vault.createDossier({ company: 'A' });
    await vault.updateSettings({ userName: '王会计', wrongPassphraseDelayMs: 1500 });
    vault.close();
    await rawSettings(vault.db.name, 'vault', (v) => ({
      ...(v as object),
      wrongPassphraseDelayMs: 0,
      maxImagePixels: 10_000_000_000,
      autoLockMinutes: 100_000,
    }));

    const { vault: copy, problems } = await reopen(vault);
    const locked = await copy.settings();
    expect(locked).toMatchObject({
      wrongPassphraseDelayMs: DEFAULT_SETTINGS.wrongPassphraseDelayMs,
      maxImagePixels: DEFAULT_SETTINGS.maxImagePixels,
      autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes,
      userName: '王会计',
    });
    await copy.unlock(PASSPHRASE);
    expect(problems.map((p) => p.code)).toEqual(['settings-tampered']);
    expect((problems[0] as VaultError & { restored: string[] }).restored.sort()).toEqual([
      'autoLockMinutes',
      'maxImagePixels',
      'wrongPassphraseDelayMs',
    ]);
    expect(await copy.settings()).toMatchObject({
      wrongPassphraseDelayMs: DEFAULT_SETTINGS.wrongPassphraseDelayMs,
      maxImagePixels: DEFAULT_SETTINGS.maxImagePixels,
      userName: '王会计',
    });
    // The limit holds: an image over the default pixel count is refused.
    const big = await copy
      .importFile(dossier, { name: 'big.png', bytes: pngHeader(20_000, 10_000) })
      .catch((e: unknown) => e);
    expect(big).toBeInstanceOf(ImportRefusedError);
    expect((await copy.audit('settings')).at(-1)?.detail).toMatch(/^restored /);
    copy.close();

    // Signed again: the next open reports nothing.
    const { vault: next, problems: none } = await reopen(vault);
    await next.unlock(PASSPHRASE);
    expect(none).toEqual([]);
    next.close();
  });

  it('a MAC that does not match puts every limit back, stricter ones too', async () => {
    const vault = await newVault('settings-mac-wrong');
    vault.close();
    await rawSettings(vault.db.name, 'vault', (v) => ({ ...(v as object), maxFileBytes: 1000 }));
    const { vault: copy, problems } = await reopen(vault);
    await copy.unlock(PASSPHRASE);
    expect(problems.map((p) => p.code)).toEqual(['settings-tampered']);
    expect((await copy.settings()).maxFileBytes).toBe(DEFAULT_SETTINGS.maxFileBytes);
    copy.close();
  });

  it('settings changed in the app keep their values across a reopen, with no report', async () => {
    const vault = await newVault('settings-legit');
    await vault.updateSettings({ maxImagePixels: 200_000_000, wrongPassphraseDelayMs: 40 });
    vault.close();
    const { vault: again, problems } = await reopen(vault);
    await again.unlock(PASSPHRASE);
    expect(problems).toEqual([]);
    expect(await again.settings()).toMatchObject({
      maxImagePixels: 200_000_000,
      wrongPassphraseDelayMs: 40,
    });
    again.close();
  });

  it('a malformed row is a typed error while locked; unlock restores the defaults', async () => {
    const vault = await newVault('settings-malformed');
    vault.close();
    await rawSettings(vault.db.name, 'vault', (v) => ({ ...(v as object), autoLockMinutes: 'x' }));
    const { vault: copy, problems } = await reopen(vault);
    const error = await copy.settings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsDamagedError);
    expect(error).toMatchObject({ code: 'settings-damaged' });
    await copy.unlock(PASSPHRASE);
    expect(problems.map((p) => p.code)).toEqual(['settings-damaged']);
    expect(await copy.settings()).toEqual(DEFAULT_SETTINGS);
    copy.close();
  });
});
