// Issue #4: importFile with `read` stores the file, its fields and its reading in one
// transaction, so a crash, a refusal or a duplicate leaves no partial record.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DuplicateFileError, ImportRefusedError } from '../../src/vault/errors';
import type { ImportRead } from '../../src/vault/types';
import type { Vault } from '../../src/vault/vault';
import { dumpRaw, newVault, pdfFile, pngHeader } from './helpers';

const READ: ImportRead = {
  fields: [
    {
      field: 'creditCode',
      value: '91330106MA2H3K5X1Q',
      confidence: 0.97,
      box: { page: 0, x: 120, y: 80, w: 300, h: 24 },
      corrections: [
        {
          field: 'creditCode',
          from: '91330106MA2H3K5XIQ',
          to: '91330106MA2H3K5X1Q',
          reason: 'checksum',
        },
      ],
    },
    { field: 'companyName', value: '杭州青梧屿贸易有限公司', confidence: 0.9 },
    { field: 'legalRepresentative', value: null, confidence: 0 },
  ],
  reading: {
    source: 'paddle',
    detectedKind: 'business-license',
    warnings: ['The stamp covers part of the address.'],
    needsConfirmation: ['companyName'],
    pages: [{ width: 1200, height: 800 }],
  },
};

/** Throws from the first `creating` of `table`, then lets later writes through. */
function failOnce(vault: Vault, table: 'extractions' | 'readings', message: string): () => number {
  let calls = 0;
  const hook = () => {
    calls++;
    if (calls === 1) throw new Error(message);
  };
  vault.db.table(table).hook('creating', hook);
  return () => calls;
}

async function importAudits(vault: Vault): Promise<(string | null)[]> {
  return (await vault.audit('import')).map((e) => e.entityId).sort();
}

