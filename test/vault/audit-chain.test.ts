// The audit log as a hash chain (issue 17 item 5): an entry edited, removed, or the chain
// rebuilt without the key, in the raw IndexedDB under the vault, is reported by
// verifyAudit at the first broken link. The raw edits go around Dexie (and its
// append-only hook) with the IndexedDB API itself, as a copied profile would be edited.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { auditHash } from '../../src/vault/audit';
import type { AuditEntry } from '../../src/vault/schema/audit-log';
import type { Vault } from '../../src/vault/vault';
import { PASSPHRASE, newVault } from './helpers';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Runs `edit` on the raw auditLog store of the vault's database. */
async function rawAudit(vault: Vault, edit: (store: IDBObjectStore) => Promise<void>) {
  const db = await request(indexedDB.open(vault.db.name));
  const tx = db.transaction('auditLog', 'readwrite');
  await edit(tx.objectStore('auditLog'));
  await new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error ?? new Error('transaction failed'));
  });
  db.close();
}

/** A vault with a dozen chained entries, one of them written while locked. */
async function busyVault(label: string): Promise<{ vault: Vault; entries: AuditEntry[] }> {
  const vault = await newVault(label);
  const id = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
  await vault.updateDossier(id, { legalRepresentative: '王丽' });
  vault.lock();
  await vault.unlock('not the passphrase').catch(() => undefined);
  await vault.unlock(PASSPHRASE);
  await vault.addAccount(id, { store: '天猫', phone: '13800138000', email: 'a@b.cn' });
  const entries = await vault.db.auditLog.orderBy('seq').toArray();
  return { vault, entries };
}

describe('the audit hash chain', () => {
  it('numbers every entry, links it to the previous one and signs it when unlocked', async () => {
    const { vault, entries } = await busyVault('chain');
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    for (const [i, e] of entries.entries())
      expect(e.prev).toBe(i === 0 ? '0'.repeat(64) : entries[i - 1]!.hash);
    const unsigned = entries.filter((e) => e.mac === null).map((e) => e.action);
    expect(unsigned).toEqual(['unlock-failed']);
    expect(await vault.verifyAudit()).toEqual({
      checked: entries.length,
      unsignedTail: 0,
      broken: null,
    });
    await expect(vault.db.auditLog.update(entries[2]!.id, { detail: 'x' })).rejects.toThrow(
      'append-only',
    );
    vault.close();
  });

  it('an entry edited in the raw database is reported as edited, at its number', async () => {
    const { vault, entries } = await busyVault('edited');
    const target = entries[3]!;
    await rawAudit(vault, async (store) => {
      await request(store.put({ ...target, detail: 'nothing happened' }));
    });
    expect((await vault.verifyAudit()).broken).toEqual({
      seq: 4,
      entryId: target.id,
      problem: 'edited',
    });
    vault.close();
  });

  it('an entry removed is reported as missing at its number', async () => {
    const { vault, entries } = await busyVault('removed');
    await rawAudit(vault, async (store) => {
      await request(store.delete(entries[2]!.id));
    });
    expect((await vault.verifyAudit()).broken).toEqual({
      seq: 3,
      entryId: entries[3]!.id,
      problem: 'missing',
    });
    vault.close();
  });

  it('an entry removed and the chain rebuilt without the key is reported as forged', async () => {
    const { vault, entries } = await busyVault('rebuilt');
    const kept = entries.filter((_, i) => i !== 2);
    await rawAudit(vault, async (store) => {
      await request(store.clear());
      let prev = '0'.repeat(64);
      for (const [i, e] of kept.entries()) {
        const seq = i + 1;
        const hash = auditHash({ ...e, seq, prev });
        await request(store.add({ ...e, seq, prev, hash }));
        prev = hash;
      }
    });
    // Numbers and links are consistent again; the MAC of the first renumbered entry is not.
    expect((await vault.verifyAudit()).broken).toEqual({
      seq: 3,
      entryId: kept[2]!.id,
      problem: 'forged',
    });
    vault.close();
  });

  it('an edited entry re-hashed alone breaks the link to the next one', async () => {
    const { vault, entries } = await busyVault('relinked');
    const failed = entries.find((e) => e.action === 'unlock-failed')!; // no MAC to forge
    const edited = { ...failed, detail: 'edited' };
    const after = entries[failed.seq! /* the next one's index */]!;
    await rawAudit(vault, async (store) => {
      await request(
        store.put({
          ...edited,
          hash: auditHash({ ...edited, seq: failed.seq!, prev: failed.prev! }),
        }),
      );
    });
    expect((await vault.verifyAudit()).broken).toEqual({
      seq: after.seq,
      entryId: after.id,
      problem: 'link',
    });
    vault.close();
  });

  it('entries survive a backup and restore with their chain and MACs', async () => {
    const { vault } = await busyVault('backup');
    const file = await vault.backup();
    vault.close();
    const { openTestVault, uniqueName } = await import('./helpers');
    const target = await openTestVault(uniqueName('chain-restore'));
    await target.restore(file, PASSPHRASE);
    const verdict = await target.verifyAudit();
    expect(verdict.broken).toBeNull();
    target.close();
  });
});
