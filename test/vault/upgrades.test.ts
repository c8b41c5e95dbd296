// Each schema upgrade: open the previous version with data, upgrade, assert.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { defineVaultVersions, LATEST_VAULT_VERSION, VaultDB } from '../../src/vault/db';
import { DocumentRecordSchema } from '../../src/vault/schema/documents';
import {
  DossierRecordSchema,
  DossierRecordV1Schema,
  DossierRecordV2Schema,
} from '../../src/vault/schema/dossiers';
import { PASSPHRASE, newVault, pdfFile, pngHeader, uniqueName, openTestVault } from './helpers';

/** Every record of every table of a vault made with the current code. */
async function currentRecords(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const t of db.tables) tables[t.name] = await t.toArray();
  return tables;
}

describe('upgrade 1 → 2', () => {
  it('marks existing dossiers and documents live, indexes deletedAt and the audit log by action', async () => {
    // Make real version-1 records with the current code, then strip what version 2 added.
    const source = await newVault('v1-source');
    const dossierId = await source.createDossier({
      company: '杭州青梧屿贸易有限公司',
      idNumber: '330106198805120026',
    });
    const doc = await source.importFile(dossierId, { name: 'bank.pdf', bytes: pdfFile(2) });
    const tables = await currentRecords(source.db);
    source.close();

    const name = uniqueName('v1');
    const v1 = new Dexie(name);
    defineVaultVersions(v1, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.transaction('rw', v1.tables, async () => {
      for (const t of v1.tables) {
        const rows = (tables[t.name] ?? []).map((r) => {
          const { deletedAt: _drop, checkSummary: _v3, ...rest } = r as Record<string, unknown>;
          return t.name === 'dossiers' || t.name === 'documents' ? rest : r;
        });
        await t.bulkAdd(rows);
      }
    });
    expect(
      DossierRecordV1Schema.strict().parse(await v1.table('dossiers').get(dossierId)),
    ).not.toHaveProperty('deletedAt');
    await expect(
      v1.table('auditLog').where('[action+at]').equals(['import', 0]).count(),
    ).rejects.toThrow();
    v1.close();

    const v2 = new Dexie(name);
    defineVaultVersions(v2, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(
      DossierRecordV2Schema.strict().parse(await v2.table('dossiers').get(dossierId)).deletedAt,
    ).toBe(0);
    expect(DocumentRecordSchema.parse(await v2.table('documents').get(doc.id)).deletedAt).toBe(0);
    expect(await v2.table('documents').where('deletedAt').equals(0).count()).toBe(1);
    expect(
      await v2
        .table('auditLog')
        .where('[action+at]')
        .between(['import', 0], ['import', Infinity])
        .count(),
    ).toBe(1);
    v2.close();

    // The upgraded vault still opens with the same passphrase and reads its data.
    const vault = await openTestVault(name);
    await vault.unlock(PASSPHRASE);
    expect((await vault.getDossier(dossierId)).company).toBe('杭州青梧屿贸易有限公司');
    expect(await vault.openDocumentBytes(doc.id)).toHaveLength(doc.size);
    expect(await vault.countAccountsForIdNumber('330106198805120026')).toBe(0);
    vault.close();
  });
});

describe('upgrade 2 → 3', () => {
  it('adds the readings, exceptions and trackedChanges tables and a null check summary on every dossier', async () => {
    const source = await newVault('v2-source');
    const first = await source.createDossier({
      company: '杭州青梧屿贸易有限公司',
      idNumber: '330106198805120026',
    });
    const second = await source.createDossier({ company: '宁波远帆电子商务有限公司' });
    const doc = await source.importFile(first, {
      name: 'license.png',
      bytes: pngHeader(800, 600),
      kind: 'business-license',
    });
    await source.addAccount(first, { store: 'S', phone: '13800138000', email: 'a@example.com' });
    const tables = await currentRecords(source.db);
    source.close();

    // Version 2 had neither table nor the checkSummary field.
    const name = uniqueName('v2');
    const v2 = new Dexie(name);
    defineVaultVersions(v2, 2);
    await v2.open();
    for (const table of ['readings', 'exceptions', 'trackedChanges'])
      expect(v2.tables.map((t) => t.name)).not.toContain(table);
    await v2.transaction('rw', v2.tables, async () => {
      for (const t of v2.tables) {
        const rows = (tables[t.name] ?? []).map((r) => {
          const { checkSummary: _drop, ...rest } = r as Record<string, unknown>;
          return t.name === 'dossiers' ? rest : r;
        });
        await t.bulkAdd(rows);
      }
    });
    for (const id of [first, second])
      expect(
        DossierRecordV2Schema.strict().parse(await v2.table('dossiers').get(id)),
      ).not.toHaveProperty('checkSummary');
    v2.close();

    const v3 = new Dexie(name);
    defineVaultVersions(v3, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    for (const id of [first, second])
      expect(
        DossierRecordSchema.strict().parse(await v3.table('dossiers').get(id)).checkSummary,
      ).toBeNull();
    expect(await v3.table('readings').count()).toBe(0);
    expect(await v3.table('exceptions').where('dossierId').equals(first).count()).toBe(0);
    expect(await v3.table('trackedChanges').where('dossierId').equals(first).count()).toBe(0);
    expect(await v3.table('accounts').count()).toBe(1);
    v3.close();

    // The upgraded vault unlocks, reads its v2 data and takes the new records.
    const vault = await openTestVault(name);
    await vault.unlock(PASSPHRASE);
    const dossier = await vault.getDossier(first);
    expect(dossier.company).toBe('杭州青梧屿贸易有限公司');
    expect(dossier.checkSummary).toBeNull();
    expect((await vault.listDossiers()).map((d) => d.checkSummary)).toEqual([null, null]);
    expect(await vault.getReading(doc.id)).toBeNull();
    await vault.saveReading(doc.id, { source: 'paddle', detectedKind: 'business-license' });
    expect((await vault.getReading(doc.id))?.source).toBe('paddle');
    await vault.acceptException(first, {
      check: 'license.creditCode',
      reason: 'Pilot code',
      by: '王会计',
    });
    expect(await vault.listExceptions(first)).toHaveLength(1);
    expect(await vault.listTrackedChanges(first)).toEqual([]);
    const changeId = await vault.addTrackedChange(first, {
      kind: 'legal-representative',
      occurredOn: '2026-11-20',
    });
    expect(await vault.listTrackedChanges(first)).toEqual([
      { id: changeId, kind: 'legal-representative', occurredOn: '2026-11-20' },
    ]);
    vault.close();
  });
});

describe('upgrade 3 → 4', () => {
  it('adds the holidaySchedules and copyRegister tables; the data of version 3 stays readable', async () => {
    const source = await newVault('v3-source');
    const dossierId = await source.createDossier({
      company: '杭州青梧屿贸易有限公司',
      idNumber: '330106198805120026',
    });
    const changeId = await source.addTrackedChange(dossierId, {
      kind: 'address',
      occurredOn: '2026-12-28',
    });
    const tables = await currentRecords(source.db);
    source.close();

    const name = uniqueName('v3');
    const v3 = new Dexie(name);
    defineVaultVersions(v3, 3);
    await v3.open();
    for (const table of ['holidaySchedules', 'copyRegister'])
      expect(v3.tables.map((t) => t.name)).not.toContain(table);
    await v3.transaction('rw', v3.tables, async () => {
      for (const t of v3.tables) await t.bulkAdd(tables[t.name] ?? []);
    });
    v3.close();

    const v4 = new VaultDB(name);
    await v4.open();
    expect(v4.verno).toBe(LATEST_VAULT_VERSION);
    expect(await v4.holidaySchedules.count()).toBe(0);
    expect(await v4.copyRegister.where('dossierId').equals(dossierId).count()).toBe(0);
    expect(await v4.trackedChanges.count()).toBe(1);
    v4.close();

    const vault = await openTestVault(name);
    await vault.unlock(PASSPHRASE);
    expect(await vault.listTrackedChanges(dossierId)).toEqual([
      { id: changeId, kind: 'address', occurredOn: '2026-12-28' },
    ]);
    expect(
      await vault.loadHolidaySchedule(
        { '2027': { holidays: ['2027-01-01'], workingDays: ['2027-02-20'] } },
        'h.json',
      ),
    ).toEqual(['2027']);
    expect(await vault.listCopies({ dossierId })).toEqual([]);
    vault.close();
  });
});

describe('upgrade 4 → 5', () => {
  it('chains the existing audit entries in the order they were written; new ones carry a MAC', async () => {
    const source = await newVault('v4-source');
    const dossierId = await source.createDossier({ company: '杭州青梧屿贸易有限公司' });
    await source.updateDossier(dossierId, { legalRepresentative: '王丽' });
    const tables = await currentRecords(source.db);
    source.close();

    const name = uniqueName('v4');
    const v4 = new Dexie(name);
    defineVaultVersions(v4, 4);
    await v4.open();
    await v4.transaction('rw', v4.tables, async () => {
      for (const t of v4.tables) {
        const rows = (tables[t.name] ?? []).map((r) => {
          const { seq: _s, prev: _p, hash: _h, mac: _m, ...rest } = r as Record<string, unknown>;
          return t.name === 'auditLog' ? rest : r;
        });
        await t.bulkAdd(rows);
      }
    });
    const before = await v4.table<{ id: string; at: number }>('auditLog').toArray();
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.every((e) => !('hash' in e))).toBe(true);
    v4.close();

    const v5 = new VaultDB(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    const chained = await v5.auditLog.orderBy('seq').toArray();
    expect(chained.map((e) => e.seq)).toEqual(before.map((_, i) => i + 1));
    expect(chained.map((e) => e.id)).toEqual(
      [...before].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((e) => e.id),
    );
    expect(chained.every((e) => e.mac === null && /^[0-9a-f]{64}$/.test(e.hash!))).toBe(true);
    v5.close();

    const vault = await openTestVault(name);
    await vault.unlock(PASSPHRASE);
    await vault.updateDossier(dossierId, { legalRepresentative: '李强' });
    const verdict = await vault.verifyAudit();
    expect(verdict.broken).toBeNull();
    expect(verdict.checked).toBe(before.length + 2); // unlock, edit
    const head = await vault.db.auditLog.orderBy('seq').last();
    expect(head?.mac).toMatch(/^[0-9a-f]{64}$/);
    vault.close();
  });
});
