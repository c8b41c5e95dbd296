// Writing a file so that a crash never leaves a partial file under the final name, for
// every Node writer (the CLI's pack, main's streamed backup save): the bytes go to a
// temporary file in the same folder (same file system), created fresh and readable by the
// owner only; they are flushed, the temporary file is renamed over the target, and the
// folder is flushed after the rename. A kill between open and rename leaves
// `.NAME.PID.HEX.tmp`, which removeStaleTemps deletes on the next write to that name.
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_SUFFIX = '.tmp';

/** A temporary file opened beside its target, to be committed or discarded. */
export interface TempFile {
  /** The name the whole file will have. */
  path: string;
  /** The temporary file's own path, `.NAME.PID.HEX.tmp` in the same folder. */
  temp: string;
  handle: FileHandle;
}

/** Opens a fresh temporary file (mode 0600) beside `path`. */
export async function openTemp(path: string): Promise<TempFile> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  return { path, temp, handle: await open(temp, 'wx', 0o600) };
}

/** Closes and deletes the temporary file; the target is untouched. Never throws. */
export async function discardTemp(file: TempFile): Promise<void> {
  await file.handle.close().catch(() => undefined);
  await unlink(file.temp).catch(() => undefined);
}

/**
 * Flushes the temporary file and renames it over its target, then flushes the folder.
 * On failure the temporary file is deleted and the error thrown; the target keeps what it
 * held.
 */
export async function commitTemp(file: TempFile): Promise<void> {
  try {
    await file.handle.sync();
    await file.handle.close();
    await rename(file.temp, file.path);
  } catch (error) {
    await discardTemp(file);
    throw error;
  }
  await syncFolder(dirname(file.path));
}

/** Writes `bytes` under `path` whole or not at all. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const file = await openTemp(path);
  try {
    await file.handle.writeFile(bytes);
  } catch (error) {
    await discardTemp(file);
    throw error;
  }
  await commitTemp(file);
}

/** Flushes a folder's entry for a renamed file (not possible on Windows: skipped there). */
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

/** True while process `pid` runs (another writer, or another instance of the app). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files an interrupted write of `path` left (a crash or a kill):
 * `.NAME.PID.HEX.tmp` files whose process is gone. Returns the names it removed; one it
 * cannot remove is left, and the write goes on under a new temporary name.
 */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const match = /^(\d+)\.[0-9a-f]{8}$/.exec(name.slice(prefix.length, -TEMP_SUFFIX.length));
    if (!match || isRunning(Number(match[1]))) continue;
    const stale = join(folder, name);
    if (!(await lstat(stale).catch(() => null))?.isFile()) continue;
    if (
      await unlink(stale).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  return removed;
}
