// A restore writes a streamed backup a frame at a time, the keyring last. A crash (the
// process killed, the machine off) midway would leave records without a keyring: a vault
// that says "not created" over data nobody can open, which `create` would then mix with a
// new secret. The clearing transaction therefore leaves a marker row, removed in the same
// transaction that writes the keyring; a vault opened with the marker still there wipes
// the half-written restore and reports it ('restore-interrupted').
import type { VaultDB } from '../db';
import { VAULT_TABLES } from '../db';
import { VaultError } from '../errors';

/** The settings row marking a restore whose write phase has not finished. */
export const RESTORE_MARKER_KEY = 'restore-in-progress';

export async function markRestoreStarted(db: VaultDB, at: number): Promise<void> {
  await db.settings.put({ key: RESTORE_MARKER_KEY, value: { startedAt: at } });
}

export async function clearRestoreMarker(db: VaultDB): Promise<void> {
  await db.settings.delete(RESTORE_MARKER_KEY);
}

/**
 * Empties every table in one transaction, the audit log included (its append-only hook is
 * lifted for the duration). `inside` runs first in the same transaction (the restore's
 * checks on the target: a throw there clears nothing); `after` runs last in it (the
 * restore's marker or its legacy records).
 */
export async function clearVaultTables(
  db: VaultDB,
  hooks: { inside?: () => Promise<void>; after?: () => Promise<void> } = {},
): Promise<void> {
  db.replacingEverything = true;
  try {
    await db.transaction(
      'rw',
      VAULT_TABLES.map((t) => db.table(t)),
      async () => {
        await hooks.inside?.();
        for (const name of VAULT_TABLES) await db.table(name).clear();
        await hooks.after?.();
      },
    );
  } finally {
    db.replacingEverything = false;
  }
}

/**
 * On open: when a restore was cut short, wipes what it wrote (the backup is still whole and
 * can be restored again) and returns the problem to report; otherwise null.
 */
export async function recoverInterruptedRestore(db: VaultDB): Promise<VaultError | null> {
  if ((await db.settings.get(RESTORE_MARKER_KEY)) === undefined) return null;
  await clearVaultTables(db);
  return new VaultError(
    'A restore was interrupted before its end; what it had written was removed and the vault is empty: restore the backup again.',
    'restore-interrupted',
  );
}
