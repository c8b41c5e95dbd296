// Version 3 records: document readings, accepted exceptions, check summaries, document
// kinds, the settings added with them, and their place in purge (backup, restore and the
// raw database: records-backup.test.ts).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { VaultError, VaultIntegrityError } from '../../src/vault/errors';
import { REASON, WARNING, summary, withDocument } from './records-fixture';
import { PASSPHRASE, dumpRaw, newVault, pdfFile, openTestVault } from './helpers';

describe('document readings', () => {
  it('round-trip with defaults filled in, replace the earlier reading, and are null when never saved', async () => {
    const { vault, dossier, doc } = await withDocument('reading-roundtrip');
    expect(await vault.getReading(doc.id)).toBeNull();
    await vault.saveReading(doc.id, { source: 'paddle', detectedKind: 'business-license' });
    expect(await vault.getReading(doc.id)).toEqual({
      source: 'paddle',
      detectedKind: 'business-license',
      warnings: [],
      needsConfirmation: [],
      error: null,
      pages: [],
    });
    const full = {
      source: null,
      detectedKind: 'unknown' as const,
      warnings: [WARNING],
      needsConfirmation: ['creditCode', 'companyName'],
      error: 'The page is too dark to read.',
      pages: [
        { width: 1200, height: 800, rotation: 90 as const },
        { width: 595.5, height: 842 },
      ],
    };
    await vault.saveReading(doc.id, full);
    expect(await vault.getReading(doc.id)).toEqual({
      ...full,
      pages: [full.pages[0], { ...full.pages[1], rotation: 0 }],
    });
    const raw = (await vault.db.readings.get(doc.id))!;
    expect(raw.dossierId).toBe(dossier);
    expect(Object.keys(raw).sort()).toEqual(['documentId', 'dossierId', 'reading', 'updatedAt']);
    // Invalid input is refused before anything is written.
    await expect(
      vault.saveReading(doc.id, {
        source: 'paddle',
        detectedKind: 'business-license',
        pages: [{ width: 0, height: 10 }],
      }),
    ).rejects.toThrow();
    await expect(
      vault.saveReading('no-such-document', { source: 'paddle', detectedKind: 'unknown' }),
    ).rejects.toThrow('There is no document no-such-document.');
    expect((await vault.getReading(doc.id))?.warnings).toEqual([WARNING]);
    vault.close();
  });

  it('a tampered reading fails with the integrity error and is logged', async () => {
    const { vault, doc } = await withDocument('reading-tamper');
    await vault.saveReading(doc.id, {
      source: 'tesseract',
      detectedKind: 'business-license',
      warnings: [WARNING],
    });
    const raw = (await vault.db.readings.get(doc.id))!;
    const ct = raw.reading.ct.slice();
    ct[3]! ^= 0x01;
    await vault.db.readings.put({ ...raw, reading: { iv: raw.reading.iv, ct } });
    const error = await vault.getReading(doc.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultIntegrityError);
    expect((error as Error).message).toBe(
      `Record readings/${doc.id} (field reading) failed its integrity check and was not read.`,
    );
    const logged = await vault.audit('integrity-failure');
    expect(logged.map((e) => [e.entityId, e.detail])).toContainEqual([doc.id, 'readings.reading']);
    vault.close();
  });

  it("a reading swapped onto another document's record fails", async () => {
    const { vault, dossier, doc } = await withDocument('reading-swap');
    const other = await vault.importFile(dossier, { name: 'bank.pdf', bytes: pdfFile(1) });
    await vault.saveReading(doc.id, { source: 'paddle', detectedKind: 'business-license' });
    await vault.saveReading(other.id, {
      source: 'pdf-text',
      detectedKind: 'bank-permit',
      warnings: [WARNING],
    });
    const a = (await vault.db.readings.get(doc.id))!;
    const b = (await vault.db.readings.get(other.id))!;
    await vault.db.readings.put({ ...a, reading: b.reading });
    await expect(vault.getReading(doc.id)).rejects.toThrow(VaultIntegrityError);
    // The record that was not touched still reads.
    expect((await vault.getReading(other.id))?.detectedKind).toBe('bank-permit');
    vault.close();
  });
});

