// The one atomic file write (src/shared/atomic-file.node.ts) that the CLI's pack and main's
// streamed backup save both use, on a real folder: the whole file or nothing under the
// chosen name, owner-only while it is written, a failed rename leaving the target as it
// was and no temporary file, and stale temporary files of dead processes removed while a
// live writer's, another name's and one that cannot be removed are left.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitTemp,
  discardTemp,
  openTemp,
  removeStaleTemps,
  writeFileAtomic,
} from '../../src/shared/atomic-file.node.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'atomic-file-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;

describe('the atomic file write', () => {
  it('replaces the target whole and leaves only it', async () => {
    const target = join(folder, 'pack.zip');
    writeFileSync(target, 'the previous pack');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(folder)).toEqual(['pack.zip']);
  });

  it('writes into an owner-only temporary file beside the target until committed', async () => {
    const target = join(folder, 'vault.dvbackup');
    writeFileSync(target, 'before');
    const file = await openTemp(target);
    await file.handle.write(new Uint8Array([9, 9]));
    expect(file.temp).toMatch(/\/\.vault\.dvbackup\.\d+\.[0-9a-f]{8}\.tmp$/);
    if (process.platform !== 'win32') expect(statSync(file.temp).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('before');
    await commitTemp(file);
    expect([...readFileSync(target)]).toEqual([9, 9]);
    expect(readdirSync(folder)).toEqual(['vault.dvbackup']);
  });

  it('a discarded write leaves the target as it was', async () => {
    const target = join(folder, 'vault.dvbackup');
    writeFileSync(target, 'before');
    const file = await openTemp(target);
    await file.handle.write(new Uint8Array([1]));
    await discardTemp(file);
    expect(readFileSync(target, 'utf8')).toBe('before');
    expect(readdirSync(folder)).toEqual(['vault.dvbackup']);
  });

  it('a rename that fails throws, deletes the temporary file and leaves the target', async () => {
    // A non-empty folder under the chosen name: the rename over it fails.
    const target = join(folder, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['taken']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it("removes dead writers' temporary files of that name only, and reports what it removed", async () => {
    const target = join(folder, 'pack.zip');
    const dead = `.pack.zip.${deadPid()}.0badf00d.tmp`;
    const live = `.pack.zip.${process.pid}.00c0ffee.tmp`;
    const otherName = `.notes.zip.${deadPid()}.0badf00d.tmp`;
    const notOurs = `.pack.zip.draft.tmp`;
    // A folder with a stale temporary name: not a file, so left (and not reported).
    const folderNamedLikeTemp = `.pack.zip.${deadPid()}.deadbeef.tmp`;
    for (const name of [dead, live, otherName, notOurs]) writeFileSync(join(folder, name), 'x');
    mkdirSync(join(folder, folderNamedLikeTemp));
    expect(await removeStaleTemps(target)).toEqual([dead]);
    expect(readdirSync(folder).sort()).toEqual(
      [live, otherName, notOurs, folderNamedLikeTemp].sort(),
    );
  });

  it('finds nothing to remove in a folder that does not exist', async () => {
    expect(await removeStaleTemps(join(folder, 'missing', 'pack.zip'))).toEqual([]);
  });
});
