// `npm run bench:vault -- --backup`: the streamed backup (format 2) of vaults of several
// sizes in Debian's Chromium with a disk-backed profile. For each size (BENCH_BACKUP_MB,
// default "200,2048" MiB of documents of BENCH_BACKUP_DOC_KB KiB, default 1,024): fill a
// vault, back it up into a file (origin-private file system, written as a stream), restore
// that file into an empty vault. Per step: wall and CPU seconds of the browser's processes,
// and peak memory: each process's peak resident set (VmHWM, reset before the step through
// /proc/PID/clear_refs), the summed PSS of all of them sampled every 200 ms, and the page's
// JS heap. Bounded memory shows as the same peaks at every size. Writes
// bench/results/vault-backup.json. Quick run: BENCH_BACKUP_MB=50 npm run bench:vault -- --backup
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveFolder } from '../test/e2e/support/chromium';
import { buildVaultPage, REPO_ROOT } from '../test/e2e/vault-harness/build';
import {
  chromiumRole,
  cpuTicks,
  descendants,
  pssKb,
  resetPeakRss,
  statusKb,
  TICKS_PER_SECOND,
} from './processes';
import type { BackupBench } from './vault-backup-page';
import { pageCaller, type PageCall } from './page-call';

const SIZES_MB = (process.env.BENCH_BACKUP_MB ?? '200,2048').split(',').map(Number);
const DOC_KB = Number(process.env.BENCH_BACKUP_DOC_KB ?? 1024);
const MB = 1024 * 1024;

type Call = PageCall<BackupBench>;

interface StepMemory {
  /** The largest peak resident set of one process, and whose. */
  largestProcessPeakMB: number;
  largestProcessRole: string;
  /** Every process's own peak, summed: at least the browser's peak as a whole. */
  summedProcessPeaksMB: number;
  /** Peak of the processes' summed PSS, sampled every 200 ms. */
  sampledPssPeakMB: number;
  cpuSeconds: number;
  peaksByRole: Record<string, number>;
}

/** Resets every browser process's peak, runs `work`, then reads the peaks and CPU time. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; memory: StepMemory }> {
  // The browser's processes only (not, say, tsx's esbuild service).
  const pids = () => descendants(process.pid).filter((pid) => chromiumRole(pid) !== null);
  const startTicks = new Map<number, number>();
  for (const pid of pids()) {
    resetPeakRss(pid);
    startTicks.set(pid, cpuTicks(pid));
  }
  let pssPeak = 0;
  const lastTicks = new Map<number, number>();
  const sample = () => {
    let kb = 0;
    for (const pid of pids()) {
      kb += pssKb(pid);
      const t = cpuTicks(pid);
      if (t >= 0) lastTicks.set(pid, t);
      if (!startTicks.has(pid)) startTicks.set(pid, 0);
    }
    pssPeak = Math.max(pssPeak, kb);
  };
  sample();
  const timer = setInterval(sample, 200);
  let value: T;
  try {
    value = await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  const peaksByRole: Record<string, number> = {};
  let largest = 0;
  let largestRole = '';
  let summed = 0;
  for (const pid of pids()) {
    const peak = statusKb(pid, 'VmHWM');
    const role = chromiumRole(pid) ?? 'gone';
    summed += peak;
    peaksByRole[role] = Math.max(peaksByRole[role] ?? 0, Math.round(peak / 1024));
    if (peak > largest) [largest, largestRole] = [peak, role];
  }
  let ticks = 0;
  for (const [pid, end] of lastTicks) ticks += end - (startTicks.get(pid) ?? end);
  return {
    value,
    memory: {
      largestProcessPeakMB: Math.round(largest / 1024),
      largestProcessRole: largestRole,
      summedProcessPeaksMB: Math.round(summed / 1024),
      sampledPssPeakMB: Math.round(pssPeak / 1024),
      cpuSeconds: +(ticks / TICKS_PER_SECOND).toFixed(1),
      peaksByRole,
    },
  };
}

/** Refuses a size the disk cannot hold: the vault, its backup and the restored copy, and room. */
function checkDisk(folder: string, bytes: number): void {
  const stats = statfsSync(folder);
  const free = stats.bavail * stats.bsize;
  const needed = 3.5 * bytes + 5 * 1024 * MB;
  if (free < needed)
    throw new Error(
      `${Math.round(free / MB)} MB free in ${folder}; a ${Math.round(bytes / MB)} MB vault needs ${Math.round(needed / MB)} MB.`,
    );
}

