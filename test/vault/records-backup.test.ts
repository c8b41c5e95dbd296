// Version 3 records (readings, exceptions, check summaries) through backup and restore,
// and as the raw database holds them: sealed, never in the clear (split from
// readings-exceptions.test.ts).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Vault } from '../../src/vault/vault';
import { REASON, WARNING, summary, withDocument } from './records-fixture';
import { PASSPHRASE, dumpRaw, rewriteBackup, uniqueName, openTestVault } from './helpers';

describe('backup and restore of version 3 records', () => {
  async function filled(): Promise<{ vault: Vault; dossier: string; docId: string }> {
    const { vault, dossier, doc } = await withDocument('backup-v3');
    await vault.saveReading(doc.id, {
      source: 'paddle',
      detectedKind: 'business-license',
      warnings: [WARNING],
    });
    await vault.acceptException(dossier, { check: 'license.creditCode', reason: REASON, by: 'Li' });
    await vault.setCheckSummary(dossier, summary);
    return { vault, dossier, docId: doc.id };
  }

  it('carries readings, exceptions and check summaries', async () => {
    const { vault, dossier, docId } = await filled();
    const file = await vault.backup();
    const target = await openTestVault(uniqueName('restore-v3'));
    await target.restore(file, PASSPHRASE);
    expect((await target.getReading(docId))?.warnings).toEqual([WARNING]);
    expect(await target.listExceptions(dossier)).toEqual(await vault.listExceptions(dossier));
    expect((await target.getDossier(dossier)).checkSummary).toEqual(summary);
    const source = await dumpRaw(vault.db);
    const restored = await dumpRaw(target.db);
    expect(restored.readings).toEqual(source.readings);
    expect(restored.exceptions).toEqual(source.exceptions);
    vault.close();
    target.close();
  });

  it('refuses a backup whose readings or exceptions do not match its manifest', async () => {
    const { vault } = await filled();
    const file = await vault.backup();
    const target = await openTestVault(uniqueName('restore-v3-counts'));
    const dropped = await rewriteBackup(file, (_h, content) => {
      content.tables.readings = [];
    });
    await expect(target.restore(dropped, PASSPHRASE)).rejects.toThrow(
      'The backup holds 0 readings records but its manifest says 1.',
    );
    // A version-3 backup must hold the new tables; only older ones may lack them.
    const missing = await rewriteBackup(file, (_h, content) => {
      delete content.tables.exceptions;
    });
    await expect(target.restore(missing, PASSPHRASE)).rejects.toThrow(
      'The backup holds 0 exceptions records but its manifest says 1.',
    );
    expect(Object.values(await dumpRaw(target.db)).every((rows) => rows.length === 0)).toBe(true);
    vault.close();
    target.close();
  });

  it('restores a backup made by the version-2 vault (test/vault/fixtures/backup-v2.dvbk)', async () => {
    // Written by git 362d720's vault code: no readings or exceptions tables, no checkSummary.
    const file = new Uint8Array(
      readFileSync(new URL('./fixtures/backup-v2.dvbk', import.meta.url)),
    );
    expect(new TextDecoder('latin1').decode(file.subarray(0, 300))).toContain('"schemaVersion":2');
    const target = await openTestVault(uniqueName('restore-v2'));
    await target.restore(file, PASSPHRASE);
    const [summary2] = await target.listDossiers();
    expect(summary2).toMatchObject({ company: '杭州青梧屿贸易有限公司', checkSummary: null });
    const dossier = summary2!.id;
    const [doc] = await target.listDocuments(dossier);
    expect(doc?.fileName).toBe('license.png');
    expect(await target.openDocumentBytes(doc!.id)).toHaveLength(doc!.size);
    expect((await target.listExtractions(doc!.id))[0]?.confirmedBy).toBe('王会计');
    expect((await target.listAccounts(dossier))[0]?.phone).toBe('13800138000');
    expect(await target.getReading(doc!.id)).toBeNull();
    expect(await target.listExceptions(dossier)).toEqual([]);
    expect((await target.db.dossiers.get(dossier))?.checkSummary).toBeNull();
    // And it works as a version-3 vault from then on, including its own backup.
    await target.acceptException(dossier, { check: 'id.expiry', reason: 'Renewed', by: 'Li' });
    const again = await openTestVault(uniqueName('restore-v2-again'));
    await again.restore(await target.backup(), PASSPHRASE);
    expect(await again.listExceptions(dossier)).toHaveLength(1);
    target.close();
    again.close();
  });
});

describe('the raw database', () => {
  it('holds no plaintext of an exception reason, its author, a reading warning or a summary date', async () => {
    const { vault, dossier, doc } = await withDocument('raw-v3');
    await vault.saveReading(doc.id, {
      source: 'paddle',
      detectedKind: 'business-license',
      warnings: [WARNING],
      error: 'Seal over 913301',
    });
    await vault.acceptException(dossier, {
      check: 'license.creditCode',
      reason: REASON,
      by: '王会计',
    });
    await vault.setCheckSummary(dossier, { ...summary, licenseValidUntil: '2041-03-09' });
    const raw = await dumpRaw(vault.db);
    expect(raw.readings).toHaveLength(1);
    expect(raw.exceptions).toHaveLength(1);
    // Bytes decoded both ways so that plaintext anywhere, in any field, would show.
    const text = JSON.stringify(raw, (_k, v: unknown) =>
      v instanceof Uint8Array
        ? new TextDecoder('utf-8').decode(v) + new TextDecoder('latin1').decode(v)
        : v,
    );
    for (const secret of [
      WARNING,
      '印章模糊',
      REASON,
      '试点期',
      '王会计',
      'Seal over',
      '2041-03-09',
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain('license.creditCode');
    vault.close();
  });
});
