// Main's side of the streamed backup save (src/main/streamed-save.ts), on a real folder:
// pieces land in a temporary file beside the chosen one and only a finished save puts a
// file under the chosen name; cancelling, a piece out of order, a wrong total, a failed
// write or the window going away leave the folder as it was. The renderer's side, driven
// by the vault's real backup stream, is test/renderer/save-backup.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StreamedSaves } from '../../src/main/streamed-save';

const WINDOW = 1;
let folder: string;
let target: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'streamed-save-'));
  target = join(folder, 'vault.dvbackup');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const piece = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('a streamed save in main', () => {
  it('writes the pieces in order and puts the whole file under the chosen name on finish', async () => {
    const saves = new StreamedSaves();
    writeFileSync(target, 'the previous backup');
    const id = await saves.start(WINDOW, target);
    expect(await saves.append(WINDOW, id, 0, piece(5, 1))).toEqual({
      ok: true,
      value: { written: 5 },
    });
    await saves.append(WINDOW, id, 5, piece(3, 2));
    // Until the finish the chosen name still holds what it held; the pieces are in a
    // temporary file readable by the owner only.
    expect(readFileSync(target, 'utf8')).toBe('the previous backup');
    const temps = readdirSync(folder).filter((n) => n.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^\.vault\.dvbackup\.\d+\.[0-9a-f]{8}\.tmp$/);
    expect(await saves.finish(WINDOW, id, 8)).toEqual({ ok: true, value: { path: target } });
    expect([...readFileSync(target)]).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
    expect(readdirSync(folder)).toEqual(['vault.dvbackup']);
    expect(saves.openCount).toBe(0);
  });

  it('a cancelled save leaves no file, and nothing more can be written to it', async () => {
    const saves = new StreamedSaves();
    const id = await saves.start(WINDOW, target);
    await saves.append(WINDOW, id, 0, piece(10, 7));
    expect(await saves.abort(WINDOW, id)).toEqual({ ok: true, value: { aborted: true } });
    expect(readdirSync(folder)).toEqual([]);
    const late = await saves.append(WINDOW, id, 10, piece(1, 7));
    expect(late).toMatchObject({ ok: false, error: { code: 'save-sequence' } });
    expect(await saves.finish(WINDOW, id, 10)).toMatchObject({ ok: false });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a piece out of order or a wrong total cancels the save and leaves no file', async () => {
    const saves = new StreamedSaves();
    const gap = await saves.start(WINDOW, target);
    await saves.append(WINDOW, gap, 0, piece(4, 1));
    expect(await saves.append(WINDOW, gap, 8, piece(4, 1))).toMatchObject({
      ok: false,
      error: { code: 'save-sequence' },
    });
    expect(readdirSync(folder)).toEqual([]);

    const short = await saves.start(WINDOW, target);
    await saves.append(WINDOW, short, 0, piece(4, 1));
    expect(await saves.finish(WINDOW, short, 5)).toMatchObject({
      ok: false,
      error: { code: 'save-sequence' },
    });
    expect(readdirSync(folder)).toEqual([]);
    expect(saves.openCount).toBe(0);
  });

  it("a window cannot write to another window's save", async () => {
    const saves = new StreamedSaves();
    const id = await saves.start(WINDOW, target);
    expect(await saves.append(WINDOW + 1, id, 0, piece(1, 1))).toMatchObject({ ok: false });
    expect(await saves.abort(WINDOW + 1, id)).toMatchObject({ ok: false });
    expect(await saves.finish(WINDOW, id, 0)).toEqual({ ok: true, value: { path: target } });
  });

  it('a window going away cancels its saves', async () => {
    const saves = new StreamedSaves();
    const mine = await saves.start(WINDOW, target);
    const other = await saves.start(WINDOW + 1, join(folder, 'other.dvbackup'));
    await saves.append(WINDOW, mine, 0, piece(3, 1));
    await saves.abortAll(WINDOW);
    expect(readdirSync(folder).filter((n) => n.includes('vault.dvbackup'))).toEqual([]);
    expect(await saves.finish(WINDOW + 1, other, 0)).toMatchObject({ ok: true });
    expect(readdirSync(folder)).toEqual(['other.dvbackup']);
  });

  it('a failed write (the temporary file gone from under it) is an error and leaves no file', async () => {
    const saves = new StreamedSaves();
    const id = await saves.start(WINDOW, target);
    await saves.append(WINDOW, id, 0, piece(3, 1));
    // The folder removed: the rename at finish fails with ENOENT, as a lost disk would.
    rmSync(folder, { recursive: true, force: true });
    await expect(saves.finish(WINDOW, id, 3)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(saves.openCount).toBe(0);
  });

  it('the next save to a name deletes temporary files a crashed process left', async () => {
    // pid 2^22 + 1 is above Linux's pid_max default: no such process runs.
    const stale = join(folder, `.vault.dvbackup.${2 ** 22 + 1}.0123abcd.tmp`);
    const unrelated = join(folder, `.notes.txt.${2 ** 22 + 1}.0123abcd.tmp`);
    writeFileSync(stale, 'half a backup');
    writeFileSync(unrelated, 'not ours');
    const saves = new StreamedSaves();
    const id = await saves.start(WINDOW, target);
    await saves.abort(WINDOW, id);
    expect(readdirSync(folder)).toEqual([`.notes.txt.${2 ** 22 + 1}.0123abcd.tmp`]);
  });
});