describe('document kind', () => {
  it('changes with a change event and an edit audit entry; the same kind changes nothing', async () => {
    const clock = { now: 1_700_000_000_000 };
    const { vault, dossier, doc } = await withDocument('kind', clock);
    clock.now += 5_000;
    await vault.setDocumentKind(doc.id, 'id-card-front');
    expect((await vault.listDocuments(dossier))[0]?.kind).toBe('id-card-front');
    const changes = await vault.listChanges(dossier);
    expect(changes.at(-1)).toMatchObject({
      kind: 'edit',
      entity: 'documents',
      entityId: doc.id,
      field: 'kind',
      before: 'business-license',
      after: 'id-card-front',
    });
    expect((await vault.audit('edit')).at(-1)).toMatchObject({ entityId: doc.id, detail: 'kind' });
    expect((await vault.getDossier(dossier)).updatedAt).toBe(clock.now);
    const count = (await vault.listChanges(dossier)).length;
    await vault.setDocumentKind(doc.id, 'id-card-front');
    expect(await vault.listChanges(dossier)).toHaveLength(count);
    await expect(vault.setDocumentKind(doc.id, 'passport' as never)).rejects.toThrow();
    vault.close();
  });
});

describe('accepted exceptions', () => {
  it('round-trip as AcceptedException with a trimmed reason and the vault clock as ISO time', async () => {
    const clock = { now: Date.UTC(2026, 10, 24, 12, 30, 0) };
    const { vault, dossier } = await withDocument('exception-roundtrip', clock);
    await vault.acceptException(dossier, {
      check: 'license.creditCode',
      reason: `  ${REASON}\n`,
      by: ' 王会计 ',
    });
    clock.now += 60_000;
    await vault.acceptException(dossier, { check: 'id.expiry', reason: 'Renewal filed', by: 'Li' });
    expect(await vault.listExceptions(dossier)).toEqual([
      { check: 'id.expiry', reason: 'Renewal filed', by: 'Li', at: '2026-11-24T12:31:00.000Z' },
      { check: 'license.creditCode', reason: REASON, by: '王会计', at: '2026-11-24T12:30:00.000Z' },
    ]);
    const record = (await vault.db.exceptions.get(`${dossier}:license.creditCode`))!;
    expect(record.check).toBe('license.creditCode');
    // Accepting again replaces the reason; revoking removes it; both are in history and audit.
    await vault.acceptException(dossier, { check: 'id.expiry', reason: 'Renewed', by: 'Li' });
    expect((await vault.listExceptions(dossier)).find((e) => e.check === 'id.expiry')?.reason).toBe(
      'Renewed',
    );
    await vault.revokeException(dossier, 'id.expiry');
    await vault.revokeException(dossier, 'id.expiry');
    expect((await vault.listExceptions(dossier)).map((e) => e.check)).toEqual([
      'license.creditCode',
    ]);
    expect(
      (await vault.listChanges(dossier))
        .filter((c) => c.entity === 'exceptions')
        .map((c) => [c.kind, c.field, c.before, c.after]),
    ).toEqual([
      ['create', 'license.creditCode', null, REASON],
      ['create', 'id.expiry', null, 'Renewal filed'],
      ['edit', 'id.expiry', 'Renewal filed', 'Renewed'],
      ['delete', 'id.expiry', 'Renewed', null],
    ]);
    expect((await vault.audit('exception')).map((e) => e.detail)).toEqual([
      'accepted license.creditCode',
      'accepted id.expiry',
      'accepted id.expiry',
      'revoked id.expiry',
    ]);
    expect(JSON.stringify(await vault.audit())).not.toContain('Renewed');
    vault.close();
  });

  it('refuses an empty reason or name in one sentence, and an unknown dossier', async () => {
    const { vault, dossier } = await withDocument('exception-refused');
    const error = await vault
      .acceptException(dossier, { check: 'license.creditCode', reason: '  \n ', by: 'Li' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as Error).message).toBe('Write a reason before accepting an exception.');
    await expect(
      vault.acceptException(dossier, { check: 'license.creditCode', reason: 'ok', by: ' ' }),
    ).rejects.toThrow(
      'Enter your name in Settings; an accepted exception records who accepted it.',
    );
    await expect(
      vault.acceptException('nope', { check: 'license.creditCode', reason: 'ok', by: 'Li' }),
    ).rejects.toThrow('There is no dossier nope.');
    expect(await vault.listExceptions(dossier)).toEqual([]);
    expect(await vault.db.exceptions.count()).toBe(0);
    vault.close();
  });

  it('a tampered or swapped reason fails with the integrity error', async () => {
    const { vault, dossier } = await withDocument('exception-tamper');
    const other = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    await vault.acceptException(dossier, { check: 'id.expiry', reason: REASON, by: 'Li' });
    await vault.acceptException(other, { check: 'id.expiry', reason: 'Other', by: 'Li' });
    const a = (await vault.db.exceptions.get(`${dossier}:id.expiry`))!;
    const b = (await vault.db.exceptions.get(`${other}:id.expiry`))!;
    // Same check, another dossier: the AAD names the record, so the swap is caught.
    await vault.db.exceptions.put({ ...a, reason: b.reason });
    await expect(vault.listExceptions(dossier)).rejects.toThrow(
      `Record exceptions/${dossier}:id.expiry (field reason) failed its integrity check`,
    );
    // Reason moved into the "by" field of its own record: caught by the field in the AAD.
    await vault.db.exceptions.put({ ...b, by: b.reason });
    await expect(vault.listExceptions(other)).rejects.toThrow(VaultIntegrityError);
    expect((await vault.audit('integrity-failure')).length).toBeGreaterThanOrEqual(2);
    vault.close();
  });
});

