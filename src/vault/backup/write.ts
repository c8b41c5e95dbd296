// Writing a backup: every table read a page at a time in primary-key order, each record
// sealed into the frames of format 2 (stream.ts) as it comes, document hashes and counts
// gathered for the trailer's manifest. Nothing holds more than a page and a frame.
import type { IndexableType, Table } from 'dexie';
import { LATEST_VAULT_VERSION, VAULT_TABLES, type VaultDB, type VaultTableName } from '../db';
import { randomBytes, type VaultKeys } from '../envelope';
import { VaultError } from '../errors';
import { BlobRecordSchema } from '../schema/blobs';
import { KEYRING_ID, KeyringRecordSchema } from '../schema/keyring';
import type { Bytes } from '../schema/sealed';
import { writePrefix } from './header';
import { blobPlainHash, type Manifest } from './records';
import { FrameWriter, STREAMED_FORMAT, type BackupEntry } from './stream';

const noKeyring = () =>
  new VaultError('The vault has no keyring to put at the start of its backup.', 'not-created');

/** Plaintext per records frame: large enough to amortise a seal, small beside the memory. */
export const BACKUP_CHUNK_BYTES = 4 * 1024 * 1024;

/** Records read per page (a page of blobs is up to 8 documents). */
const pageSize = (table: VaultTableName): number => (table === 'blobs' ? 8 : 500);

/** Every record of the vault, table by table, a page at a time in primary-key order. */
export async function* vaultEntries(db: VaultDB): AsyncGenerator<BackupEntry> {
  for (const name of VAULT_TABLES) {
    const table: Table = db.table(name);
    const keyPath = table.schema.primKey.keyPath as string;
    let last: IndexableType | undefined;
    for (;;) {
      const page = await (
        last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
      )
        .limit(pageSize(name))
        .toArray();
      for (const record of page) yield [name, record];
      if (page.length < pageSize(name)) break;
      last = (page[page.length - 1] as Record<string, IndexableType>)[keyPath];
    }
  }
}

export interface BackupWriteOptions {
  now: number;
  chunkBytes?: number;
  /** Tests only: replaces the manifest the backup states (to make one that lies). */
  manifest?: (counted: Manifest) => Manifest;
}

/**
 * The pieces of a format-2 backup file: the prefix, then sealed frames, then the trailer.
 * `entries` gives the records (the vault's, or a test's); the keyring must be among them.
 */
export async function* backupPieces(
  keys: VaultKeys,
  entries: AsyncIterable<BackupEntry> | Iterable<BackupEntry>,
  options: BackupWriteOptions,
): AsyncGenerator<Bytes> {
  const counts: Record<string, number> = Object.fromEntries(VAULT_TABLES.map((t) => [t, 0]));
  const documentHashes: Record<string, string> = {};
  let writer: FrameWriter | null = null;
  for await (const [table, record] of entries) {
    if (writer === null) {
      // The keyring comes first (VAULT_TABLES order): its KDF and wrapped secret open the file.
      const keyring = table === 'keyring' ? KeyringRecordSchema.safeParse(record) : null;
      if (!keyring?.success || keyring.data.id !== KEYRING_ID) throw noKeyring();
      const prefix = writePrefix(STREAMED_FORMAT, {
        format: 'dossier-vault-backup',
        formatVersion: STREAMED_FORMAT,
        schemaVersion: LATEST_VAULT_VERSION,
        createdAt: options.now,
        kdf: keyring.data.kdf,
        wrappedSecret: keyring.data.wrappedSecret,
        backupId: randomBytes(16),
      });
      writer = await FrameWriter.start(
        keys.backup,
        prefix,
        options.chunkBytes ?? BACKUP_CHUNK_BYTES,
      );
      yield prefix;
    }
    counts[table] = (counts[table] ?? 0) + 1;
    if (table === 'blobs') {
      const blob = BlobRecordSchema.parse(record);
      documentHashes[blob.documentId] = await blobPlainHash(keys, blob);
    }
    const frame = await writer.add([table, record]);
    if (frame) yield frame;
  }
  if (writer === null) throw noKeyring();
  const last = await writer.flush();
  if (last) yield last;
  const counted: Manifest = { counts, documentHashes };
  yield await writer.finish(options.manifest ? options.manifest(counted) : counted);
}

/** A ReadableStream over async pieces: one piece is made per read, so memory stays flat. */
export function streamOf(pieces: AsyncGenerator<Bytes>): ReadableStream<Bytes> {
  return new ReadableStream<Bytes>(
    {
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
