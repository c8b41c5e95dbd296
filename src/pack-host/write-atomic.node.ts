// Writes a file so that a crash never leaves a partial file under the final name: the
// bytes go to a temporary file in the same folder (same file system), are flushed, and
// the temporary file is renamed over the target; the folder is flushed after the rename.
// A kill between open and rename leaves `.NAME.PID.HEX.tmp`, which removeStaleTemps
// (pack-output.node.ts) deletes on the next run.
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const TEMP_SUFFIX = '.tmp';

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Flushes the folder's entry for the renamed file (not possible on Windows: skipped there). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EISDIR/EPERM on platforms that cannot flush a folder.
  } finally {
    await handle.close();
  }
}
