// A key rotation's unit of work: the records of the tables with sealed fields, read a batch
// at a time in primary-key order from a cursor, each sealed field opened with the old data
// key and sealed again, byte for byte, with the new one (same AAD: table, id, field), and
// the blind indexes derived from them (ID number, credit code, file fingerprint) computed
// again under the new index key.
import type { IndexableType, Table } from 'dexie';
import type { VaultDB } from './db';
import { blindIndex, digestFingerprint, openBytes, sealBytes, type VaultKeys } from './envelope';
import { VaultIntegrityError } from './errors';
import type { Bytes } from './schema/sealed';
import { SEALED_FIELDS, type SealedTable } from './sealed-fields';

/** The tables a rotation re-seals, in the order it goes through them. */
export const ROTATED_TABLES = Object.keys(SEALED_FIELDS) as SealedTable[];

/** Where a rotation stands: every record before (table, after] is sealed with the new key. */
export interface RotationCursor {
  table: SealedTable;
  /** The primary key of the last record done in `table` (null: none yet). */
  after: string | null;
}

export type StoredRecord = Record<string, unknown>;

export interface RecordBatch {
  table: SealedTable;
  records: StoredRecord[];
  /** The primary key of the batch's last record: the cursor once it is written. */
  last: string;
}

/** Records per batch: a few documents (their bytes), more of anything else. */
export const batchSize = (table: SealedTable, records: number): number =>
  table === 'blobs' ? Math.max(1, Math.min(records, 4)) : records;

const keyPathOf = (table: Table): string => table.schema.primKey.keyPath as string;

/** The batches from `from` (null: the beginning) to the end, read as they are asked for. */
export async function* recordBatches(
  db: VaultDB,
  from: RotationCursor | null,
  records: number,
): AsyncGenerator<RecordBatch> {
  const start = from === null ? 0 : ROTATED_TABLES.indexOf(from.table);
  for (const name of ROTATED_TABLES.slice(Math.max(0, start))) {
    const table: Table = db.table(name);
    const keyPath = keyPathOf(table);
    const size = batchSize(name, records);
    let after: IndexableType | null = from?.table === name ? from.after : null;
    for (;;) {
      const page = (await (after === null ? table.orderBy(':id') : table.where(':id').above(after))
        .limit(size)
        .toArray()) as StoredRecord[];
      if (page.length === 0) break;
      after = page[page.length - 1]![keyPath] as string;
      yield { table: name, records: page, last: after };
      if (page.length < size) break;
    }
  }
}

/** Records left from `from` to the end (for "n of m"). */
export async function countFrom(db: VaultDB, from: RotationCursor | null): Promise<number> {
  const start = from === null ? 0 : ROTATED_TABLES.indexOf(from.table);
  let total = 0;
  for (const name of ROTATED_TABLES.slice(Math.max(0, start))) {
    const table: Table = db.table(name);
    total +=
      from?.table === name && from.after !== null
        ? await table.where(':id').above(from.after).count()
        : await table.count();
  }
  return total;
}

export function primaryKeyOf(db: VaultDB, table: SealedTable, record: StoredRecord): string {
  return String(record[keyPathOf(db.table(table))]);
}

