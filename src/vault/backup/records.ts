// What a backup holds, whatever its format: every table's records as stored (sealed fields
// stay sealed), checked against the vault's schemas, brought up to the current schema
// version, and a manifest of counts and document hashes checked before anything is written.
import * as z from 'zod';
import { TABLE_SINCE, VAULT_TABLES, type VaultTableName } from '../db';
import { openBytes, sha256Hex, type VaultKeys } from '../envelope';
import { BackupError, VaultIntegrityError } from '../errors';
import { AccountRecordSchema } from '../schema/accounts';
import { AuditEntrySchema } from '../schema/audit-log';
import { BlobRecordSchema, type BlobRecord } from '../schema/blobs';
import { ChangeEventRecordSchema } from '../schema/change-events';
import { CopyRegisterRecordSchema } from '../schema/copy-register';
import { DeclaredRecordSchema } from '../schema/declared';
import { DocumentRecordSchema } from '../schema/documents';
import { DossierRecordSchema } from '../schema/dossiers';
import { ExceptionRecordSchema } from '../schema/exceptions';
import { ExtractionRecordSchema } from '../schema/extractions';
import { HolidayScheduleRecordSchema } from '../schema/holiday-schedules';
import { KEYRING_ID, KeyringRecordSchema } from '../schema/keyring';
import { ReadingRecordSchema } from '../schema/readings';
import { BytesSchema, KdfParamsSchema, SealedSchema } from '../schema/sealed';
import { SettingRecordSchema } from '../schema/settings';
import { TrackedChangeRecordSchema } from '../schema/tracked-changes';

export const RECORD_SCHEMAS: Record<VaultTableName, z.ZodType> = {
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

export const isVaultTable = (name: unknown): name is VaultTableName =>
  typeof name === 'string' && (VAULT_TABLES as readonly string[]).includes(name);

/** The header every format shares (format 2 adds nothing to it but its version number). */
export const BackupHeaderSchema = z.object({
  format: z.literal('dossier-vault-backup'),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  createdAt: z.number(),
  kdf: KdfParamsSchema,
  wrappedSecret: SealedSchema,
  /** Format 2: random, so that frames of two backups of one vault never fit each other. */
  backupId: BytesSchema.optional(),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

export const ManifestSchema = z.object({
  counts: z.record(z.string(), z.number().int().min(0)),
  /** documentId → SHA-256 of the plaintext file. */
  documentHashes: z.record(z.string(), z.string()),
});
export type Manifest = z.infer<typeof ManifestSchema>;

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

/** A backup's record as the current schema wants it, or BackupError 'records'. */
export function admitRecord(table: VaultTableName, record: unknown, fromVersion: number): unknown {
  const parsed = RECORD_SCHEMAS[table].safeParse(upgradeRecord(table, record, fromVersion));
  if (!parsed.success)
    throw new BackupError(
      `The backup's ${table} records do not match the vault schema.`,
      'records',
      { table },
    );
  return parsed.data;
}

/** SHA-256 of a stored document's plaintext (a damaged blob is BackupError 'document-integrity'). */
export async function blobPlainHash(keys: VaultKeys, blob: BlobRecord): Promise<string> {
  try {
    return await sha256Hex(await openBytes(keys.data, 'blobs', blob.documentId, 'data', blob.data));
  } catch (error) {
    if (error instanceof VaultIntegrityError)
      throw new BackupError(
        `Document ${blob.documentId} in the backup failed its integrity check.`,
        'document-integrity',
      );
    throw error;
  }
}

/**
 * What a restore checks while it reads: the records' shapes, the counts per table, every
 * document's hash and the keyring, against the manifest the backup carries.
 */
export class BackupTally {
  private readonly counts = new Map<VaultTableName, number>();
  private readonly hashes = new Map<string, string>();
  private keyringSeen = false;

  constructor(
    private readonly keys: VaultKeys,
    private readonly schemaVersion: number,
  ) {}

  /** Checks one record and returns it as the vault stores it. */
  async admit(table: VaultTableName, record: unknown): Promise<unknown> {
    const admitted = admitRecord(table, record, this.schemaVersion);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (table === 'blobs') {
      const blob = admitted as BlobRecord;
      this.hashes.set(blob.documentId, await blobPlainHash(this.keys, blob));
    }
    if (table === 'keyring' && KeyringRecordSchema.parse(admitted).id === KEYRING_ID)
      this.keyringSeen = true;
    return admitted;
  }

  /** After the last record: the counts and hashes must be the manifest's. */
  settle(manifest: Manifest, present: (table: VaultTableName) => boolean): void {
    for (const name of VAULT_TABLES) {
      const since = TABLE_SINCE[name] ?? 1;
      // A table added after the backup's schema version is absent from it: it restores empty.
      const absent = this.schemaVersion < since && !present(name);
      const expected = absent ? 0 : manifest.counts[name];
      const count = this.counts.get(name) ?? 0;
      if (count !== expected) {
        throw new BackupError(
          `The backup holds ${count} ${name} records but its manifest says ${expected ?? 'none'}.`,
          'count',
          { table: name, count, expected: expected ?? 0 },
        );
      }
    }
    if (!this.keyringSeen) throw new BackupError('The backup has no keyring.', 'no-keyring');
    for (const [documentId, hash] of this.hashes) {
      if (hash !== manifest.documentHashes[documentId]) {
        throw new BackupError(
          `Document ${documentId} in the backup does not match its recorded hash.`,
          'document-hash',
        );
      }
    }
  }
}
