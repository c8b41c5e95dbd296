// The four-scan measurement of `npm run bench:ui`: the example scans (examples/scans-jpg)
// dropped into a new dossier of a fresh profile (new vault, new browser context), timed
// from the drop to each file's outcome in its import row, against the CLI reading the same
// four files (`dossier extract`, a whole process, model loading included) in the same run,
// the two alternated so that the machine's load hits both alike. Peak memory: the
// proportional set size (PSS) of every process of the browser (or of the CLI), sampled.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../test/cli/run-cli';
import { descendants, sampleProcesses } from './processes';
import { createDossier, createVault } from '../test/e2e/pages/dossier';
import {
  LONG_TASK_RECORDER,
  longTasksWithin,
  pageNow,
  taskCpuWithin,
  traceMainTasks,
  type LongTasks,
  type PhaseWindow,
} from './ui-long-tasks';
import type { StaticServer } from '../test/e2e/support/chromium';
import { installNativeHost, standInEcho, type StandInCounts } from './ui-native-host';

export type { LongTasks };

export const SCAN_FILES = ['license', 'id-front', 'id-back', 'bank'].map((n) =>
  join(REPO_ROOT, 'examples/scans-jpg', `${n}.jpg`),
);

/**
 * Confirm-all on each document of the review tab (the dialog's OK, until its notice shows),
 * then one field confirmed alone where one is left: the long tasks from each click to the
 * screen settled.
 */
async function confirmPhase(
  page: Page,
): Promise<{ confirmed: number; longTasks: LongTasks; windows: PhaseWindow[] }> {
  await page.getByTestId('tab-review').click();
  const kinds = await page
    .getByTestId('review-document')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  let confirmed = 0;
  const windows: PhaseWindow[] = [];
  for (const kind of kinds) {
    await page.locator(`[data-testid="review-document"][data-kind="${kind}"]`).click();
    await page.locator(`[data-testid="review"][data-kind="${kind}"]`).waitFor();
    const button = page.getByTestId('confirm-all');
    if (await button.isDisabled()) continue;
    await button.click();
    await page.getByTestId('confirm-all-list').waitFor();
    confirmed += await page.getByTestId('confirm-all-item').count();
    const from = await pageNow(page);
    await page.locator('#confirm-all-ok').click();
    await page.getByTestId('confirm-all-list').waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByTestId('review-notice').waitFor({ timeout: 60_000 });
    // The rows re-render with their confirmations after the notice.
    await page.waitForTimeout(500);
    windows.push({ from, to: await pageNow(page) });
  }
  // One field confirmed alone (Enter on its row's button), where one is left to confirm.
  const field = await page
    .locator('[data-testid="field-row"]:has([data-testid="confirm-field"]:not([disabled]))')
    .first()
    .getAttribute('data-field', { timeout: 1000 })
    .catch(() => null);
  if (field !== null) {
    const row = page.locator(`[data-testid="field-row"][data-field="${field}"]`);
    const from = await pageNow(page);
    await row.getByTestId('confirm-field').click();
    await row.and(page.locator('[data-confirmed="true"]')).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    windows.push({ from, to: await pageNow(page) });
    confirmed += 1;
  }
  return { confirmed, longTasks: await longTasksWithin(page, windows), windows };
}

export interface AppScanRun {
  /** Drop → each file's outcome, in file order (ms). */
  fileMs: number[];
  /** Drop → the last outcome. */
  allMs: number;
  /** Summed PSS of the browser's processes, peak over the run (from the vault's creation). */
  peakMb: number;
  /** CPU seconds of the browser's processes from the drop to the last file read. */
  cpuSeconds: number;
  /** The same by process type and thread name (seconds, most first). */
  cpuByThread: Record<string, number>;
  statuses: string[];
  /** Cores the page saw (navigator.hardwareConcurrency, overridden by `cores`). */
  cores: number;
  /** OCR workers the reader used, and wasm threads in each (its dossier:ocr-pool mark). */
  workers: number;
  threads: number;
  /** Where the reader's OCR ran: 'wasm-workers', or 'native-host' (the mark's `ocr`). */
  ocr: string;
  /** With the native host's stand-in: its relay's counts, and an echo of the files through it. */
  standIn?: StandInCounts & { echoMs: number };
  /** The machine's load average over the last minute, at the end of the run. */
  loadAverage: number;
  /** Main-thread long tasks from the drop to all read. */
  importLongTasks: LongTasks;
  /** Main-thread long tasks while confirming (confirm-all per document, one single field). */
  confirm: { confirmed: number; longTasks: LongTasks };
}

/** One fresh profile: vault, dossier, the four scans dropped at once, until all are read. */
/** Starts recording a phase of a run (bench/ui-profile.ts traces it); answers its stop. */
export type PhaseRecorder = (
  page: Page,
  phase: 'import' | 'confirm',
) => Promise<() => Promise<void>>;

