// Saving a backup as a stream: the host's save dialog first (nothing is read if it is
// cancelled), then the vault's backup a piece at a time through the bridge, then the host
// puts the whole file under the chosen name. Nothing holds the whole backup, whatever its
// size. Any failure (the vault locked, the disk full, a refused piece) cancels the save,
// so no partial file is left under the chosen name.
import type { VaultBridge } from '../../shared/bridge';
import { MAX_SAVE_PIECE_BYTES } from '../../shared/ipc';
import { WorkspaceError } from './workspace-error';

type Saved = { savedAs: string; bytes: number };

function checked<T>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!answer.ok)
    throw new WorkspaceError('save-failed', answer.error.message, { detail: answer.error.message });
  return answer.value;
}

/** Saves what `open()` streams under a name the person chooses; null when they cancel. */
export async function saveBackupStream(
  bridge: VaultBridge,
  suggestedName: string,
  open: () => ReadableStream<Uint8Array<ArrayBuffer>>,
): Promise<Saved | null> {
  const started = checked(await bridge.startBackupSave({ suggestedName }));
  if (started === null) return null;
  const { saveId } = started;
  const reader = open().getReader();
  let offset = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      for (let at = 0; at < next.value.length; at += MAX_SAVE_PIECE_BYTES) {
        const bytes = next.value.subarray(at, at + MAX_SAVE_PIECE_BYTES);
        checked(await bridge.appendBackupSave({ saveId, offset, bytes }));
        offset += bytes.length;
      }
    }
    const { path } = checked(await bridge.finishBackupSave({ saveId, totalBytes: offset }));
    return { savedAs: path, bytes: offset };
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    // The host deletes what was written; if it already has (a refused piece), it says so.
    await bridge.abortBackupSave({ saveId }).catch(() => undefined);
    throw error;
  }
}