describe('importing a file with what was read from it', () => {
  it('stores the fields and the reading with the document, retrievable as saved', async () => {
    const vault = await newVault('read-store');
    const dossier = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    const doc = await vault.importFile(
      dossier,
      { name: 'license.png', bytes: pngHeader(1200, 800), kind: 'business-license' },
      { read: READ },
    );
    const fields = await vault.listExtractions(doc.id);
    expect(fields.sort((a, b) => (a.field < b.field ? -1 : 1))).toEqual([
      {
        field: 'companyName',
        value: '杭州青梧屿贸易有限公司',
        confidence: 0.9,
        box: null,
        corrections: [],
        confirmedValue: null,
        confirmedBy: null,
        confirmedAt: null,
      },
      {
        field: 'creditCode',
        value: '91330106MA2H3K5X1Q',
        confidence: 0.97,
        box: { page: 0, x: 120, y: 80, w: 300, h: 24 },
        corrections: READ.fields[0]!.corrections,
        confirmedValue: null,
        confirmedBy: null,
        confirmedAt: null,
      },
      {
        field: 'legalRepresentative',
        value: null,
        confidence: 0,
        box: null,
        corrections: [],
        confirmedValue: null,
        confirmedBy: null,
        confirmedAt: null,
      },
    ]);
    expect(await vault.getReading(doc.id)).toEqual({
      source: 'paddle',
      detectedKind: 'business-license',
      warnings: ['The stamp covers part of the address.'],
      needsConfirmation: ['companyName'],
      error: null,
      pages: [{ width: 1200, height: 800, rotation: 0 }],
    });
    // Stored like saveExtraction/saveReading store them: sealed, indexed by dossier.
    const rawReading = (await vault.db.readings.get(doc.id))!;
    expect(rawReading).toMatchObject({
      documentId: doc.id,
      dossierId: dossier,
      updatedAt: doc.createdAt,
    });
    const rawFields = await vault.db.extractions.where('documentId').equals(doc.id).toArray();
    expect(rawFields.map((r) => [r.id, r.dossierId]).sort()).toEqual([
      [`${doc.id}:companyName`, dossier],
      [`${doc.id}:creditCode`, dossier],
      [`${doc.id}:legalRepresentative`, dossier],
    ]);
    expect(JSON.stringify(await dumpRaw(vault.db))).not.toContain('91330106MA2H3K5X1Q');
    expect(await importAudits(vault)).toEqual([doc.id]);
    // A later saveExtraction still keeps a confirmation made after the import.
    await vault.confirm(doc.id, 'companyName', '杭州青梧屿贸易有限公司', '林晓岚');
    await vault.saveExtraction(doc.id, [
      { field: 'companyName', value: '杭州青梧屿贸易', confidence: 0.5 },
    ]);
    const company = (await vault.listExtractions(doc.id)).find((f) => f.field === 'companyName')!;
    expect(company).toMatchObject({
      value: '杭州青梧屿贸易',
      confirmedValue: '杭州青梧屿贸易有限公司',
      confirmedBy: '林晓岚',
    });
    vault.close();
  });

  it('an empty field list stores a reading and no extraction rows', async () => {
    const vault = await newVault('read-empty-fields');
    const dossier = await vault.createDossier({ company: 'A' });
    const doc = await vault.importFile(
      dossier,
      { name: 'bank.pdf', bytes: pdfFile(1) },
      { read: { fields: [], reading: { source: 'pdf-text', detectedKind: 'bank-permit' } } },
    );
    expect(await vault.listExtractions(doc.id)).toEqual([]);
    expect((await vault.getReading(doc.id))?.detectedKind).toBe('bank-permit');
    vault.close();
  });

  for (const table of ['readings', 'extractions'] as const) {
    it(`a failure writing ${table} rolls back the document, blob, fields, reading and audit`, async () => {
      const vault = await newVault(`read-atomic-${table}`);
      const dossier = await vault.createDossier({ company: 'A' });
      const first = await vault.importFile(
        dossier,
        { name: 'first.png', bytes: pngHeader(10, 10) },
        { read: READ },
      );
      const before = await dumpRaw(vault.db);
      const bytes = pngHeader(20, 20);
      const calls = failOnce(vault, table, `crash writing ${table} (injected)`);
      await expect(
        vault.importFile(dossier, { name: 'second.png', bytes }, { read: READ }),
      ).rejects.toThrow(`crash writing ${table} (injected)`);
      expect(calls()).toBe(1);
      // Nothing of the second file: not its document, blob, fields, reading, nor an 'import' entry.
      expect(await dumpRaw(vault.db)).toEqual(before);
      expect(await vault.db.documents.count()).toBe(1);
      expect(await vault.db.blobs.count()).toBe(1);
      expect(await importAudits(vault)).toEqual([first.id]);
      // So the same file imports cleanly afterwards (a leftover document would make it a duplicate).
      const again = await vault.importFile(dossier, { name: 'second.png', bytes }, { read: READ });
      expect((await vault.listExtractions(again.id)).length).toBe(3);
      expect((await vault.getReading(again.id))?.source).toBe('paddle');
      expect(await importAudits(vault)).toEqual([first.id, again.id].sort());
      vault.close();
    });
  }

  it('a refused file (empty, too large) stores nothing of what was read', async () => {
    const vault = await newVault('read-refused');
    const dossier = await vault.createDossier({ company: 'A' });
    await vault.updateSettings({ maxFileBytes: 1024 });
    const before = await dumpRaw(vault.db);
    const big = new Uint8Array(1025);
    big.set(pdfFile(1));
    for (const bytes of [new Uint8Array(0), big]) {
      const error = await vault
        .importFile(dossier, { name: 'x.pdf', bytes }, { read: READ })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRefusedError);
    }
    const after = await dumpRaw(vault.db);
    for (const table of ['documents', 'blobs', 'extractions', 'readings'] as const) {
      expect(after[table]).toEqual(before[table]);
      expect(after[table]).toEqual([]);
    }
    expect(await importAudits(vault)).toEqual([]);
    expect((await vault.audit('import-refused')).map((e) => e.detail.split(' ')[0])).toEqual([
      'empty',
      'too-large',
    ]);
    vault.close();
  });

  it('a duplicate stores nothing and leaves the original fields and reading as they were', async () => {
    const vault = await newVault('read-duplicate');
    const dossier = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    const bytes = pngHeader(640, 480);
    const original = await vault.importFile(dossier, { name: 'a.png', bytes }, { read: READ });
    const before = await dumpRaw(vault.db);
    const other: ImportRead = {
      fields: [{ field: 'creditCode', value: 'SOMETHING-ELSE', confidence: 0.1 }],
      reading: { source: 'tesseract', detectedKind: 'unknown' },
    };
    const error = await vault
      .importFile(dossier, { name: 'b.png', bytes: bytes.slice() }, { read: other })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateFileError);
    expect(await dumpRaw(vault.db)).toEqual(before);
    expect((await vault.getReading(original.id))?.source).toBe('paddle');
    expect(
      (await vault.listExtractions(original.id)).find((f) => f.field === 'creditCode')?.value,
    ).toBe('91330106MA2H3K5X1Q');
    vault.close();
  });

  it('an invalid reading is refused before anything is written', async () => {
    const vault = await newVault('read-invalid');
    const dossier = await vault.createDossier({ company: 'A' });
    const before = await dumpRaw(vault.db);
    await expect(
      vault.importFile(
        dossier,
        { name: 'a.png', bytes: pngHeader(10, 10) },
        { read: { fields: [{ field: 'x', value: 'y', confidence: 2 }], reading: READ.reading } },
      ),
    ).rejects.toThrow();
    expect(await dumpRaw(vault.db)).toEqual(before);
    vault.close();
  });
});
