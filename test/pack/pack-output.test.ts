// Writing the pack safely (issue 15, item 6), as a user runs `dossier pack`: never inside
// the dossier folder, never over a folder or a file that is not a pack (unless --force),
// one sentence and exit 2 for a read-only or full disk (a real tmpfs, mounted in a user
// and mount namespace of its own with `unshare`), a stale temporary file of an interrupted
// pack removed on the next run, a file over the size cap blocking, stderr escaped.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, DOSSIER_BIN, REPO_ROOT, runCli, runProgram, type CliRun } from '../cli/run-cli';
import { isDossierPack } from '../../src/pack-host/pack-output.node.ts';

const READY = join(REPO_ROOT, 'examples/ready');
const TODAY = ['--today', '2026-11-24'];
const ESC = '\x1b';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pack-output-'));
});

/** A copy of the ready dossier, where a test may add or rename files. */
function readyCopy(name: string): string {
  const copy = join(dir, name);
  cpSync(READY, copy, { recursive: true });
  return copy;
}

/** A pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

/** No stack trace, one sentence on one line (besides progress). */
function oneSentence(run: CliRun): string {
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  const line = run.stderr
    .split('\n')
    .filter((l) => l.startsWith('dossier pack: '))
    .at(-1);
  expect(line).toMatch(/^dossier pack: [^\n]+\.$/);
  return line!;
}

/** `dossier pack` in a user and mount namespace where `folder` is a tmpfs of `size`, `ro` if asked. */
function packOnTmpfs(folder: string, size: string, readOnly: boolean): Promise<CliRun> {
  const mount = `mount -t tmpfs -o size=${size}${readOnly ? ',ro' : ''} tmpfs "$1"`;
  const args = ['-rm', 'sh', '-c', `${mount} && shift && exec "$@"`, 'sh', folder];
  args.push(
    process.execPath,
    DOSSIER_BIN,
    'pack',
    READY,
    '--out',
    join(folder, 'pack.zip'),
    ...TODAY,
  );
  return runProgram('unshare', args, { env: cliEnv() });
}

const namespaces =
  spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs tmpfs "${tmpdir()}"`]).status === 0;

describe('where dossier pack may write', () => {
  it('refuses an --out inside the dossier folder, before reading anything (exit 2)', async () => {
    const dossier = readyCopy('inside');
    mkdirSync(join(dossier, 'packs'));
    const run = await runCli(['pack', dossier, '--out', join(dossier, 'packs', 'p.zip'), ...TODAY]);
    expect(run.code).toBe(2);
    expect(oneSentence(run)).toContain('is inside the dossier folder');
    expect(readdirSync(join(dossier, 'packs'))).toEqual([]);
  });

  it('refuses an --out that is a folder with one sentence (exit 2), not a stack trace', async () => {
    const folder = join(dir, 'folder.zip');
    mkdirSync(folder);
    const run = await runCli(['pack', READY, '--out', folder, ...TODAY]);
    expect(run.code).toBe(2);
    expect(oneSentence(run)).toContain('is a folder');
  });

  it('keeps a file that is not a pack unless --force, replaces a pack, and removes a stale temporary file', async () => {
    const notes = join(dir, 'notes.zip');
    writeFileSync(notes, 'minutes of the board meeting');
    const refused = await runCli(['pack', READY, '--out', notes, ...TODAY]);
    expect(refused.code).toBe(2);
    expect(oneSentence(refused)).toContain('exists and is not a pack made by dossier');
    expect(readFileSync(notes, 'utf8')).toBe('minutes of the board meeting');

    // A kill -9 during an earlier write left its temporary file (holding every scan).
    const stale = `.notes.zip.${deadPid()}.0badf00d.tmp`;
    writeFileSync(join(dir, stale), 'ID scans of an interrupted pack');
    const forced = await runCli(['pack', READY, '--out', notes, '--force', ...TODAY]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain(`removed ${stale}, left by a pack that was interrupted`);
    expect(existsSync(join(dir, stale))).toBe(false);
    expect(isDossierPack(readFileSync(notes))).toBe(true);
    // Ready, not forced: --force only allowed the replacement.
    expect(forced.stdout).toMatch(/verdict ready:/);

    const again = await runCli(['pack', READY, '--out', notes, ...TODAY]);
    expect(again.code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it.skipIf(!namespaces)(
    'says in one sentence that a read-only disk cannot take the pack (exit 2)',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'pack-ro-'));
      const run = await packOnTmpfs(folder, '1m', true);
      expect(run.code).toBe(2);
      expect(oneSentence(run)).toContain('is on a read-only disk: the pack was not written');
    },
    120_000,
  );

  it.skipIf(!namespaces)(
    'says in one sentence that a full disk cannot take the pack (exit 2)',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'pack-full-'));
      // 64 KB: less than the pack of the ready dossier (~300 KB).
      const run = await packOnTmpfs(folder, '64k', false);
      expect(run.code).toBe(2);
      expect(oneSentence(run)).toContain('is full: the pack was not written');
    },
    120_000,
  );
});

describe('what dossier pack reads and prints', () => {
  it('blocks on a file over the size cap, as on an unreadable one, even though it is not exported', async () => {
    const dossier = readyCopy('oversize');
    writeFileSync(join(dossier, 'scan-300mb.pdf'), '%PDF-1.7\n');
    truncateSync(join(dossier, 'scan-300mb.pdf'), 300 * 1024 * 1024); // sparse: no disk used
    const run = await runCli(['pack', dossier, '--out', join(dir, 'oversize.zip'), ...TODAY]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('files.format');
    expect(existsSync(join(dir, 'oversize.zip'))).toBe(false);
  }, 120_000);

  it('escapes control characters of file names on stderr', async () => {
    const dossier = readyCopy('escapes');
    renameSync(join(dossier, 'bank.pdf'), join(dossier, `bank${ESC}[2J${ESC}[31m.pdf`));
    const out = join(dir, `out${ESC}[8m`, 'p.zip');
    const missing = await runCli(['pack', dossier, '--out', out, ...TODAY]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain(ESC);
    expect(missing.stderr).toContain('out\\x1B[8m');
    const run = await runCli(['pack', dossier, '--out', join(dir, 'escapes.zip'), ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('bank\\x1B[2J\\x1B[31m.pdf');
    expect(run.stderr + run.stdout).not.toContain(ESC);
  }, 120_000);
});
