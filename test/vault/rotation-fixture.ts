// A vault with something in every sealed table, and what the key rotation tests read of
// it: a snapshot of its contents, its keyring and keys, its sealed values, an error's code.
import {
  deriveVaultKeys,
  deriveWrappingKey,
  openBytes,
  unwrapSecret,
  type VaultKeys,
} from '../../src/vault/envelope';
import { VaultError } from '../../src/vault/errors';
import { KEYRING_ID, type KeyringRecord } from '../../src/vault/schema/keyring';
import type { Sealed } from '../../src/vault/schema/sealed';
import { SEALED_FIELDS, type SealedTable } from '../../src/vault/sealed-fields';
import type { Vault } from '../../src/vault/vault';
import { PASSPHRASE, dumpRaw, newVault, pdfFile, pngHeader } from './helpers';

export const ID = '330106198805120026';
const CODE = '91330106MA2H3K5X1Q';

/** A vault with something in every table that holds sealed values. */
export async function filledVault(label: string): Promise<Vault> {
  const vault = await newVault(label);
  const dossiers: string[] = [];
  for (let i = 0; i < 3; i++) {
    const dossier = await vault.createDossier({
      company: `杭州青梧屿贸易有限公司 ${i}`,
      idNumber: ID,
      creditCode: i === 0 ? CODE : null,
    });
    dossiers.push(dossier);
    const doc = await vault.importFile(
      dossier,
      { name: `license-${i}.png`, bytes: pngHeader(1200, 800, 2048), kind: 'business-license' },
      {
        read: {
          fields: [
            { field: 'companyName', value: `杭州青梧屿贸易有限公司 ${i}`, confidence: 0.9 },
            {
              field: 'creditCode',
              value: CODE,
              confidence: 0.97,
              box: { page: 0, x: 1, y: 2, w: 3, h: 4 },
            },
          ],
          reading: {
            source: 'paddle',
            detectedKind: 'business-license',
            warnings: [],
            needsConfirmation: ['companyName'],
            pages: [{ width: 1200, height: 800 }],
          },
        },
      },
    );
    await vault.importFile(dossier, { name: `bank-${i}.pdf`, bytes: pdfFile(2) });
    await vault.confirm(doc.id, 'companyName', `杭州青梧屿贸易有限公司 ${i}`, '林晓岚');
    await vault.addAccount(dossier, { store: `店铺${i}`, phone: '13800138000', email: 'a@b.cn' });
    await vault.setDeclared(dossier, { officeAddress: '杭州市西湖区', idValidUntil: '2030-01-01' });
    await vault.acceptException(dossier, { check: 'id.expiry', reason: '已续期', by: '林晓岚' });
    await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-20' });
    await vault.recordCopies(dossier, {
      purpose: '仅供速卖通账户关联使用',
      recipient: 'AliExpress',
      date: '2026-12-02',
      company: `杭州青梧屿贸易有限公司 ${i}`,
      idNumber: ID,
      documents: [{ file: 'license.png', kind: 'business-license' }],
      packSha256: 'ab'.repeat(32),
      packName: `pack-${i}.zip`,
    });
  }
  await vault.packSigningSecret();
  await vault.updateSettings({ userName: '林晓岚', autoLockMinutes: 5 });
  return vault;
}

/** Everything the vault shows, read through its API. */
export async function snapshot(vault: Vault): Promise<unknown> {
  const out: Record<string, unknown> = {};
  const dossiers = (await vault.listDossiers()).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const d of dossiers) {
    const docs = await vault.listDocuments(d.id);
    out[d.id] = {
      dossier: await vault.getDossier(d.id),
      records: await vault.dossierRecords(d.id),
      docs: await Promise.all(
        docs.map(async (doc) => ({
          doc,
          bytes: [...(await vault.openDocumentBytes(doc.id))],
          fields: await vault.listExtractions(doc.id),
          reading: await vault.getReading(doc.id),
        })),
      ),
      accounts: await vault.listAccounts(d.id),
      declared: await vault.getDeclared(d.id),
      exceptions: await vault.listExceptions(d.id),
      changes: await vault.listTrackedChanges(d.id),
      history: await vault.listChanges(d.id),
      copies: await vault.listCopies({ dossierId: d.id }),
    };
  }
  out.byId = (await vault.dossiersForIdNumber(ID)).sort();
  out.byCode = await vault.findDossiersByCreditCode(CODE);
  out.copiesById = (await vault.listCopies({ idNumber: ID })).length;
  out.reuse = await vault.countAccountsForIdNumber(ID);
  out.signing = [...(await vault.packSigningSecret())];
  out.settings = await vault.settings();
  return out;
}

export const keyringOf = async (vault: Vault): Promise<KeyringRecord> =>
  (await vault.db.keyring.get(KEYRING_ID))!;

/** The keys a secret wrapped in the keyring opens (what someone holding it would have). */
export async function keysOf(keyring: KeyringRecord, wrapped: Sealed): Promise<VaultKeys> {
  const wrapping = await deriveWrappingKey(PASSPHRASE, keyring.kdf);
  return deriveVaultKeys(await unwrapSecret(wrapping, wrapped));
}

export type Field = { table: SealedTable; id: string; field: string; sealed: unknown };

/** Every sealed value stored, with where it is. */
export async function sealedValues(vault: Vault): Promise<Field[]> {
  const raw = await dumpRaw(vault.db);
  const out: Field[] = [];
  for (const table of Object.keys(SEALED_FIELDS) as SealedTable[]) {
    const keyPath = vault.db.table(table).schema.primKey.keyPath as string;
    for (const record of raw[table] as Record<string, unknown>[])
      for (const field of Object.keys(SEALED_FIELDS[table]))
        if (record[field] != null)
          out.push({ table, id: String(record[keyPath]), field, sealed: record[field] });
  }
  return out;
}

export const opens = (keys: VaultKeys, f: Field): Promise<boolean> =>
  openBytes(keys.data, f.table, f.id, f.field, f.sealed).then(
    () => true,
    () => false,
  );

export const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof VaultError ? e.code : String(e)),
  );
