// The backup file: "DVBK", a format byte, a u32 header length, a JSON header (format
// version, schema version, KDF parameters and salt, the wrapped master secret), then the
// content sealed with the backup key (AES-256-GCM, AAD = the header bytes). The content
// is every table's records as stored (sealed fields stay sealed) plus a manifest of
// counts and document hashes, checked on restore before anything is written.
import { z } from 'zod';
import {
  deriveVaultKeys,
  deriveWrappingKey,
  openBytes,
  randomBytes,
  sha256Hex,
  unwrapSecret,
  type VaultKeys,
} from './envelope';
import {
  LATEST_VAULT_VERSION,
  TABLE_SINCE,
  VAULT_TABLES,
  type VaultDB,
  type VaultTableName,
} from './db';
import { BackupError, VaultIntegrityError, WrongPassphraseError } from './errors';
import { AccountRecordSchema } from './schema/accounts';
import { AuditEntrySchema } from './schema/audit-log';
import { BlobRecordSchema } from './schema/blobs';
import { ChangeEventRecordSchema } from './schema/change-events';
import { DeclaredRecordSchema } from './schema/declared';
import { DocumentRecordSchema } from './schema/documents';
import { DossierRecordSchema } from './schema/dossiers';
import { ExceptionRecordSchema } from './schema/exceptions';
import { ExtractionRecordSchema } from './schema/extractions';
import { KEYRING_ID, KeyringRecordSchema } from './schema/keyring';
import { ReadingRecordSchema } from './schema/readings';
import { KdfParamsSchema, SealedSchema, type Bytes } from './schema/sealed';
import { SettingRecordSchema } from './schema/settings';
import { HolidayScheduleRecordSchema } from './schema/holiday-schedules';
import { CopyRegisterRecordSchema } from './schema/copy-register';
import { TrackedChangeRecordSchema } from './schema/tracked-changes';

const MAGIC = [0x44, 0x56, 0x42, 0x4b]; // "DVBK"
const FORMAT_VERSION = 1;

const RECORD_SCHEMAS: Record<VaultTableName, z.ZodType> = {
  keyring: KeyringRecordSchema,
  settings: SettingRecordSchema,
  dossiers: DossierRecordSchema,
  documents: DocumentRecordSchema,
  blobs: BlobRecordSchema,
  extractions: ExtractionRecordSchema,
  accounts: AccountRecordSchema,
  declared: DeclaredRecordSchema,
  changeEvents: ChangeEventRecordSchema,
  auditLog: AuditEntrySchema,
  readings: ReadingRecordSchema,
  exceptions: ExceptionRecordSchema,
  trackedChanges: TrackedChangeRecordSchema,
  holidaySchedules: HolidayScheduleRecordSchema,
  copyRegister: CopyRegisterRecordSchema,
};

/**
 * Brings a record from a backup of an older schema version to the current one, as the
 * Dexie upgrades in src/vault/db.ts do for a stored vault.
 */
function upgradeRecord(table: VaultTableName, record: unknown, fromVersion: number): unknown {
  if (record === null || typeof record !== 'object') return record;
  const r = { ...(record as Record<string, unknown>) };
  if (fromVersion < 2 && (table === 'dossiers' || table === 'documents')) r.deletedAt ??= 0;
  if (fromVersion < 3 && table === 'dossiers') r.checkSummary ??= null;
  return r;
}

const BackupHeaderSchema = z.object({
  format: z.literal('dossier-vault-backup'),
  formatVersion: z.literal(FORMAT_VERSION),
  schemaVersion: z.number().int(),
  createdAt: z.number(),
  kdf: KdfParamsSchema,
  wrappedSecret: SealedSchema,
});

const ManifestSchema = z.object({
  counts: z.record(z.string(), z.number().int().min(0)),
  /** documentId → SHA-256 of the plaintext file. */
  documentHashes: z.record(z.string(), z.string()),
});

const ContentSchema = z.object({
  manifest: ManifestSchema,
  tables: z.record(z.string(), z.array(z.unknown())),
});

// JSON with bytes as {"$b": base64}.
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(text: string): Bytes {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
const encodeJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $b: toBase64(v) } : v));
const decodeJson = (text: string): unknown =>
  JSON.parse(text, (_k, v: unknown) =>
    v !== null &&
    typeof v === 'object' &&
    '$b' in v &&
    typeof v.$b === 'string' &&
    Object.keys(v).length === 1
      ? fromBase64(v.$b)
      : v,
  );

export async function backupVault(db: VaultDB, keys: VaultKeys, now: number): Promise<Bytes> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction(
    'r',
    VAULT_TABLES.map((t) => db.table(t)),
    async () => {
      for (const name of VAULT_TABLES) tables[name] = await db.table(name).toArray();
    },
  );
  const keyring = KeyringRecordSchema.parse(tables.keyring?.[0]);
  const documentHashes: Record<string, string> = {};
  for (const blob of BlobRecordSchema.array().parse(tables.blobs)) {
    documentHashes[blob.documentId] = await sha256Hex(
      await openBytes(keys.data, 'blobs', blob.documentId, 'data', blob.data),
    );
  }
  const counts = Object.fromEntries(VAULT_TABLES.map((t) => [t, tables[t]?.length ?? 0]));
  const header = new TextEncoder().encode(
    encodeJson({
      format: 'dossier-vault-backup',
      formatVersion: FORMAT_VERSION,
      schemaVersion: LATEST_VAULT_VERSION,
      createdAt: now,
      kdf: keyring.kdf,
      wrappedSecret: keyring.wrappedSecret,
    }),
  );
  const content = new TextEncoder().encode(
    encodeJson({ manifest: { counts, documentHashes }, tables }),
  );
  const iv = randomBytes(12);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: header },
      keys.backup,
      content,
    ),
  );
  const out = new Uint8Array(4 + 1 + 4 + header.length + 12 + sealed.length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = FORMAT_VERSION;
  view.setUint32(5, header.length);
  out.set(header, 9);
  out.set(iv, 9 + header.length);
  out.set(sealed, 9 + header.length + 12);
  return out;
}

