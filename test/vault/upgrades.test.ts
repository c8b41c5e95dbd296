// Each schema upgrade: open the previous version with data, upgrade, assert.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { defineVaultVersions, VaultDB } from '../../src/vault/db';
import { DocumentRecordSchema } from '../../src/vault/schema/documents';
import { DossierRecordSchema, DossierRecordV1Schema } from '../../src/vault/schema/dossiers';
import { openVault } from '../../src/vault/vault';
import { PASSPHRASE, newVault, uniqueName } from './helpers';

describe('upgrade 1 → 2', () => {
  it('marks existing dossiers and documents live, indexes deletedAt and the audit log by action', async () => {
    // Make real version-1 records with the current code, then strip what version 2 added.
    const source = await newVault('v1-source');
    const dossierId = await source.createDossier({
      company: '杭州青梧屿贸易有限公司',
      idNumber: '330106198805120026',
    });
    const { pdfFile } = await import('./helpers');
    const doc = await source.importFile(dossierId, { name: 'bank.pdf', bytes: pdfFile(2) });
    const tables: Record<string, unknown[]> = {};
    for (const t of source.db.tables) tables[t.name] = await t.toArray();
    source.close();

    const name = uniqueName('v1');
    const v1 = new Dexie(name);
    defineVaultVersions(v1, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.transaction('rw', v1.tables, async () => {
      for (const t of v1.tables) {
        const rows = (tables[t.name] ?? []).map((r) => {
          const { deletedAt: _drop, ...rest } = r as Record<string, unknown>;
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

    const v2 = new VaultDB(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(DossierRecordSchema.parse(await v2.dossiers.get(dossierId)).deletedAt).toBe(0);
    expect(DocumentRecordSchema.parse(await v2.documents.get(doc.id)).deletedAt).toBe(0);
    expect(await v2.documents.where('deletedAt').equals(0).count()).toBe(1);
    expect(
      await v2.auditLog.where('[action+at]').between(['import', 0], ['import', Infinity]).count(),
    ).toBe(1);
    v2.close();

    // The upgraded vault still opens with the same passphrase and reads its data.
    const vault = await openVault(name);
    await vault.unlock(PASSPHRASE);
    expect((await vault.getDossier(dossierId)).company).toBe('杭州青梧屿贸易有限公司');
    expect(await vault.readDocument(doc.id)).toHaveLength(doc.size);
    expect(await vault.countAccountsForIdNumber('330106198805120026')).toBe(0);
    vault.close();
  });
});