/** One size: fill, back up, restore (checked: every document came back), then delete. */
async function benchSize(call: Call, profile: string, sizeMB: number) {
  const documents = Math.ceil((sizeMB * 1024) / DOC_KB);
  checkDisk(profile, documents * DOC_KB * 1024);
  const [source, target, file] = [
    `bench-${sizeMB}`,
    `bench-${sizeMB}-restored`,
    `bench-${sizeMB}.dvbackup`,
  ];
  console.log(`${sizeMB} MiB: filling ${documents} documents of ${DOC_KB} KiB…`);
  const fill = await measured(() => call('fill', source, documents, DOC_KB * 1024));
  console.log(`  filled in ${fill.value.seconds} s; backing up…`);
  await call('unlock', source);
  const backup = await measured(() => call('backup', file));
  console.log(`  backed up in ${backup.value.seconds} s; restoring…`);
  const restore = await measured(() => call('restore', file, target));
  console.log(`  restored in ${restore.value.seconds} s`);
  if (restore.value.documents !== documents)
    throw new Error(
      `The restored vault holds ${restore.value.documents} documents, not ${documents}.`,
    );
  await call('remove', [source, target], file);
  return {
    sizeMB,
    documents,
    documentMB: Math.round((documents * DOC_KB) / 1024),
    backupMB: Math.round(backup.value.backupBytes / MB),
    fill: { ...fill.value, ...fill.memory },
    backup: { ...backup.value, ...backup.memory },
    restore: { ...restore.value, ...restore.memory },
  };
}
type SizeRun = Awaited<ReturnType<typeof benchSize>>;

export async function backupBench(): Promise<void> {
  const built = await buildVaultPage(join(REPO_ROOT, 'bench/vault-backup-page.ts'));
  const server = await serveFolder(built.root);
  const profile = mkdtempSync(join(tmpdir(), 'vault-backup-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const runs: SizeRun[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = pageCaller<BackupBench>(page, 'backupBench');
    for (const sizeMB of SIZES_MB) runs.push(await benchSize(call, profile, sizeMB));
    const results = {
      bench: 'vault-backup',
      when: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        browser: context.browser()?.version() ?? 'chromium',
      },
      config: { sizesMB: SIZES_MB, documentKB: DOC_KB, format: 2, chunkKB: 4096 },
      runs,
    };
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'bench/results/vault-backup.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
    const row = (r: (typeof runs)[number], step: 'backup' | 'restore') => ({
      'wall s': r[step].seconds,
      'CPU s': r[step].cpuSeconds,
      'MB/s (wall)': Math.round(r.documentMB / r[step].seconds),
      'largest process peak MB': `${r[step].largestProcessPeakMB} (${r[step].largestProcessRole})`,
      'all processes: summed peaks / sampled PSS MB': `${r[step].summedProcessPeaksMB} / ${r[step].sampledPssPeakMB}`,
      'page JS heap peak MB': r[step].peakHeapMB,
    });
    console.table(
      Object.fromEntries(
        runs.flatMap((r) => [
          [`${r.documentMB} MB backup (${r.backupMB} MB file)`, row(r, 'backup')],
          [`${r.documentMB} MB restore`, row(r, 'restore')],
        ]),
      ),
    );
    console.log('Wrote bench/results/vault-backup.json');
  } finally {
    await context.close();
    await server.close();
    built.remove();
    rmSync(profile, { recursive: true, force: true });
  }
}
