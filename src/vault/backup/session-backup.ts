// Backup and restore as operations of an open vault: the stream pulls each piece inside the
// session (a lock stops it; integrity failures are logged), and the restore decides who may
// overwrite a vault that holds data.
import { appendAudit, chainUnchained } from '../audit';
import type { StoreContext } from '../context';
import type { VaultKeys } from '../envelope';
import { keyringExists } from '../keyring';
import type { VaultSession } from '../session';
import { restoreVault, type BackupSource } from './restore';
import { backupPieces, vaultEntries } from './write';

/**
 * The vault's backup as a stream, one snapshot: from here until its end (or its cancel, an
 * error, a lock) the session is held for it and the database refuses every write
 * (VaultBusyError 'busy'; audit entries still append), and no rotation or restore starts.
 */
export function sessionBackupStream(
  session: VaultSession,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  const ctx = session.context();
  const release = session.hold('backup');
  let bytes = 0;
  const pieces = backupPieces(ctx.keys, vaultEntries(ctx.db), { now: ctx.now() });
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull: async (controller) => {
        try {
          await session.run(async (run) => {
            const next = await pieces.next();
            if (!next.done) {
              bytes += next.value.length;
              controller.enqueue(next.value);
              return;
            }
            release();
            controller.close();
            await appendAudit(run, 'backup', null, null, `${bytes} bytes`);
          });
        } catch (error) {
          release();
          throw error;
        }
      },
      cancel: async () => {
        release();
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Every piece of a stream, in order, as a Blob (a browser keeps a large one on disk). */
export async function blobOf(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value);
  return new Blob(parts, { type: 'application/octet-stream' });
}

export interface RestoreOptions {
  /** Replace a vault that holds data (asked of the person first). */
  overwrite?: boolean;
  /** The passphrase of the vault being replaced, when it is locked. */
  currentPassphrase?: string;
}

/** Restores into `store`'s database; returns the backup's keys. */
export async function restoreChecked(
  store: StoreContext,
  source: BackupSource,
  passphrase: string,
  options: RestoreOptions,
  target: {
    isUnlocked: () => boolean;
    /** Opens the current keyring with a passphrase (WrongPassphraseError when it does not). */
    openCurrent: (passphrase: string) => Promise<unknown>;
  },
): Promise<VaultKeys> {
  const { isUnlocked, openCurrent } = target;
  let owner = false;
  const { overwrite = false, currentPassphrase } = options;
  if (
    overwrite &&
    !isUnlocked() &&
    currentPassphrase !== undefined &&
    (await keyringExists(store))
  ) {
    // Throws WrongPassphraseError (after the usual delay, logged) when it does not open it.
    await openCurrent(currentPassphrase);
    owner = true;
  }
  const { keys } = await restoreVault(store.db, source, passphrase, {
    overwrite,
    mayOverwrite: () => owner || isUnlocked(),
  });
  return keys;
}

/** After a restore: a backup's entries from before the hash chain are chained (as the upgrade does), then 'restore' is logged. */
export async function logRestored(store: StoreContext, keys: VaultKeys): Promise<void> {
  await store.db.transaction('rw', store.db.auditLog, () => chainUnchained(store.db.auditLog));
  await appendAudit({ ...store, keys }, 'restore', null, null, '');
}
