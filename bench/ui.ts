// `npm run bench:ui`: the built renderer in Debian's Chromium, served with the app's
// response headers. Measures
//   - time to interactive: navigation start → the vault form rendered and the main
//     thread quiet (no long task after it), median of fresh page loads;
//   - the main bundle: gzip bytes of what index.html loads before any user action
//     (entry script, modulepreloads, CSS), against the lazily loaded rest (OCR, pdfjs);
//   - the dossier list with BENCH_UI_DOSSIERS dossiers (default 1,000): frame times while
//     scrolling it from top to bottom, one wheel notch (100 px) per frame;
//   - four scans (examples/scans-jpg) from the drop to all read, in a fresh profile, against
//     the CLI reading the same files in the same run (bench/ui-scans.ts), BENCH_UI_SCAN_RUNS
//     times each (default 3), with the app as shipped (its OCR pool and one wasm thread per
//     worker), with each count of wasm threads per worker in BENCH_UI_THREADS (default "2")
//     as the page sees each count of cores in BENCH_UI_CORES (default none), and with the
//     Electron app's native OCR host (src/ocr-host) behind a stand-in bridge
//     (bench/ui-native-host.ts; BENCH_UI_NATIVE_HOST=0 leaves it out; BENCH_UI_SHIPPED=0
//     leaves out the app as shipped, whose column the headline then takes from the first
//     one measured); in each,
//     the main thread's long tasks (over 50 ms) from the drop to all read, and while
//     confirming (confirm-all on each document, then one field); `--scans` measures only this.
// Writes bench/results/ui.json.
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { APP_RESPONSE_HEADERS } from '../src/main/policy/csp';
import { launchChromium, serveFolder, type StaticServer } from '../test/e2e/support/chromium';
import { buildRenderer } from '../test/e2e/support/renderer-build';
import { buildTestPage } from '../test/e2e/support/test-page';
import { REPO_ROOT } from '../test/cli/run-cli';
import { bundleOcrHost } from './ui-native-host';
import {
  appScanRun,
  cliScanRun,
  type AppScanRun,
  type CliScanRun,
  type LongTasks,
} from './ui-scans';

const DOSSIERS = Number(process.env.BENCH_UI_DOSSIERS ?? 1000);
const LOADS = Number(process.env.BENCH_UI_LOADS ?? 7);
const SCAN_RUNS = Number(process.env.BENCH_UI_SCAN_RUNS ?? 3);
const SCANS_ONLY = process.argv.includes('--scans');
/** BENCH_UI_CLI_WASM=1: the CLI also on the app's OCR runtime (onnxruntime-web, 1 thread). */
const CLI_WASM = process.env.BENCH_UI_CLI_WASM === '1';
const PASSPHRASE = 'bench: correct horse battery staple 2026';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * What the page loaded until its first screen was interactive (JS and CSS, gzip), and the
 * JS the build holds for later (the dossier screen, pdfjs, the OCR worker and runtimes).
 */
