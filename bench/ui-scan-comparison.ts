// bench:ui's four scans (bench/ui.ts): the app, as shipped and in each configuration of
// CONFIGS, against the CLI reading the same files (bench/ui-scans.ts), alternated run by
// run, summed up into bench/results/ui.json's `scans` and one line each.
import type { launchChromium, StaticServer } from '../test/e2e/support/chromium';
import { bundleOcrHost } from './ui-native-host';
import {
  appScanRun,
  cliScanRun,
  type AppScanRun,
  type CliScanRun,
  type LongTasks,
} from './ui-scans';

const SCAN_RUNS = Number(process.env.BENCH_UI_SCAN_RUNS ?? 3);
/** BENCH_UI_CLI_WASM=1: the CLI also on the app's OCR runtime (onnxruntime-web, 1 thread). */
const CLI_WASM = process.env.BENCH_UI_CLI_WASM === '1';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
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
export async function scanComparison(
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

export function scanLine(s: Awaited<ReturnType<typeof scanComparison>>): string {
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const tasks = (a: ReturnType<typeof appSummary>) =>
    `${a.cores} cores, ${a.ocr === 'native-host' ? `native OCR host (stand-in relay: echo of the four files ${a.medianStandInEchoMs} ms, on the reads' path ${a.medianStandInOnPathMs} ms; all read less it ${sec(a.medianAllLessRelayMs ?? 0)})` : `${a.workers} OCR worker(s) × ${a.threads} thread(s)`}: ${sec(a.medianAllMs)}, CPU ${a.medianCpuSeconds} s, peak ${a.peakMb} MB, load ${a.loadAverage.join('/')}, main-thread long tasks import ${summaryLine(a.importLongTasks)}, confirm ${summaryLine(a.confirm.longTasks)}`;
  return `${Object.values(s.byConfig).map(tasks).join('\n')}\nfour scans, median of ${s.runs}: app as shipped (${s.app.workers} OCR worker(s) × ${s.app.threads} thread(s)) drop → all read ${sec(s.app.medianAllMs)} (first ${sec(s.app.medianFirstMs)}; runs ${s.app.allMs.map(sec).join(', ')}), CLI ${sec(s.cli.medianMs)} (runs ${s.cli.ms.map(sec).join(', ')}): ratio ${s.ratio} (target ≤ 1.5); CPU seconds app ${s.app.medianCpuSeconds}, CLI ${s.cli.medianCpuSeconds} (ratio ${s.cpuRatio})${s.cliWasm ? `; CLI on the app's wasm runtime ${s.cliWasm.medianCpuSeconds} (app / CLI-wasm ${s.cpuRatioToCliWasm})` : ''}; peak memory app ${s.app.peakMb} MB, CLI ${s.cli.peakMb} MB${s.nativeHost ? `\napp with the native OCR host: drop → all read ${sec(s.byConfig['native-host']!.medianAllMs)} (runs ${s.byConfig['native-host']!.allMs.map(sec).join(', ')}), ratio to the CLI ${s.nativeHost.ratio} (target ≤ 1.5), CPU ${s.byConfig['native-host']!.medianCpuSeconds} s (ratio ${s.nativeHost.cpuRatio}), peak ${s.byConfig['native-host']!.peakMb} MB` : ''}`;
}
