// The vault's one Dexie class. Versions are append-only: never edit a published version,
// add the next one with its upgrade function and its test (test/vault/upgrades.test.ts).
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { chainUnchained } from './audit';
import { VaultBusyError } from './errors';
import type { AccountRecord } from './schema/accounts';
import type { AuditEntry } from './schema/audit-log';
import type { BlobRecord } from './schema/blobs';
import type { ChangeEventRecord } from './schema/change-events';
import type { DeclaredRecord } from './schema/declared';
import type { DocumentRecord } from './schema/documents';
import type { DossierRecord } from './schema/dossiers';
import type { ExceptionRecord } from './schema/exceptions';
import type { ExtractionRecord } from './schema/extractions';
import type { KeyringRecord } from './schema/keyring';
import type { ReadingRecord } from './schema/readings';
import type { SettingRecord } from './schema/settings';
import type { TrackedChangeRecord } from './schema/tracked-changes';
import type { HolidayScheduleRecord } from './schema/holiday-schedules';
import type { CopyRegisterRecord } from './schema/copy-register';

export interface VaultVersion {
  version: number;
  /** Dexie store specs: only the tables whose indexes change in this version. */
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const VAULT_VERSIONS: readonly VaultVersion[] = [
  {
    version: 1,
    stores: {
      keyring: 'id',
      settings: 'key',
      dossiers: 'id, updatedAt, idNumberIndex, creditCodeIndex',
      documents: 'id, dossierId, fingerprint',
      blobs: 'documentId',
      extractions: 'id, documentId, dossierId',
      accounts: 'id, dossierId',
      declared: 'dossierId',
      changeEvents: 'id, dossierId, at',
      auditLog: 'id, at',
    },
  },
  {
    // Soft delete with undo needs an indexed marker (0 = live; IndexedDB skips null keys),
    // and the audit view filters by action over time.
    version: 2,
    stores: {
      dossiers: 'id, updatedAt, idNumberIndex, creditCodeIndex, deletedAt',
      documents: 'id, dossierId, fingerprint, deletedAt',
      auditLog: 'id, at, [action+at]',
    },
    upgrade: async (tx) => {
      await tx.table('dossiers').toCollection().modify({ deletedAt: 0 });
      await tx.table('documents').toCollection().modify({ deletedAt: 0 });
    },
  },
  {
    // How each document was read (sealed JSON per document), the check exceptions a
    // person accepted and the changes to file with the platform (spec §4); dossiers gain a
    // sealed check summary for the list (null until checked).
    version: 3,
    stores: {
      readings: 'documentId, dossierId',
      exceptions: 'id, dossierId',
      trackedChanges: 'id, dossierId',
    },
    upgrade: async (tx) => {
      await tx
        .table('dossiers')
        .toCollection()
        .modify((d: { checkSummary?: unknown }) => {
          d.checkSummary ??= null;
        });
    },
  },
  {
    // Holiday schedules a user loaded (spec §4) and the register of where copies went
    // (使用登记): new tables only, nothing to migrate.
    version: 4,
    stores: {
      holidaySchedules: 'year',
      copyRegister: 'id, dossierId, idNumberIndex, at',
    },
  },
  {
    // The audit log becomes a hash chain (audit.ts): entries are numbered (`seq`, indexed
    // to find the head) and the existing ones are chained in the order they were written,
    // without a MAC (no key during an upgrade).
    version: 5,
    stores: { auditLog: 'id, at, [action+at], seq' },
    upgrade: async (tx) => {
      await chainUnchained(tx.table<AuditEntry, string>('auditLog'));
    },
  },
];

export const LATEST_VAULT_VERSION = VAULT_VERSIONS[VAULT_VERSIONS.length - 1]!.version;

/** Declares versions 1..upTo on a Dexie instance (tests open older versions this way). */
export function defineVaultVersions(db: Dexie, upTo: number = LATEST_VAULT_VERSION): void {
  for (const spec of VAULT_VERSIONS) {
    if (spec.version > upTo) break;
    const version = db.version(spec.version).stores(spec.stores);
    if (spec.upgrade) version.upgrade(spec.upgrade);
  }
}

export class VaultDB extends Dexie {
  keyring!: EntityTable<KeyringRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  dossiers!: EntityTable<DossierRecord, 'id'>;
  documents!: EntityTable<DocumentRecord, 'id'>;
  blobs!: EntityTable<BlobRecord, 'documentId'>;
  extractions!: EntityTable<ExtractionRecord, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  declared!: EntityTable<DeclaredRecord, 'dossierId'>;
  changeEvents!: EntityTable<ChangeEventRecord, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  readings!: EntityTable<ReadingRecord, 'documentId'>;
  exceptions!: EntityTable<ExceptionRecord, 'id'>;
  trackedChanges!: EntityTable<TrackedChangeRecord, 'id'>;
  holidaySchedules!: EntityTable<HolidayScheduleRecord, 'year'>;
  copyRegister!: EntityTable<CopyRegisterRecord, 'id'>;

  /** Set only while a verified backup replaces the whole database (restore with overwrite). */
  replacingEverything = false;

  /**
   * The write gate: while a backup streams, every write is refused (VaultBusyError) so the
   * backup, read across many transactions, is one snapshot. Only an audit entry may be
   * appended (a lock, an integrity failure): the log records what happens, and entries
   * only append, so the chain in the file stays a whole prefix.
   */
  writesClosedBy: 'backup' | null = null;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    defineVaultVersions(this);
    this.use({
      stack: 'dbcore',
      name: 'write-gate',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) => {
              const closedBy = this.writesClosedBy;
              if (closedBy !== null && !(tableName === 'auditLog' && req.type === 'add'))
                return Promise.reject(new VaultBusyError(closedBy));
              return table.mutate(req);
            },
          };
        },
      }),
    });
    // The audit log is append-only: nothing updates or deletes an entry, except a restore
    // that replaces the whole vault with the backup's (and then logs the restore). Two
    // updates keep an entry's content: chaining an entry that has no hash yet (an older
    // vault or backup), and a new MAC after a key rotation.
    this.auditLog.hook('updating', (changes, _id, entry) => {
      const onlyMac = Object.keys(changes).every((k) => k === 'mac');
      if (entry.hash !== undefined && !onlyMac) throw new Error('The audit log is append-only.');
    });
    this.auditLog.hook('deleting', () => {
      if (!this.replacingEverything) throw new Error('The audit log is append-only.');
    });
  }
}

/** Table names in a stable order (backup format, raw dumps). */
export const VAULT_TABLES = [
  'keyring',
  'settings',
  'dossiers',
  'documents',
  'blobs',
  'extractions',
  'accounts',
  'declared',
  'changeEvents',
  'auditLog',
  'readings',
  'exceptions',
  'trackedChanges',
  'holidaySchedules',
  'copyRegister',
] as const;
export type VaultTableName = (typeof VAULT_TABLES)[number];
/** The version that added each table after version 1 (older backups do not hold it). */
export const TABLE_SINCE: Partial<Record<VaultTableName, number>> = {
  readings: 3,
  exceptions: 3,
  trackedChanges: 3,
  holidaySchedules: 4,
  copyRegister: 4,
};
