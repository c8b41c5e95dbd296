// Runs the real `dossier` command as a separate process, as a user or a script would.
import { spawn, type SpawnOptionsWithoutStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The command `npx dossier` runs. */
export const DOSSIER_BIN = fileURLToPath(new URL('../../bin/dossier.mjs', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The signing key `pack` makes goes here, never into the user's config folder. */
export const TEST_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'dossier-config-'));

/** The command's environment: this one's, no colours, the tests' config folder, then `env`. */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', DOSSIER_CONFIG_DIR: TEST_CONFIG_DIR, ...env };
}

/** Runs a program to its end: its exit code (-1 for a signal) and what it wrote, as text. */
export function runProgram(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithoutStdio,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function runCli(
  args: string[],
  cwd = REPO_ROOT,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return runProgram(process.execPath, [DOSSIER_BIN, ...args], { cwd, env: cliEnv(env) });
}