describe('check summaries', () => {
  it('are stored sealed on the dossier, shown in the list, and do not move updatedAt', async () => {
    const clock = { now: 1_700_000_000_000 };
    const { vault, dossier } = await withDocument('summary', clock);
    const second = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    const before = await vault.listDossiers();
    expect(before.map((d) => [d.id, d.checkSummary])).toEqual([
      [dossier, null],
      [second, null],
    ]);
    clock.now += 60_000;
    await vault.setCheckSummary(dossier, summary);
    const after = await vault.listDossiers();
    // Same order and timestamps: running the checks is not an edit.
    expect(after.map((d) => [d.id, d.updatedAt])).toEqual(before.map((d) => [d.id, d.updatedAt]));
    expect(after.find((d) => d.id === dossier)?.checkSummary).toEqual(summary);
    expect((await vault.getDossier(dossier)).checkSummary).toEqual(summary);
    const raw = (await vault.db.dossiers.get(dossier))!;
    expect(raw.checkSummary?.ct).toBeInstanceOf(Uint8Array);
    expect(JSON.stringify(await dumpRaw(vault.db))).not.toContain('2035-05-12');
    // A fresh unlock decrypts it from the record, not from the in-memory list.
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.listDossiers()).find((d) => d.id === dossier)?.checkSummary).toEqual(
      summary,
    );
    // Later edits keep it.
    await vault.updateDossier(dossier, { status: 'checking' });
    expect((await vault.getDossier(dossier)).checkSummary).toEqual(summary);
    await expect(vault.setCheckSummary(dossier, { ...summary, failed: -1 })).rejects.toThrow();
    await expect(vault.setCheckSummary('nope', summary)).rejects.toThrow(
      'There is no dossier nope.',
    );
    vault.close();
  });

  it('a summary moved to another dossier fails its integrity check', async () => {
    const { vault, dossier } = await withDocument('summary-swap');
    const other = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    await vault.setCheckSummary(other, summary);
    const sealed = (await vault.db.dossiers.get(other))!.checkSummary;
    await vault.db.dossiers.update(dossier, { checkSummary: sealed });
    await expect(vault.getDossier(dossier)).rejects.toThrow(
      `Record dossiers/${dossier} (field checkSummary)`,
    );
    vault.close();
  });
});