export async function appScanRun(
  browser: Browser,
  url: string,
  options: {
    cores?: number;
    threads?: number;
    record?: PhaseRecorder;
    /**
     * The bundled native OCR host (bench/ui-native-host.ts): the page reads through it,
     * relayed by `server` (the one serving the page).
     */
    nativeHost?: { entry: string; server: StaticServer };
  } = {},
): Promise<AppScanRun> {
  const memory = sampleProcesses(() => descendants(process.pid), { pss: true, cpu: false });
  let cpu: ReturnType<typeof sampleProcesses> | undefined;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The host is a child of this process: its CPU and memory count with the browser's.
  const host =
    options.nativeHost === undefined
      ? undefined
      : await installNativeHost(context, options.nativeHost.server, options.nativeHost.entry);
  try {
    await context.addInitScript('window.__name = (f) => f');
    await context.addInitScript(LONG_TASK_RECORDER);
    // The reader sizes its OCR pool and each worker's threads from the cores the page sees
    // (src/renderer/reader/pool.ts): `cores` makes the page see that many.
    if (options.cores !== undefined)
      await context.addInitScript(
        `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${options.cores} });`,
      );
    // Wasm threads per OCR worker asked of the reader (pool.ts ocrThreads; 1 unless asked).
    if (options.threads !== undefined)
      await context.addInitScript(`window.__dossierOcrThreads = ${options.threads};`);
    const page = await context.newPage();
    await page.goto(url);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await createVault(page);
    await createDossier(page, '青梧屿测速科技有限公司');
    // The reader marks its pool's size once the vault is open (src/renderer/reader/index.ts).
    const pool = (await (
      await page.waitForFunction(
        () =>
          (performance.getEntriesByName('dossier:ocr-pool')[0] as PerformanceMark | undefined)
            ?.detail as { workers: number; threads: number; ocr?: string } | undefined,
        undefined,
        { timeout: 60_000 },
      )
    ).jsonValue()) as { workers: number; threads: number; ocr?: string };
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
    const droppedInPage = await pageNow(page);
    const stopImport = await options.record?.(page, 'import');
    // Without a recorder of its own (bench/ui-profile.ts), a light trace of both phases
    // gives each main-thread task's CPU time.
    const stopTrace = options.record ? undefined : await traceMainTasks(browser, page);
    // CPU only: the memory sampler reads PSS (one sampler's cost in the bench is enough).
    cpu = sampleProcesses(() => descendants(process.pid), { pss: false, cpu: true });
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
    const { cpuSeconds, cpuByThread } = cpu.stop();
    await stopImport?.();
    const imported: PhaseWindow = { from: droppedInPage, to: await pageNow(page) };
    const importLongTasks = await longTasksWithin(page, [imported]);
    const stopConfirm = await options.record?.(page, 'confirm');
    const { windows, ...confirm } = await confirmPhase(page);
    await stopConfirm?.();
    const tasks = await stopTrace?.();
    if (tasks) {
      importLongTasks.cpu = taskCpuWithin(tasks, [imported]);
      confirm.longTasks.cpu = taskCpuWithin(tasks, windows);
    }
    // The stand-in's relay, counted over the run, then timed alone (after every window).
    const standIn = host
      ? {
          ...(await host.counts(page)),
          echoMs: await standInEcho(
            page,
            SCAN_FILES.map((f) => readFileSync(f)),
          ),
        }
      : undefined;
    return {
      fileMs,
      allMs: Math.max(...fileMs),
      peakMb: memory.stop().peakMb,
      cpuSeconds,
      cpuByThread,
      statuses,
      cores,
      workers: pool.workers,
      threads: pool.threads,
      ocr: pool.ocr ?? 'wasm-workers',
      ...(standIn ? { standIn } : {}),
      loadAverage: +loadavg()[0]!.toFixed(1),
      importLongTasks,
      confirm,
    };
  } finally {
    memory.stop();
    cpu?.stop();
    await context.close();
    await host?.close();
  }
}

export interface CliScanRun {
  ms: number;
  peakMb: number;
  /** CPU seconds of the whole process (model loading included). */
  cpuSeconds: number;
  kinds: string[];
}

/**
 * `dossier extract` on the four scans, as a whole process; `env` adds variables (e.g.
 * DOSSIER_OCR_RUNTIME=wasm: the app's OCR runtime, onnxruntime-web, in Node).
 */
export function cliScanRun(env: Record<string, string> = {}): Promise<CliScanRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // bash's `times` prints its children's CPU time once the command has ended (the
    // sampling below misses a process's last moments).
    const child = spawn(
      'bash',
      [
        '-c',
        '"$@"; code=$?; times >&2; exit $code',
        'bash',
        process.execPath,
        join(REPO_ROOT, 'bin/dossier.mjs'),
        'extract',
        ...SCAN_FILES,
        '--json',
      ],
      { cwd: REPO_ROOT, env: { ...process.env, ...env, NO_COLOR: '1' } },
    );
    const pid = child.pid!;
    const memory = sampleProcesses(() => [pid, ...descendants(pid)]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Date.now() - started;
      const { peakMb } = memory.stop();
      // The last line of `times`: the children's user and system time, as 0m4.210s 0m0.530s.
      const times = stderr.trim().split('\n').pop() ?? '';
      const cpuSeconds = +[...times.matchAll(/(\d+)m([\d.]+)s/g)]
        .reduce((n, m) => n + Number(m[1]) * 60 + Number(m[2]), 0)
        .toFixed(1);
      if (code !== 0) return reject(new Error(`dossier extract exited with ${code}`));
      const kinds = (JSON.parse(stdout) as { kind: string }[]).map((d) => d.kind);
      resolve({ ms, peakMb, cpuSeconds, kinds });
    });
  });
}