function bundleSizes(root: string, loadedPaths: readonly string[]) {
  const initial = [...new Set(loadedPaths)]
    .map((p) => p.replace(/^\//, ''))
    .filter((f) => /\.(m?js|css)$/.test(f));
  const initialFiles = initial.map((f) => ({ file: f, gzipBytes: gz(join(root, f)) }));
  const js = walk(root).filter((f) => /\.(m?js)$/.test(f));
  const lazyJs = js
    .map((f) => relative(root, f))
    .filter((f) => !initial.includes(f))
    .map((f) => ({ file: f, gzipBytes: gz(join(root, f)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (xs: { gzipBytes: number }[]) => xs.reduce((n, x) => n + x.gzipBytes, 0);
  return {
    initialGzipBytes: sum(initialFiles),
    initialJsGzipBytes: sum(initialFiles.filter((f) => /\.m?js$/.test(f.file))),
    initialFiles,
    lazyJsGzipBytes: sum(lazyJs),
    largestLazy: lazyJs.slice(0, 6),
  };
}

/** Navigation start → first vault input in the DOM, and → the end of the last long task. */
async function timeToInteractive(
  page: Page,
  url: string,
): Promise<{ firstInputMs: number; ttiMs: number; loaded: string[] }> {
  const loaded: string[] = [];
  page.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTaskEnds: number[]; __firstInput?: number };
    w.__longTaskEnds = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTaskEnds.push(e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('input[type="password"]')) {
        w.__firstInput = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForSelector('input[type="password"]');
  // Quiet: 500 ms without a new long task.
  await page.waitForTimeout(500);
  const times = await page.evaluate(() => {
    const w = window as unknown as { __longTaskEnds: number[]; __firstInput: number };
    const lastLong = Math.max(0, ...w.__longTaskEnds);
    return { firstInputMs: w.__firstInput, ttiMs: Math.max(w.__firstInput, lastLong) };
  });
  return { ...times, loaded: [...loaded] };
}

/** Scrolls the dossier list top to bottom over animation frames; frame durations in ms. */
async function scrollFrames(
  page: Page,
): Promise<{ frames: number[]; longFrames: number[]; rows: number }> {
  return page.evaluate(async () => {
    const rows = document.querySelectorAll('[data-testid="dossier-row"]').length;
    const candidates = [...document.querySelectorAll<HTMLElement>('*')].filter(
      (el) =>
        el.scrollHeight > el.clientHeight + 200 && getComputedStyle(el).overflowY !== 'visible',
    );
    const scroller = candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
    if (!scroller) throw new Error('No scrollable dossier list found.');
    const longFrames: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longFrames.push(e.duration);
    });
    observer.observe({ type: 'long-animation-frame', buffered: false });
    const frames: number[] = [];
    // One mouse-wheel notch (100 px) per frame: a fast, steady scroll.
    const step = 100;
    let last = performance.now();
    await new Promise<void>((resolve) => {
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1)
          return resolve();
        scroller.scrollTop += step;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { frames: frames.slice(1), longFrames, rows };
  });
}

/** Counts from an environment variable: "2,4" → [2, 4]; "" → []. */
const counts = (value: string | undefined, fallback: string): number[] =>
  (value ?? fallback)
    .split(',')
    .filter((c) => c.trim() !== '')
    .map(Number);

/**
 * The configurations measured besides the app as shipped: each count of wasm threads per
 * OCR worker in BENCH_UI_THREADS (default "2"), each count of cores the page is made to
 * see in BENCH_UI_CORES (default none; the reader sizes its OCR pool from them).
 */
interface ScanConfig {
  key: string;
  cores?: number;
  threads?: number;
  /** The page reads through the native OCR host (the Electron app's way), not wasm workers. */
  nativeHost?: boolean;
}
const NATIVE_HOST = process.env.BENCH_UI_NATIVE_HOST !== '0';
/** BENCH_UI_SHIPPED=0 leaves out the app as shipped (wasm workers): the other columns alone. */
const SHIPPED = process.env.BENCH_UI_SHIPPED !== '0';
const CONFIGS: ScanConfig[] = [
  ...(SHIPPED ? [{ key: 'shipped' }] : []),
  ...(NATIVE_HOST ? [{ key: 'native-host', nativeHost: true }] : []),
  ...counts(process.env.BENCH_UI_THREADS, '2').map((threads) => ({
    key: `threads-${threads}`,
    threads,
  })),
  ...counts(process.env.BENCH_UI_CORES, '').map((cores) => ({ key: `cores-${cores}`, cores })),
];

function longTaskSummary(runs: LongTasks[]) {
  return {
    counts: runs.map((r) => r.count),
    longestMs: runs.map((r) => r.longestMs),
    maxLongestMs: Math.max(0, ...runs.map((r) => r.longestMs)),
    noneOver50ms: runs.every((r) => r.count === 0),
    totalMs: runs.map((r) => r.totalMs),
    scripts: runs.map((r) => r.scripts ?? []),
    // From the trace: each task's own CPU time, which the machine's load changes far less.
    cpu: runs.every((r) => r.cpu)
      ? {
          over50ms: runs.map((r) => r.cpu!.over50ms),
          longestMs: runs.map((r) => r.cpu!.longestMs),
          maxLongestMs: Math.max(0, ...runs.map((r) => r.cpu!.longestMs)),
          noneOver50ms: runs.every((r) => r.cpu!.over50ms === 0),
          longTasksMs: runs.map((r) => r.cpu!.longTasksMs),
          allMs: runs.map((r) => r.cpu!.allMs),
          top: runs.map((r) => r.cpu!.top),
        }
      : null,
  };
}

/** A phase's long tasks in one line: wall (Long Tasks API), then CPU (the trace). */
function taskLine(t: LongTasks): string {
  const cpu = t.cpu
    ? `; by CPU ${t.cpu.over50ms} over 50 ms (largest ${t.cpu.top.join(', ')} ms), long tasks' CPU ${t.cpu.longTasksMs} ms, all tasks' CPU ${t.cpu.allMs} ms`
    : '';
  return `${t.count} (longest ${t.longestMs} ms${cpu})`;
}

function appSummary(app: AppScanRun[]) {
  return {
    cores: app[0]?.cores ?? 0,
    workers: app[0]?.workers ?? 0,
    threads: app[0]?.threads ?? 0,
    ocr: app[0]?.ocr ?? '',
    ...(app.some((r) => r.standIn)
      ? {
          standIn: app.map((r) => r.standIn),
          medianStandInEchoMs: median(app.map((r) => r.standIn?.echoMs ?? 0)),
          // The relay's time on the reads' path (requests, final answers), and drop → all
          // read less it: what the Electron app, with no relay, would have left at most.
          medianStandInOnPathMs: median(app.map((r) => r.standIn?.onPathMs ?? 0)),
          medianAllLessRelayMs: median(app.map((r) => r.allMs - (r.standIn?.onPathMs ?? 0))),
        }
      : {}),
    allMs: app.map((r) => r.allMs),
    fileMs: app.map((r) => r.fileMs),
    statuses: app.map((r) => r.statuses),
    medianAllMs: median(app.map((r) => r.allMs)),
    medianFirstMs: median(app.map((r) => Math.min(...r.fileMs))),
    cpuSeconds: app.map((r) => r.cpuSeconds),
    medianCpuSeconds: +median(app.map((r) => r.cpuSeconds)).toFixed(1),
    cpuByThread: app.map((r) => r.cpuByThread),
    peakMb: Math.max(...app.map((r) => r.peakMb)),
    loadAverage: app.map((r) => r.loadAverage),
    importLongTasks: longTaskSummary(app.map((r) => r.importLongTasks)),
    confirm: {
      confirmed: app.map((r) => r.confirm.confirmed),
      longTasks: longTaskSummary(app.map((r) => r.confirm.longTasks)),
    },
  };
}

/**
 * The app (as shipped, then in each of CONFIGS) and the CLI alternated, so that the
 * machine's load hits all alike; the headline is the app as shipped on this machine.
 */
async function scanComparison(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  server: StaticServer,
  url: string,
) {
  // The host as electron-vite bundles the utility process: no TypeScript compiled at run time.
  const hostEntry = NATIVE_HOST ? await bundleOcrHost() : undefined;
  const byConfig = new Map<string, AppScanRun[]>(CONFIGS.map((c) => [c.key, []]));
  const cli: CliScanRun[] = [];
  const cliWasm: CliScanRun[] = [];
  for (let i = 0; i < SCAN_RUNS; i++) {
    console.log(`Four scans, run ${i + 1} of ${SCAN_RUNS}…`);
    cli.push(await cliScanRun());
    console.log(`  CLI ${cli[i]!.ms} ms (CPU ${cli[i]!.cpuSeconds} s)`);
    if (CLI_WASM) {
      // The app's OCR runtime (onnxruntime-web, one thread) in the CLI: what of the app's
      // CPU is the runtime's, and what is the app's own.
      cliWasm.push(await cliScanRun({ DOSSIER_OCR_RUNTIME: 'wasm', DOSSIER_OCR_THREADS: '1' }));
      console.log(`  CLI on wasm ${cliWasm[i]!.ms} ms (CPU ${cliWasm[i]!.cpuSeconds} s)`);
    }
    for (const { key, nativeHost, ...config } of CONFIGS) {
      const run = await appScanRun(browser, url, {
        ...config,
        ...(nativeHost && hostEntry ? { nativeHost: { entry: hostEntry, server } } : {}),
      });
      byConfig.get(key)!.push(run);
      console.log(`    CPU by thread: ${JSON.stringify(run.cpuByThread)}`);
      if (run.standIn) {
        const { toHostMs: _h, toPageMs: _p, ...relay } = run.standIn;
        console.log(`    stand-in relay: ${JSON.stringify(relay)}`);
      }
      console.log(
        `  app (${key}: ${run.cores} cores, ${run.ocr === 'native-host' ? 'native OCR host' : `${run.workers} OCR worker(s) × ${run.threads} thread(s)`}): ${run.allMs} ms (files ${run.fileMs.join(', ')} ms; CPU ${run.cpuSeconds} s; peak ${run.peakMb} MB); load ${run.loadAverage}; main-thread long tasks: import ${taskLine(run.importLongTasks)}, confirming ${run.confirm.confirmed} fields ${taskLine(run.confirm.longTasks)}`,
      );
    }
  }
  // The app as shipped: the pool and threads it picks here (pool.ts).
  const appDefault = byConfig.get('shipped') ?? byConfig.values().next().value!;
  const appMs = median(appDefault.map((r) => r.allMs));
  const cliMs = median(cli.map((r) => r.ms));
  return {
    files: 'examples/scans-jpg: license, id-front, id-back, bank',
    runs: SCAN_RUNS,
    app: appSummary(appDefault),
    byConfig: Object.fromEntries([...byConfig].map(([c, runs]) => [c, appSummary(runs)])),
    cli: {
      ms: cli.map((r) => r.ms),
      kinds: cli.map((r) => r.kinds),
      medianMs: cliMs,
      cpuSeconds: cli.map((r) => r.cpuSeconds),
      medianCpuSeconds: +median(cli.map((r) => r.cpuSeconds)).toFixed(1),
      peakMb: Math.max(...cli.map((r) => r.peakMb)),
    },
    ...(cliWasm.length > 0
      ? {
          cliWasm: {
            ms: cliWasm.map((r) => r.ms),
            cpuSeconds: cliWasm.map((r) => r.cpuSeconds),
            medianCpuSeconds: +median(cliWasm.map((r) => r.cpuSeconds)).toFixed(1),
          },
          cpuRatioToCliWasm: +(
            median(appDefault.map((r) => r.cpuSeconds)) / median(cliWasm.map((r) => r.cpuSeconds))
          ).toFixed(2),
        }
      : {}),
    ratio: +(appMs / cliMs).toFixed(2),
    ratioByConfig: Object.fromEntries(
      [...byConfig].map(([c, runs]) => [c, +(median(runs.map((r) => r.allMs)) / cliMs).toFixed(2)]),
    ),
    cpuRatio: +(
      median(appDefault.map((r) => r.cpuSeconds)) / median(cli.map((r) => r.cpuSeconds))
    ).toFixed(2),
    withinOneAndAHalf: appMs <= 1.5 * cliMs,
    // The Electron app's way: the native OCR host (its stand-in here; bench/ui-native-host.ts).
    ...(byConfig.has('native-host')
      ? (() => {
          const native = byConfig.get('native-host')!;
          const nativeMs = median(native.map((r) => r.allMs));
          return {
            nativeHost: {
              ratio: +(nativeMs / cliMs).toFixed(2),
              cpuRatio: +(
                median(native.map((r) => r.cpuSeconds)) / median(cli.map((r) => r.cpuSeconds))
              ).toFixed(2),
              withinOneAndAHalf: nativeMs <= 1.5 * cliMs,
            },
          };
        })()
      : {}),
  };
}

function summaryLine(t: ReturnType<typeof longTaskSummary>): string {
  const cpu = t.cpu
    ? `; by CPU ${t.cpu.over50ms.join('/')} over 50 ms (longest ${t.cpu.maxLongestMs} ms), long tasks' CPU ${t.cpu.longTasksMs.join('/')} ms`
    : '';
  return `${t.counts.join('/')} (longest ${t.maxLongestMs} ms${cpu})`;
}

function scanLine(s: Awaited<ReturnType<typeof scanComparison>>): string {
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const tasks = (a: ReturnType<typeof appSummary>) =>
    `${a.cores} cores, ${a.ocr === 'native-host' ? `native OCR host (stand-in relay: echo of the four files ${a.medianStandInEchoMs} ms, on the reads' path ${a.medianStandInOnPathMs} ms; all read less it ${sec(a.medianAllLessRelayMs ?? 0)})` : `${a.workers} OCR worker(s) × ${a.threads} thread(s)`}: ${sec(a.medianAllMs)}, CPU ${a.medianCpuSeconds} s, peak ${a.peakMb} MB, load ${a.loadAverage.join('/')}, main-thread long tasks import ${summaryLine(a.importLongTasks)}, confirm ${summaryLine(a.confirm.longTasks)}`;
  return `${Object.values(s.byConfig).map(tasks).join('\n')}\nfour scans, median of ${s.runs}: app as shipped (${s.app.workers} OCR worker(s) × ${s.app.threads} thread(s)) drop → all read ${sec(s.app.medianAllMs)} (first ${sec(s.app.medianFirstMs)}; runs ${s.app.allMs.map(sec).join(', ')}), CLI ${sec(s.cli.medianMs)} (runs ${s.cli.ms.map(sec).join(', ')}): ratio ${s.ratio} (target ≤ 1.5); CPU seconds app ${s.app.medianCpuSeconds}, CLI ${s.cli.medianCpuSeconds} (ratio ${s.cpuRatio})${s.cliWasm ? `; CLI on the app's wasm runtime ${s.cliWasm.medianCpuSeconds} (app / CLI-wasm ${s.cpuRatioToCliWasm})` : ''}; peak memory app ${s.app.peakMb} MB, CLI ${s.cli.peakMb} MB${s.nativeHost ? `\napp with the native OCR host: drop → all read ${sec(s.byConfig['native-host']!.medianAllMs)} (runs ${s.byConfig['native-host']!.allMs.map(sec).join(', ')}), ratio to the CLI ${s.nativeHost.ratio} (target ≤ 1.5), CPU ${s.byConfig['native-host']!.medianCpuSeconds} s (ratio ${s.nativeHost.cpuRatio}), peak ${s.byConfig['native-host']!.peakMb} MB` : ''}`;
}

async function main(): Promise<void> {
  console.log('Building the renderer…');
  const built = await buildRenderer();
  const seedPage = await buildTestPage(join(REPO_ROOT, 'bench/ui-seed.ts'), 'ui-seed');
  // The seeding page lives on the app's origin (same IndexedDB), in its own folder.
  cpSync(seedPage.root, join(built.root, 'seed'), { recursive: true });
  writeFileSync(
    join(built.root, 'seed', 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./entry.js"></script>',
  );
  seedPage.remove();
  const server = await serveFolder(built.root, { ...APP_RESPONSE_HEADERS });
  const browser = await launchChromium();
  try {
    const resultsPath = join(REPO_ROOT, 'bench/results/ui.json');
    if (SCANS_ONLY) {
      const scans = await scanComparison(browser, server, `${server.url}/index.html`);
      const old = JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>;
      writeFileSync(
        resultsPath,
        JSON.stringify({ ...old, scans: { when: new Date().toISOString(), ...scans } }, null, 2) +
          '\n',
      );
      console.log(`${scanLine(scans)}\nwrote bench/results/ui.json (scans)`);
      return;
    }
    const loads: Awaited<ReturnType<typeof timeToInteractive>>[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      await context.addInitScript('window.__name = (f) => f');
      const page = await context.newPage();
      loads.push(await timeToInteractive(page, `${server.url}/index.html`));
      await context.close();
    }
    const bundle = bundleSizes(built.root, loads[0]!.loaded);

    console.log(`Seeding ${DOSSIERS} dossiers…`);
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    // tsx keeps function names with a __name helper that page.evaluate bodies lack.
    await context.addInitScript('window.__name = (f) => f');
    const page = await context.newPage();
    await page.goto(`${server.url}/seed/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const seedMs = await page.evaluate(
      ([p, n]) =>
        (window as unknown as { seedVault: (p: string, n: number) => Promise<number> }).seedVault(
          p,
          n,
        ),
      [PASSPHRASE, DOSSIERS] as const,
    );
    await page.goto(`${server.url}/index.html`);
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    const unlockStart = Date.now();
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('dossier-row').first().waitFor();
    const unlockToListMs = Date.now() - unlockStart;
    const scroll = await scrollFrames(page);
    await context.close();
    const scans = await scanComparison(browser, server, `${server.url}/index.html`);

    const results = {
      bench: 'ui',
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, browser: browser.version() },
      config: { dossiers: DOSSIERS, loads: LOADS },
      timeToInteractive: {
        firstInputMs: loads.map((l) => Math.round(l.firstInputMs)),
        ttiMs: loads.map((l) => Math.round(l.ttiMs)),
        medianTtiMs: Math.round(median(loads.map((l) => l.ttiMs))),
      },
      bundle,
      list: {
        seedMs: Math.round(seedMs),
        unlockToListMs,
        rowsInDom: scroll.rows,
        frames: scroll.frames.length,
        frameMs: {
          median: +median(scroll.frames).toFixed(1),
          p95: +percentile(scroll.frames, 95).toFixed(1),
          max: +Math.max(...scroll.frames).toFixed(1),
        },
        framesOver50ms: scroll.frames.filter((f) => f > 50).length,
        longAnimationFrames: scroll.longFrames.map((d) => Math.round(d)),
      },
      targets: {
        ttiUnder1500ms: median(loads.map((l) => l.ttiMs)) <= 1500,
        initialBundleUnder800KBGzip: bundle.initialGzipBytes <= 800 * 1024,
        noFrameOver50ms: scroll.frames.every((f) => f <= 50),
        fourScansWithinOneAndAHalfOfCli: scans.withinOneAndAHalf,
      },
      scans,
    };
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    console.log(
      [
        `time to interactive, median of ${LOADS}: ${results.timeToInteractive.medianTtiMs} ms (target ≤ 1500 ms); runs ${results.timeToInteractive.ttiMs.join(', ')}`,
        `main bundle (loaded at start, gzip): ${kb(bundle.initialGzipBytes)} of which JS ${kb(bundle.initialJsGzipBytes)} (target ≤ 800 KB); loaded later: ${kb(bundle.lazyJsGzipBytes)}`,
        `dossier list, ${DOSSIERS} dossiers: unlock → list ${unlockToListMs} ms; ${scroll.rows} rows in the DOM; scrolling ${results.list.frames} frames, median ${results.list.frameMs.median} ms, p95 ${results.list.frameMs.p95} ms, max ${results.list.frameMs.max} ms, ${results.list.framesOver50ms} over 50 ms`,
        scanLine(scans),
        'wrote bench/results/ui.json',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
    built.remove();
  }
}

await main();