/** Verifies a backup completely in memory, then replaces the database's content in one transaction. */
export async function restoreVault(
  db: VaultDB,
  file: Uint8Array,
  passphrase: string,
  overwrite: boolean,
): Promise<{ keys: VaultKeys }> {
  if (file.length < 9 || MAGIC.some((b, i) => file[i] !== b))
    throw new BackupError('This file is not a Dossier Vault backup.', 'not-a-backup');
  if (file[4] !== FORMAT_VERSION)
    throw new BackupError(
      `This backup uses format ${file[4]}, which this version cannot read.`,
      'format',
      { format: file[4] ?? 0 },
    );
  const headerLength = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(5);
  if (9 + headerLength + 12 + 16 > file.length)
    throw new BackupError('The backup file is truncated.', 'truncated');
  const headerBytes = file.slice(9, 9 + headerLength);
  let header: z.infer<typeof BackupHeaderSchema>;
  try {
    header = BackupHeaderSchema.parse(decodeJson(new TextDecoder().decode(headerBytes)));
  } catch {
    throw new BackupError('The backup header is damaged.', 'header-damaged');
  }
  if (header.schemaVersion > LATEST_VAULT_VERSION) {
    throw new BackupError(
      'This backup was made by a newer version of the app; update the app first.',
      'newer-version',
    );
  }
  let secret: Bytes;
  try {
    secret = await unwrapSecret(
      await deriveWrappingKey(passphrase, header.kdf),
      header.wrappedSecret,
    );
  } catch (error) {
    if (error instanceof WrongPassphraseError)
      throw new BackupError('The passphrase does not open this backup.', 'wrong-passphrase');
    throw error;
  }
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  const iv = file.slice(9 + headerLength, 9 + headerLength + 12);
  const sealed = file.slice(9 + headerLength + 12);
  let content: z.infer<typeof ContentSchema>;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: headerBytes },
      keys.backup,
      sealed,
    );
    content = ContentSchema.parse(decodeJson(new TextDecoder().decode(plain)));
  } catch {
    throw new BackupError('The backup file is damaged or was altered.', 'damaged');
  }
  const tables = {} as Record<VaultTableName, unknown[]>;
  for (const name of VAULT_TABLES) {
    const since = TABLE_SINCE[name] ?? 1;
    // A table added after the backup's schema version is absent from it: it restores empty.
    const absent = header.schemaVersion < since && content.tables[name] === undefined;
    const expected = absent ? 0 : content.manifest.counts[name];
    const rows = (content.tables[name] ?? []).map((r) =>
      upgradeRecord(name, r, header.schemaVersion),
    );
    const parsed = z.array(RECORD_SCHEMAS[name]).safeParse(rows);
    if (!parsed.success)
      throw new BackupError(
        `The backup's ${name} records do not match the vault schema.`,
        'records',
        { table: name },
      );
    tables[name] = parsed.data;
    if (parsed.data.length !== expected) {
      throw new BackupError(
        `The backup holds ${parsed.data.length} ${name} records but its manifest says ${expected ?? 'none'}.`,
        'count',
        { table: name, count: parsed.data.length, expected: expected ?? 0 },
      );
    }
  }
  const keyring = KeyringRecordSchema.parse(tables.keyring[0]);
  if (keyring.id !== KEYRING_ID) throw new BackupError('The backup has no keyring.', 'no-keyring');
  for (const blob of BlobRecordSchema.array().parse(tables.blobs)) {
    let hash: string;
    try {
      hash = await sha256Hex(
        await openBytes(keys.data, 'blobs', blob.documentId, 'data', blob.data),
      );
    } catch (error) {
      if (error instanceof VaultIntegrityError)
        throw new BackupError(
          `Document ${blob.documentId} in the backup failed its integrity check.`,
          'document-integrity',
        );
      throw error;
    }
    if (hash !== content.manifest.documentHashes[blob.documentId]) {
      throw new BackupError(
        `Document ${blob.documentId} in the backup does not match its recorded hash.`,
        'document-hash',
      );
    }
  }
  const hasData = (await db.keyring.count()) > 0 || (await db.dossiers.count()) > 0;
  if (hasData && !overwrite) {
    throw new BackupError(
      'This vault already holds data; restore into it only with overwrite, or into a new vault.',
      'vault-has-data',
    );
  }
  db.replacingEverything = true;
  try {
    await db.transaction(
      'rw',
      VAULT_TABLES.map((t) => db.table(t)),
      async () => {
        for (const name of VAULT_TABLES) {
          await db.table(name).clear();
          await db.table(name).bulkAdd(tables[name]);
        }
      },
    );
  } finally {
    db.replacingEverything = false;
  }
  return { keys };
}
