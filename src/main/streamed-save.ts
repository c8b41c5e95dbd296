// A file saved as a stream of pieces (a vault backup, which may be larger than any buffer):
// the pieces go to a temporary file in the chosen folder (same file system), created fresh
// and readable by the owner only; finishing flushes it and renames it over the chosen name
// (src/shared/atomic-file.node.ts, as the CLI's pack is written), so the chosen name holds
// either nothing new or the whole file. Aborting, a failed write,
// or the window closing deletes the temporary file. A crash of main leaves
// `.NAME.PID.HEX.tmp`, which the next save to that name deletes. No Electron here: the
// handlers in ipc.ts pass the path the person chose and the sender's id.
import { randomBytes } from 'node:crypto';
import {
  commitTemp,
  discardTemp,
  openTemp,
  removeStaleTemps,
  type TempFile,
} from '../shared/atomic-file.node.ts';
import { ipcError, type IpcError } from '../shared/ipc';

type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

interface OpenSave {
  owner: number;
  file: TempFile;
  written: number;
}

const sequence = (message: string) => ipcError('save-sequence', message);
const notOpen = () =>
  sequence('This save is not open: it was finished or cancelled, or never started.');

export class StreamedSaves {
  // TypeScript-private fields, not #private: the security scanner's parser cannot read those.
  private readonly saves = new Map<string, OpenSave>();

  /** How many saves are open (tests: none is left behind). */
  get openCount(): number {
    return this.saves.size;
  }

  /** Opens the temporary file for `path` (the name the person chose); returns the save's id. */
  async start(owner: number, path: string): Promise<string> {
    await removeStaleTemps(path);
    const id = randomBytes(16).toString('hex');
    this.saves.set(id, { owner, file: await openTemp(path), written: 0 });
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
        const { bytesWritten } = await save.file.handle.write(
          bytes,
          at,
          bytes.length - at,
          offset + at,
        );
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
    await commitTemp(save.file);
    return { ok: true, value: { path: save.file.path } };
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
    await discardTemp(save.file);
  }
}
