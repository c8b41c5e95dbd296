// The four-scan measurement of `npm run bench:ui`: the example scans (examples/scans-jpg)
// dropped into a new dossier of a fresh profile (new vault, new browser context), timed
// from the drop to each file's outcome in its import row, against the CLI reading the same
// four files (`dossier extract`, a whole process, model loading included) in the same run,
// the two alternated so that the machine's load hits both alike. Peak memory: the
// proportional set size (PSS) of every process of the browser (or of the CLI), sampled.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../test/cli/run-cli';
import { createDossier, createVault } from '../test/e2e/pages/dossier';

export const SCAN_FILES = ['license', 'id-front', 'id-back', 'bank'].map((n) =>
  join(REPO_ROOT, 'examples/scans-jpg', `${n}.jpg`),
);

/** Every process below `root` (its children, theirs, …), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name is in parentheses and may hold spaces: ppid is after its ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (pid: number): void => {
    for (const [child, ppid] of parent) {
      if (ppid === pid) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

function pssKb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Samples the summed PSS of `pids()` every 200 ms until stopped; the peak in MB. */
function samplePeak(pids: () => number[]): { stop(): number } {
  let peakKb = 0;
  const sample = (): void => {
    const kb = pids().reduce((n, pid) => n + pssKb(pid), 0);
    peakKb = Math.max(peakKb, kb);
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Math.round(peakKb / 1024);
    },
  };
}

export interface AppScanRun {
  /** Drop → each file's outcome, in file order (ms). */
  fileMs: number[];
  /** Drop → the last outcome. */
  allMs: number;
  /** Summed PSS of the browser's processes, peak over the run (from the vault's creation). */
  peakMb: number;
  statuses: string[];
}

/** One fresh profile: vault, dossier, the four scans dropped at once, until all are read. */
export async function appScanRun(browser: Browser, url: string): Promise<AppScanRun> {
  const memory = samplePeak(() => descendants(process.pid));
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript('window.__name = (f) => f');
    const page = await context.newPage();
    await page.goto(url);
    await createVault(page);
    await createDossier(page, '青梧屿测速科技有限公司');
    // Each file is stamped in the page when its row says it is done (or failed).
    await page.evaluate(() => {
      const w = window as unknown as { __outcomes: Record<string, number> };
      w.__outcomes = {};
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('[data-testid="import-row"]')) {
          const file = row.getAttribute('data-file') ?? '';
          const stage = row.getAttribute('data-stage') ?? '';
          const over = ['done', 'failed', 'cancelled'].includes(stage);
          if ((over || row.getAttribute('data-status')) && w.__outcomes[file] === undefined)
            w.__outcomes[file] = Date.now();
        }
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const input = page.locator('[data-testid="import-panel"] input[type=file]');
    const dropped = Date.now();
    await input.setInputFiles(SCAN_FILES);
    const names = SCAN_FILES.map((f) => f.slice(f.lastIndexOf('/') + 1));
    await page.waitForFunction(
      (count) =>
        Object.keys((window as unknown as { __outcomes: object }).__outcomes).length === count,
      names.length,
      { timeout: 300_000, polling: 100 },
    );
    const stamps = await page.evaluate(
      () => (window as unknown as { __outcomes: Record<string, number> }).__outcomes,
    );
    const statuses = await page
      .getByTestId('import-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status') ?? ''));
    const fileMs = names.map((n) => stamps[n]! - dropped);
    return { fileMs, allMs: Math.max(...fileMs), peakMb: memory.stop(), statuses };
  } finally {
    memory.stop();
    await context.close();
  }
}

export interface CliScanRun {
  ms: number;
  peakMb: number;
  kinds: string[];
}

/** `dossier extract` on the four scans, as a whole process. */
export function cliScanRun(): Promise<CliScanRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin/dossier.mjs'), 'extract', ...SCAN_FILES, '--json'],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } },
    );
    const pid = child.pid!;
    const memory = samplePeak(() => [pid, ...descendants(pid)]);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Date.now() - started;
      const peakMb = memory.stop();
      if (code !== 0) return reject(new Error(`dossier extract exited with ${code}`));
      const kinds = (JSON.parse(stdout) as { kind: string }[]).map((d) => d.kind);
      resolve({ ms, peakMb, kinds });
    });
  });
}
