// Confirm-all (confirmMany): the fields a person confirmed at once are one edit, and each
// of the dossier's records is read (decrypted) once, however many fields; before, each
// field was its own edit that read the whole dossier again (N + 3 reads for N fields).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newVault, pngHeader, sealedValuesOf } from './helpers';

const FIELDS = [
  ['creditCode', '91330106MA2H3K5X1Q'],
  ['companyName', '杭州青梧屿贸易有限公司'],
  ['legalRepresentative', '林晓岚'],
  ['registeredCapital', '100万元'],
  ['address', '浙江省杭州市西湖区示例路 1 号'],
  ['establishedOn', '2020-01-02'],
] as const;

async function dossierWithLicense(label: string) {
  const vault = await newVault(label);
  const dossierId = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
  const doc = await vault.importFile(
    dossierId,
    { name: 'license.png', bytes: pngHeader(1200, 800), kind: 'business-license' },
    {
      read: {
        fields: FIELDS.map(([field, value]) => ({ field, value, confidence: 0.97 })),
        reading: { source: 'paddle', detectedKind: 'business-license' },
      },
    },
  );
  // A second document: the dossier's other records are read too.
  await vault.importFile(
    dossierId,
    { name: 'front.png', bytes: pngHeader(900, 600, 90), kind: 'id-card-front' },
    {
      read: {
        fields: [{ field: 'idNumber', value: '330106198805120026', confidence: 0.95 }],
        reading: { source: 'paddle', detectedKind: 'id-card-front' },
      },
    },
  );
  return { vault, dossierId, documentId: doc.id };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('confirming several fields at once', () => {
  it('reads each of the dossier’s records once, as one edit with a history entry per field', async () => {
    const { vault, dossierId, documentId } = await dossierWithLicense('confirm-many');
    await vault.confirm(documentId, 'companyName', '杭州青梧屿贸易', '王会计');
    const stored = await sealedValuesOf(vault, dossierId);
    const auditsBefore = (await vault.audit('confirm')).length;

    const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
    await vault.confirmMany(
      documentId,
      FIELDS.map(([field, value]) => ({ field, value })),
      '林晓岚',
    );
    const calls = decrypt.mock.calls.length;
    decrypt.mockRestore();
    // One read of the dossier (its record, documents, readings, fields), not one per field.
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(stored);

    const fields = await vault.listExtractions(documentId);
    for (const [field, value] of FIELDS)
      expect(fields.find((f) => f.field === field)).toMatchObject({
        confirmedValue: value,
        confirmedBy: '林晓岚',
      });
    // An audit entry per field, naming it (never its value), as when confirmed one by one.
    const audits = await vault.audit('confirm');
    expect(audits.length).toBe(auditsBefore + FIELDS.length);
    expect(audits.slice(-FIELDS.length).map((a) => a.detail)).toEqual(FIELDS.map(([f]) => f));
    expect(audits.every((a) => a.entityId === documentId)).toBe(true);
    // A history entry per field, its value before as confirmed earlier (or none).
    const history = (await vault.listChanges(dossierId)).filter((c) => c.kind === 'confirm');
    const latest = history.slice(-FIELDS.length);
    expect(latest.map((c) => [c.field, c.before, c.after])).toEqual(
      FIELDS.map(([field, value]) => [
        field,
        field === 'companyName' ? '杭州青梧屿贸易' : null,
        value,
      ]),
    );
    vault.close();
  });

  it('one field costs what six cost', async () => {
    const one = await dossierWithLicense('confirm-one');
    const six = await dossierWithLicense('confirm-six');
    const count = async (run: () => Promise<void>) => {
      const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
      await run();
      const calls = decrypt.mock.calls.length;
      decrypt.mockRestore();
      return calls;
    };
    const single = await count(() =>
      one.vault.confirm(one.documentId, 'companyName', '杭州青梧屿贸易有限公司', '林晓岚'),
    );
    const many = await count(() =>
      six.vault.confirmMany(
        six.documentId,
        FIELDS.map(([field, value]) => ({ field, value })),
        '林晓岚',
      ),
    );
    expect(many).toBe(single);
    one.vault.close();
    six.vault.close();
  });

  it('an unknown document confirms nothing', async () => {
    const { vault, documentId } = await dossierWithLicense('confirm-many-missing');
    await expect(
      vault.confirmMany('no-such-document', [{ field: 'companyName', value: 'x' }], '林晓岚'),
    ).rejects.toThrow();
    expect((await vault.listExtractions(documentId)).every((f) => f.confirmedValue === null)).toBe(
      true,
    );
    vault.close();
  });
});