/** Every sealed field of the record, opened (VaultIntegrityError naming it when damaged). */
export async function openRecord(
  keys: VaultKeys,
  table: SealedTable,
  id: string,
  record: StoredRecord,
): Promise<Map<string, Bytes>> {
  const plains = new Map<string, Bytes>();
  for (const field of Object.keys(SEALED_FIELDS[table])) {
    const sealed = record[field];
    if (sealed === null || sealed === undefined) continue;
    plains.set(field, await openBytes(keys.data, table, id, field, sealed));
  }
  return plains;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function textOf(table: string, id: string, field: string, plain: Bytes | undefined): string {
  try {
    return plain === undefined ? '' : utf8.decode(plain);
  } catch {
    throw new VaultIntegrityError(table, id, field);
  }
}

function hexBytes(table: string, id: string, field: string, hex: string): Bytes {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new VaultIntegrityError(table, id, field);
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** The blind indexes the record holds, computed from its plain values under `mac`. */
async function indexesOf(
  mac: CryptoKey,
  table: SealedTable,
  id: string,
  record: StoredRecord,
  plains: Map<string, Bytes>,
): Promise<StoredRecord> {
  const index = async (field: 'idNumber' | 'creditCode', value: string) =>
    value === '' ? '' : blindIndex(mac, field, value);
  if (table === 'dossiers')
    return {
      idNumberIndex: await index('idNumber', textOf(table, id, 'idNumber', plains.get('idNumber'))),
      creditCodeIndex: await index(
        'creditCode',
        textOf(table, id, 'creditCode', plains.get('creditCode')),
      ),
    };
  if (table === 'documents') {
    const hex = textOf(table, id, 'sha256', plains.get('sha256'));
    return { fingerprint: await digestFingerprint(mac, hexBytes(table, id, 'sha256', hex)) };
  }
  if (table === 'copyRegister' && record.idNumberIndex !== undefined) {
    let idNumber: unknown;
    try {
      idNumber = (JSON.parse(textOf(table, id, 'entry', plains.get('entry'))) as StoredRecord)
        .idNumber;
    } catch {
      throw new VaultIntegrityError(table, id, 'entry');
    }
    return { idNumberIndex: await index('idNumber', typeof idNumber === 'string' ? idNumber : '') };
  }
  return {};
}

/**
 * The record sealed under `to` instead of `from`: each sealed field's bytes opened and
 * sealed again with a fresh IV, its blind indexes recomputed; nothing else changes.
 */
export async function resealRecord(
  from: VaultKeys,
  to: VaultKeys,
  table: SealedTable,
  id: string,
  record: StoredRecord,
): Promise<StoredRecord> {
  const plains = await openRecord(from, table, id, record);
  const out: StoredRecord = { ...record };
  for (const [field, plain] of plains)
    out[field] = await sealBytes(to.data, table, id, field, plain);
  Object.assign(out, await indexesOf(to.mac, table, id, record, plains));
  for (const plain of plains.values()) plain.fill(0);
  return out;
}

/**
 * As resealRecord, for a record that may be damaged: the fields that open are sealed again,
 * a damaged one is kept as it was (it opened under no key before either), and indexes whose
 * input is damaged are kept; `damaged` names the first damaged field (null: none).
 */
export async function resealKeeping(
  from: VaultKeys,
  to: VaultKeys,
  table: SealedTable,
  id: string,
  record: StoredRecord,
): Promise<{ record: StoredRecord; damaged: VaultIntegrityError | null }> {
  try {
    return { record: await resealRecord(from, to, table, id, record), damaged: null };
  } catch (error) {
    if (!(error instanceof VaultIntegrityError)) throw error;
    const out: StoredRecord = { ...record };
    const plains = new Map<string, Bytes>();
    for (const field of Object.keys(SEALED_FIELDS[table])) {
      const sealed = record[field];
      if (sealed === null || sealed === undefined) continue;
      const plain = await openBytes(from.data, table, id, field, sealed).catch(() => null);
      if (plain === null) continue;
      plains.set(field, plain);
      out[field] = await sealBytes(to.data, table, id, field, plain);
    }
    Object.assign(out, await indexesOf(to.mac, table, id, record, plains).catch(() => ({})));
    for (const plain of plains.values()) plain.fill(0);
    return { record: out, damaged: error };
  }
}

/** Opens the record and its indexes' inputs with `keys`, as a rotation would (the check pass). */
export async function checkRecord(
  keys: VaultKeys,
  table: SealedTable,
  id: string,
  record: StoredRecord,
): Promise<void> {
  const plains = await openRecord(keys, table, id, record);
  await indexesOf(keys.mac, table, id, record, plains);
  for (const plain of plains.values()) plain.fill(0);
}
