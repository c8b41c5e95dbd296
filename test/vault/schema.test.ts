// The schema snapshot: an accidental change to a table or index fails here; a deliberate
// one adds a version in src/vault/db.ts and updates this snapshot in the same change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LATEST_VAULT_VERSION, VAULT_TABLES, VaultDB } from '../../src/vault/db';
import { AccountRecordSchema } from '../../src/vault/schema/accounts';
import { AuditEntrySchema } from '../../src/vault/schema/audit-log';
import { BlobRecordSchema } from '../../src/vault/schema/blobs';
import { ChangeEventRecordSchema } from '../../src/vault/schema/change-events';
import { DeclaredRecordSchema } from '../../src/vault/schema/declared';
import { DocumentRecordSchema } from '../../src/vault/schema/documents';
import { DossierRecordSchema } from '../../src/vault/schema/dossiers';
import { ExceptionRecordSchema } from '../../src/vault/schema/exceptions';
import { ExtractionRecordSchema } from '../../src/vault/schema/extractions';
import { KeyringRecordSchema } from '../../src/vault/schema/keyring';
import { ReadingRecordSchema } from '../../src/vault/schema/readings';
import { SettingRecordSchema } from '../../src/vault/schema/settings';
import { TrackedChangeRecordSchema } from '../../src/vault/schema/tracked-changes';
import { HolidayScheduleRecordSchema } from '../../src/vault/schema/holiday-schedules';
import { CopyRegisterRecordSchema } from '../../src/vault/schema/copy-register';
import { newVault, pngHeader, uniqueName } from './helpers';

describe('the vault schema', () => {
  it('matches the snapshot', async () => {
    const db = new VaultDB(uniqueName('snapshot'));
    await db.open();
    const schema = Object.fromEntries(
      db.tables
        .map(
          (t) =>
            [
              t.name,
              [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()].join(', '),
            ] as const,
        )
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(db.verno).toBe(LATEST_VAULT_VERSION);
    expect(LATEST_VAULT_VERSION).toBe(5);
    expect(schema).toEqual({
      accounts: 'id, dossierId',
      auditLog: 'id, [action+at], at, seq',
      blobs: 'documentId',
      changeEvents: 'id, at, dossierId',
      copyRegister: 'id, at, dossierId, idNumberIndex',
      declared: 'dossierId',
      documents: 'id, deletedAt, dossierId, fingerprint',
      dossiers: 'id, creditCodeIndex, deletedAt, idNumberIndex, updatedAt',
      exceptions: 'id, dossierId',
      extractions: 'id, documentId, dossierId',
      holidaySchedules: 'year',
      keyring: 'id',
      readings: 'documentId, dossierId',
      settings: 'key',
      trackedChanges: 'id, dossierId',
    });
    expect(Object.keys(schema).sort()).toEqual([...VAULT_TABLES].sort());
    db.close();
  });

  it('every record the vault writes parses with its zod schema', async () => {
    const vault = await newVault('shapes');
    const dossier = await vault.createDossier({
      company: '杭州青梧屿贸易有限公司',
      legalRepresentative: '林晓岚',
      idNumber: '330106198805120026',
      creditCode: '91330106MA2KXXXX1X',
    });
    await vault.updateDossier(dossier, {
      status: 'ready',
      company: '杭州青梧屿贸易有限公司（新）',
    });
    const doc = await vault.importFile(dossier, {
      name: 'license.png',
      bytes: pngHeader(100, 100),
      kind: 'business-license',
    });
    await vault.saveExtraction(doc.id, [
      {
        field: 'companyName',
        value: '杭州青梧屿贸易有限公司',
        confidence: 0.9,
        box: { page: 0, x: 1, y: 2, w: 3, h: 4 },
      },
    ]);
    await vault.confirm(doc.id, 'companyName', '杭州青梧屿贸易有限公司', '王会计');
    await vault.addAccount(dossier, {
      store: 'Store A',
      phone: '13800138000',
      email: 'a@example.com',
    });
    await vault.setDeclared(dossier, { idValidUntil: '2035-05-12', officeAddress: '杭州市西湖区' });
    await vault.saveReading(doc.id, {
      source: 'pdf-text',
      detectedKind: 'business-license',
      pages: [{ width: 595, height: 842 }],
    });
    await vault.acceptException(dossier, {
      check: 'license.creditCode',
      reason: 'Early pilot code',
      by: '王会计',
    });
    await vault.setCheckSummary(dossier, {
      verdict: 'blocked',
      failed: 1,
      warnings: 0,
      computedAt: 1,
      idValidUntil: '2035-05-12',
      licenseValidUntil: null,
    });
    await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-20' });
    await vault.loadHolidaySchedule(
      { '2027': { holidays: ['2027-01-01'], workingDays: [], source: 'test' } },
      'holidays.json',
    );
    await vault.recordCopies(dossier, {
      purpose: '仅供速卖通账户关联使用',
      recipient: 'AliExpress',
      date: '2026-12-02',
      company: '杭州青梧屿贸易有限公司（新）',
      idNumber: '330106198805120026',
      documents: [{ file: 'license.jpg', kind: 'business-license' }],
      packSha256: 'a'.repeat(64),
      packName: 'pack.zip',
    });
    const schemas = {
      keyring: KeyringRecordSchema,
      settings: SettingRecordSchema,
      dossiers: DossierRecordSchema.strict(),
      documents: DocumentRecordSchema.strict(),
      blobs: BlobRecordSchema.strict(),
      extractions: ExtractionRecordSchema.strict(),
      accounts: AccountRecordSchema.strict(),
      declared: DeclaredRecordSchema.strict(),
      changeEvents: ChangeEventRecordSchema.strict(),
      auditLog: AuditEntrySchema.strict(),
      readings: ReadingRecordSchema.strict(),
      exceptions: ExceptionRecordSchema.strict(),
      trackedChanges: TrackedChangeRecordSchema.strict(),
      holidaySchedules: HolidayScheduleRecordSchema.strict(),
      copyRegister: CopyRegisterRecordSchema.strict(),
    };
    for (const name of VAULT_TABLES) {
      const rows = await vault.db.table(name).toArray();
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(() => schemas[name].parse(row), name).not.toThrow();
    }
    vault.close();
  });

  it('the audit log is append-only', async () => {
    const vault = await newVault('append-only');
    const [entry] = await vault.audit();
    await expect(vault.db.auditLog.update(entry!.id, { detail: 'changed' })).rejects.toThrow(
      'append-only',
    );
    await expect(vault.db.auditLog.delete(entry!.id)).rejects.toThrow('append-only');
    vault.close();
  });
});
