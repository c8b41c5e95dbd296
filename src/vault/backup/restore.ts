// Restoring a backup of either format. Nothing is written before the whole file has been
// checked: format 1 in memory (legacy.ts), format 2 in a first pass over the stream (every
// frame, record, count and document hash). The checks on the target (does it hold data,
// may it be overwritten) run inside the transaction that clears it. Format 2 is then read a
// second time and written a frame at a time, the keyring last: a restore cut short leaves
// no keyring, and is wiped, rather than a vault that opens on half its records.
import { VAULT_TABLES, type VaultDB, type VaultTableName } from '../db';
import type { VaultKeys } from '../envelope';
import { BackupError } from '../errors';
import { backupKeys, readPrefix, type BackupPrefix } from './header';
import { LEGACY_FORMAT, readLegacyBackup } from './legacy';
import { admitRecord, BackupTally } from './records';
import { clearRestoreMarker, clearVaultTables, markRestoreStarted } from './restore-marker';
import { readFrames, STREAMED_FORMAT, type BackupEntry } from './stream';

/** A backup file: a File or Blob (read as a stream, twice) or bytes already in memory. */
export type BackupSource = Blob | Uint8Array;

export interface RestoreGuard {
  /** The person agreed to replace what the vault holds. */
  overwrite: boolean;
  /** Asked inside the clearing transaction: the vault is unlocked, or its passphrase was given. */
  mayOverwrite: () => boolean;
}

async function holdsData(db: VaultDB): Promise<boolean> {
  return (await db.keyring.count()) > 0 || (await db.dossiers.count()) > 0;
}

function refuseOccupied(hasData: boolean, guard: RestoreGuard): void {
  if (!hasData) return;
  if (!guard.overwrite)
    throw new BackupError(
      'This vault already holds data; restore into it only with overwrite, or into a new vault.',
      'vault-has-data',
    );
  if (!guard.mayOverwrite())
    throw new BackupError(
      'Only an unlocked vault, or one whose passphrase is given, can be overwritten by a backup.',
      'overwrite-locked',
    );
}

/** Clears every table, after checking the target in the same transaction. */
const clearChecked = (db: VaultDB, guard: RestoreGuard, then?: () => Promise<void>) =>
  clearVaultTables(db, {
    inside: async () => refuseOccupied(await holdsData(db), guard),
    after: then,
  });

async function addEntries(
  db: VaultDB,
  entries: BackupEntry[],
  last?: () => Promise<void>,
): Promise<void> {
  const byTable = new Map<VaultTableName, unknown[]>();
  for (const [table, record] of entries) {
    const rows = byTable.get(table) ?? [];
    rows.push(record);
    byTable.set(table, rows);
  }
  const tables = new Set<VaultTableName>(byTable.keys());
  if (last) tables.add('settings');
  await db.transaction(
    'rw',
    [...tables].map((t) => db.table(t)),
    async () => {
      for (const [table, rows] of byTable) await db.table(table).bulkAdd(rows);
      await last?.();
    },
  );
}

const asBlob = (source: BackupSource): Blob =>
  source instanceof Blob ? source : new Blob([source as Uint8Array<ArrayBuffer>]);

/**
 * Checks a backup completely, then replaces the database's content with it. Returns the
 * backup's keys (the vault opens with them).
 */
export async function restoreVault(
  db: VaultDB,
  source: BackupSource,
  passphrase: string,
  guard: RestoreGuard,
): Promise<{ keys: VaultKeys }> {
  const file = asBlob(source);
  const prefix = await readPrefix(file, [LEGACY_FORMAT, STREAMED_FORMAT]);
  const keys = await backupKeys(prefix.header, passphrase);
  // Said now rather than after a long check; asked again where it counts, in the transaction.
  refuseOccupied(await holdsData(db), guard);
  if (prefix.format === LEGACY_FORMAT) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(await file.arrayBuffer());
    const tables = await readLegacyBackup(bytes, prefix, keys);
    await clearChecked(db, guard, async () => {
      for (const name of VAULT_TABLES) await db.table(name).bulkAdd(tables[name]);
    });
    return { keys };
  }
  await checkStreamed(file, prefix, keys);
  // The marker (restore-marker.ts) lives until the keyring is written: a crash in between
  // is wiped when the vault is next opened.
  await clearChecked(db, guard, () => markRestoreStarted(db, Date.now()));
  try {
    await writeStreamed(db, file, prefix, keys);
  } catch (error) {
    await clearChecked(db, { overwrite: true, mayOverwrite: () => true }).catch(() => undefined);
    const stopped = new BackupError(
      'The restore stopped before its end and the vault was left empty: restore the backup again.',
      'interrupted',
    );
    stopped.cause = error;
    throw stopped;
  }
  return { keys };
}

/** First pass: every frame opened, every record checked, counts and hashes against the manifest. */
async function checkStreamed(file: Blob, prefix: BackupPrefix, keys: VaultKeys): Promise<void> {
  const tally = new BackupTally(keys, prefix.header.schemaVersion);
  const manifest = await readFrames(file.stream(), prefix.bytes, keys.backup, async (entries) => {
    for (const [table, record] of entries) await tally.admit(table, record);
  });
  tally.settle(manifest, () => true);
}

/** Second pass: the same frames (checked again for their place) written as they come. */
async function writeStreamed(
  db: VaultDB,
  file: Blob,
  prefix: BackupPrefix,
  keys: VaultKeys,
): Promise<void> {
  const keyring: BackupEntry[] = [];
  const version = prefix.header.schemaVersion;
  await readFrames(file.stream(), prefix.bytes, keys.backup, async (entries) => {
    const admitted: BackupEntry[] = [];
    for (const [table, record] of entries) {
      const entry: BackupEntry = [table, admitRecord(table, record, version)];
      (table === 'keyring' ? keyring : admitted).push(entry);
    }
    if (admitted.length > 0) await addEntries(db, admitted);
  });
  // The keyring and the marker's removal in one transaction: the restore is whole from here.
  await addEntries(db, keyring, () => clearRestoreMarker(db));
}
