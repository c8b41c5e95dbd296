// A file saved as a stream of pieces (a vault backup, which may be larger than any buffer):
// the pieces go to a temporary file in the chosen folder (same file system), created fresh
// and readable by the owner only; finishing flushes it and renames it over the chosen name,
// so the chosen name holds either nothing new or the whole file. Aborting, a failed write,
// or the window closing deletes the temporary file. A crash of main leaves
// `.NAME.PID.HEX.tmp`, which the next save to that name deletes. No Electron here: the
// handlers in ipc.ts pass the path the person chose and the sender's id.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ipcError, type IpcError } from '../shared/ipc';

type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

interface OpenSave {
  owner: number;
  path: string;
  temp: string;
  handle: FileHandle;
  written: number;
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

const sequence = (message: string) => ipcError('save-sequence', message);
const notOpen = () =>
  sequence('This save is not open: it was finished or cancelled, or never started.');

/** True while process `pid` runs (another instance of the app may be saving). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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

export class StreamedSaves {
  // TypeScript-private fields, not #private: the security scanner's parser cannot read those.
  private readonly saves = new Map<string, OpenSave>();

  /** How many saves are open (tests: none is left behind). */
  get openCount(): number {
    return this.saves.size;
  }

  /** Opens the temporary file for `path` (the name the person chose); returns the save's id. */
  async start(owner: number, path: string): Promise<string> {
    await this.removeStaleTemps(path);
    const id = randomBytes(16).toString('hex');
    const temp = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const handle = await open(temp, 'wx', 0o600);
    this.saves.set(id, { owner, path, temp, handle, written: 0 });
    return id;
  }

  /** Writes one piece, which must start where the last one ended. */
  async append(
    owner: number,
    id: string,
    offset: number,
    bytes: Uint8Array,
  ): Promise<Result<{ written: number }>> {
    const save = this.saves.get(id);
    if (!save || save.owner !== owner) return notOpen();
    if (offset !== save.written) {
      await this.discard(id);
      return sequence(
        `A piece of the file came out of order (at byte ${offset}, expected ${save.written}); the save was cancelled.`,
      );
    }
    try {
      let at = 0;
      while (at < bytes.length) {
        const { bytesWritten } = await save.handle.write(bytes, at, bytes.length - at, offset + at);
        at += bytesWritten;
      }
    } catch (error) {
      await this.discard(id);
      throw error;
    }
    save.written += bytes.length;
    return { ok: true, value: { written: save.written } };
  }

  /** Flushes the file and puts it under the chosen name; `totalBytes` must be what was written. */
  async finish(owner: number, id: string, totalBytes: number): Promise<Result<{ path: string }>> {
    const save = this.saves.get(id);
    if (!save || save.owner !== owner) return notOpen();
    if (totalBytes !== save.written) {
      await this.discard(id);
      return sequence(
        `The file should hold ${totalBytes} bytes but ${save.written} arrived; the save was cancelled.`,
      );
    }
    this.saves.delete(id);
    try {
      await save.handle.sync();
      await save.handle.close();
      await rename(save.temp, save.path);
    } catch (error) {
      await save.handle.close().catch(() => undefined);
      await unlink(save.temp).catch(() => undefined);
      throw error;
    }
    await syncFolder(dirname(save.path));
    return { ok: true, value: { path: save.path } };
  }

  /** Cancels a save: its temporary file is deleted, the chosen name untouched. */
  async abort(owner: number, id: string): Promise<Result<{ aborted: true }>> {
    const save = this.saves.get(id);
    if (!save || save.owner !== owner) return notOpen();
    await this.discard(id);
    return { ok: true, value: { aborted: true } };
  }

  /** Cancels every save of one sender (its window closed or its page reloaded). */
  async abortAll(owner: number): Promise<void> {
    for (const [id, save] of [...this.saves]) if (save.owner === owner) await this.discard(id);
  }

  private async discard(id: string): Promise<void> {
    const save = this.saves.get(id);
    if (!save) return;
    this.saves.delete(id);
    await save.handle.close().catch(() => undefined);
    await unlink(save.temp).catch(() => undefined);
  }

  /** Temporary files of `path` left by a process that no longer runs (a crash). */
  private async removeStaleTemps(path: string): Promise<void> {
    const names = await readdir(dirname(path)).catch(() => [] as string[]);
    for (const name of names) {
      const match = TEMP.exec(name);
      if (match?.[1] !== basename(path) || isRunning(Number(match[2]))) continue;
      await unlink(join(dirname(path), name)).catch(() => undefined);
    }
  }
}
