// The register of where copies went (使用登记), version 4's copyRegister table: each pack
// export records purpose, recipient, date, documents and the pack's hash, sealed; the
// ID number's blind index answers "where has this ID been sent" across dossiers.
import { csvWithBom } from '../core/pack/accounts-csv';
import type { VaultContext } from './context';
import { blindIndex } from './envelope';
import { VaultError } from './errors';
import { newId } from './ids';
import { CopyRegisterEntrySchema, type CopyRegisterEntry } from './schema/copy-register';
import { openFields, sealFields } from './sealed-fields';

export interface CopyRegisterRow extends CopyRegisterEntry {
  id: string;
  dossierId: string;
  at: number;
}

/** Seals and stores one export's entry; returns its id. */
export async function recordCopies(
  ctx: VaultContext,
  dossierId: string,
  entry: CopyRegisterEntry,
): Promise<string> {
  const { db, keys } = ctx;
  const at = ctx.now();
  const parsed = CopyRegisterEntrySchema.safeParse(entry);
  if (!parsed.success) throw new VaultError('The register entry is incomplete.');
  const id = newId();
  await db.copyRegister.add({
    id,
    dossierId,
    idNumberIndex: parsed.data.idNumber
      ? await blindIndex(keys.mac, 'idNumber', parsed.data.idNumber)
      : '',
    at,
    ...(await sealFields(keys.data, 'copyRegister', id, { entry: parsed.data })),
  });
  return id;
}

/** A dossier's entries, or those of every dossier showing this ID number; newest first. */
export async function listCopies(
  ctx: VaultContext,
  where: { dossierId: string } | { idNumber: string },
): Promise<CopyRegisterRow[]> {
  const { db, keys } = ctx;
  const records =
    'dossierId' in where
      ? await db.copyRegister.where('dossierId').equals(where.dossierId).toArray()
      : await db.copyRegister
          .where('idNumberIndex')
          .equals(await blindIndex(keys.mac, 'idNumber', where.idNumber))
          .toArray();
  const rows = await Promise.all(
    records.map(async (r) => {
      const opened = await openFields(keys.data, 'copyRegister', r.id, r);
      const entry = CopyRegisterEntrySchema.parse(opened.entry);
      return { ...entry, id: r.id, dossierId: r.dossierId, at: r.at };
    }),
  );
  return rows.sort((a, b) => b.at - a.at);
}

const HEADER = [
  '日期 Date',
  '用途 Purpose',
  '接收方 Recipient',
  '公司 Company',
  '身份证号 ID number',
  '文件 Documents',
  '资料包 Pack',
  'SHA-256',
];

/** The register as CSV with a BOM (Excel on Windows reads the Chinese right). */
export function copyRegisterCsv(rows: readonly CopyRegisterRow[]): string {
  return csvWithBom([
    HEADER,
    ...rows.map((r) => [
      r.date,
      r.purpose,
      r.recipient,
      r.company,
      r.idNumber,
      r.documents.map((d) => d.file).join('; '),
      r.packName,
      r.packSha256,
    ]),
  ]);
}