describe('accounts across dossiers', () => {
  it('lists every live dossier’s accounts, decrypted, and none of a deleted dossier', async () => {
    const vault = await newVault('accounts-all');
    const a = await vault.createDossier({ company: 'A' });
    const b = await vault.createDossier({ company: 'B' });
    const c = await vault.createDossier({ company: 'C' });
    await vault.addAccount(a, { store: 'Store A', phone: '13800138000', email: 'a@example.com' });
    await vault.addAccount(b, { store: 'Store B', phone: '13900139000', email: 'b@example.com' });
    await vault.addAccount(c, { store: 'Store C', phone: '13700137000', email: 'c@example.com' });
    await vault.deleteDossier(c);
    const all = await vault.listAccountsAll();
    expect(all.map((x) => [x.dossierId, x.account.store, x.account.phone])).toEqual([
      [a, 'Store A', '13800138000'],
      [b, 'Store B', '13900139000'],
    ]);
    expect(all[0]?.account.id).toEqual(expect.any(String));
    vault.lock();
    await expect(vault.listAccountsAll()).rejects.toThrow('The vault is locked; unlock it first.');
    vault.close();
  });
});

describe('settings', () => {
  it('an old settings record reads with the new defaults, and changes are audited by name', async () => {
    const vault = await newVault('settings');
    // A settings record as version 2 wrote it: none of language, ocrEngine, userName.
    await vault.db.settings.put({
      key: 'vault',
      value: { autoLockMinutes: 5, undoWindowSeconds: 10, wrongPassphraseDelayMs: 30 },
    });
    vault.close();
    const reopened = await openTestVault(vault.db.name);
    const settings = await reopened.settings();
    expect(settings).toMatchObject({
      autoLockMinutes: 5,
      language: 'zh',
      ocrEngine: 'paddle',
      userName: '',
    });
    await expect(reopened.updateSettings({ language: 'en' })).rejects.toThrow(
      'The vault is locked',
    );
    await reopened.unlock(PASSPHRASE);
    const next = await reopened.updateSettings({
      language: 'en',
      ocrEngine: 'tesseract',
      userName: '王会计',
    });
    expect(next).toMatchObject({ language: 'en', ocrEngine: 'tesseract', userName: '王会计' });
    await reopened.updateSettings({ language: 'en' });
    // The row was replaced under its MAC (settings-mac.test.ts): unlock put its limits back.
    expect((await reopened.audit('settings')).map((e) => e.detail)).toEqual([
      'wrongPassphraseDelayMs',
      'restored autoLockMinutes wrongPassphraseDelayMs',
      'language ocrEngine userName',
    ]);
    await expect(reopened.updateSettings({ userName: 'x'.repeat(81) })).rejects.toThrow();
    await expect(reopened.updateSettings({ language: 'fr' as unknown as 'en' })).rejects.toThrow();
    reopened.close();
  });
});

describe('purge', () => {
  it('removes a purged document’s reading, and a purged dossier’s readings and exceptions', async () => {
    const clock = { now: 1_700_000_000_000 };
    const { vault, dossier, doc } = await withDocument('purge-v3', clock);
    const keep = await vault.importFile(dossier, { name: 'bank.pdf', bytes: pdfFile(1) });
    await vault.saveReading(doc.id, { source: 'paddle', detectedKind: 'business-license' });
    await vault.saveReading(keep.id, { source: 'pdf-text', detectedKind: 'bank-permit' });
    await vault.acceptException(dossier, { check: 'id.expiry', reason: REASON, by: 'Li' });

    // A document: its reading survives the undo window's undo, then goes with the purge.
    const ticket = await vault.deleteDocument(doc.id);
    await vault.undoDelete(ticket);
    expect(await vault.getReading(doc.id)).not.toBeNull();
    await vault.deleteDocument(doc.id);
    clock.now += 10_001;
    expect(await vault.purgeExpired()).toBe(1);
    expect(await vault.db.readings.get(doc.id)).toBeUndefined();
    expect(await vault.getReading(keep.id)).not.toBeNull();
    expect(await vault.listExceptions(dossier)).toHaveLength(1);

    // A dossier: every reading of its documents and every exception go.
    const other = await vault.createDossier({ company: 'Other' });
    await vault.acceptException(other, { check: 'id.expiry', reason: 'Stays', by: 'Li' });
    await vault.deleteDossier(dossier);
    clock.now += 10_001;
    expect(await vault.purgeExpired()).toBe(1);
    expect(await vault.db.readings.count()).toBe(0);
    expect(await vault.db.exceptions.where('dossierId').equals(dossier).count()).toBe(0);
    expect(await vault.listExceptions(other)).toHaveLength(1);
    vault.close();
  });
});
