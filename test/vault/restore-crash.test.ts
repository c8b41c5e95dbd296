// A crash in a restore's write phase (issue 17 item 5/4): the restore writes a streamed
// backup a frame at a time and the keyring last, so a process killed midway left records
// without a keyring, a vault "not created" over data nobody can open. Here the crash is
// the database closing under the restore as it writes the keyring (so the in-process
// clean-up cannot run either); the vault opened next wipes the half-written restore,
// reports 'restore-interrupted', and the same backup then restores whole.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RESTORE_MARKER_KEY } from '../../src/vault/backup/restore-marker';
import type { VaultError } from '../../src/vault/errors';
import { PASSPHRASE, dumpRaw, newVault, openTestVault, pngHeader, uniqueName } from './helpers';

describe('a restore cut short by a crash', () => {
  it('is wiped on the next open and reported; the backup then restores whole', async () => {
    const source = await newVault('crash-source');
    const dossier = await source.createDossier({ company: '杭州青梧屿贸易有限公司' });
    await source.importFile(dossier, { name: 'a.png', bytes: pngHeader(800, 600) });
    const file = await source.backup();
    source.close();

    const name = uniqueName('crash-target');
    const target = await openTestVault(name);
    const crash = () => {
      target.db.close();
      throw new Error('power cut (injected)');
    };
    target.db.keyring.hook('creating', crash);
    await expect(target.restore(file, PASSPHRASE)).rejects.toThrow();
    target.close();

    // What the crash left: the backup's records and the marker, no keyring.
    const left = await openRawCounts(name);
    expect(left.keyring).toBe(0);
    expect(left.dossiers).toBe(1);
    expect(left.marker).toBe(true);

    const reopened = await openTestVault(name);
    const problems: VaultError[] = [];
    reopened.onProblem((p) => problems.push(p));
    expect(problems.map((p) => p.code)).toEqual(['restore-interrupted']);
    expect(Object.values(await dumpRaw(reopened.db)).every((rows) => rows.length === 0)).toBe(
      true,
    );
    expect(await reopened.isCreated()).toBe(false);

    await reopened.restore(file, PASSPHRASE);
    expect((await reopened.listDossiers()).map((d) => d.company)).toEqual([
      '杭州青梧屿贸易有限公司',
    ]);
    expect(await reopened.db.settings.get(RESTORE_MARKER_KEY)).toBeUndefined();
    reopened.close();
    // A whole restore leaves no marker: opening again reports nothing.
    const again = await openTestVault(name);
    const none: VaultError[] = [];
    again.onProblem((p) => none.push(p));
    expect(none).toEqual([]);
    expect(await again.isCreated()).toBe(true);
    again.close();
  });
});

/** Counts in the raw IndexedDB database, without the vault's open-time recovery. */
async function openRawCounts(
  name: string,
): Promise<{ keyring: number; dossiers: number; marker: boolean }> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('open failed'));
  });
  const get = <T>(req: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('request failed'));
    });
  const tx = db.transaction(['keyring', 'dossiers', 'settings'], 'readonly');
  const out = {
    keyring: await get(tx.objectStore('keyring').count()),
    dossiers: await get(tx.objectStore('dossiers').count()),
    marker: (await get(tx.objectStore('settings').get(RESTORE_MARKER_KEY))) !== undefined,
  };
  db.close();
  return out;
}
