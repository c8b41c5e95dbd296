// The purge after the undo window runs on a timer nobody awaits (issue 17 item 7): its
// failure is reported to the vault's problem listeners with the code 'purge-failed' and
// its cause, the items stay hidden, and the next purge removes them. An unlock whose
// purge fails still unlocks, and says why the purge did not happen.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VaultError } from '../../src/vault/errors';
import { PASSPHRASE, newVault, pdfFile } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const injected = () => {
  throw new Error('disk full (injected)');
};

describe('the purge timer', () => {
  it('reports a failed purge with its code and cause; the next purge removes the items', async () => {
    const clock = { now: 1_700_000_000_000 };
    const vault = await newVault('purge-fails', clock);
    const dossier = await vault.createDossier({ company: 'A' });
    const doc = await vault.importFile(dossier, { name: 'a.pdf', bytes: pdfFile(1) });
    const problems: VaultError[] = [];
    vault.onProblem((p) => problems.push(p));
    // The purge's audit entry fails: its transaction, deletions included, rolls back.
    const failPurge = (_key: unknown, entry: { action: string }) => {
      if (entry.action === 'purge') injected();
    };
    vault.db.auditLog.hook('creating', failPurge);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await vault.deleteDocument(doc.id);
    clock.now += 10_001;
    await vi.advanceTimersByTimeAsync(10_100);
    await vi.waitFor(() => expect(problems).toHaveLength(1));
    vi.useRealTimers();

    expect(problems[0]).toMatchObject({ code: 'purge-failed', name: 'VaultError' });
    expect((problems[0]!.cause as Error).message).toContain('disk full (injected)');
    expect(await vault.db.blobs.get(doc.id)).toBeDefined();
    expect(await vault.listDocuments(dossier)).toEqual([]);
    expect(await vault.audit('purge')).toEqual([]);

    vault.db.auditLog.hook('creating').unsubscribe(failPurge);
    expect(await vault.purgeExpired()).toBe(1);
    expect(await vault.db.blobs.get(doc.id)).toBeUndefined();
    vault.close();
  });

  it('an unlock whose purge fails still unlocks, and reports the failure', async () => {
    const clock = { now: 1_700_000_000_000 };
    const vault = await newVault('purge-on-unlock', clock);
    const dossier = await vault.createDossier({ company: 'A' });
    await vault.deleteDossier(dossier);
    vault.lock();
    clock.now += 60_000;
    const problems: VaultError[] = [];
    vault.onProblem((p) => problems.push(p));
    const failPurge = (_key: unknown, entry: { action: string }) => {
      if (entry.action === 'purge') injected();
    };
    vault.db.auditLog.hook('creating', failPurge);
    await vault.unlock(PASSPHRASE);
    vault.db.auditLog.hook('creating').unsubscribe(failPurge);
    expect(vault.isUnlocked).toBe(true);
    expect(problems.map((p) => p.code)).toEqual(['purge-failed']);
    expect(await vault.db.dossiers.get(dossier)).toBeDefined();
    expect(await vault.purgeExpired()).toBe(1);
    vault.close();
  });
});
