// `npx tsx bench/ui-profile.ts`: where the renderer main thread's long tasks come from.
// One four-scan run of bench:ui (bench/ui-scans.ts: drop → all read, then confirming) on
// the app's renderer built without minification (so that the JS profiler's frames keep
// their names), with a Chromium trace (CDP, through playwright-core) of each phase;
// bench/ui-trace.ts finds the long tasks and what ran in them. BENCH_UI_CORES sets the
// cores the page sees (default: the machine's), from which the reader sizes its OCR pool;
// BENCH_UI_NATIVE_HOST=1 reads through the native OCR host (its stand-in bridge, as
// bench:ui), so that the renderer's trace holds the app's own work and not the OCR;
// BENCH_UI_OVER_MS (default 50) the tasks analysed: 0 takes every task of the main thread;
// every thread's task time and busiest events are listed too. Writes bench/results/ui-profile.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../electron.vite.config';
import { APP_RESPONSE_HEADERS } from '../src/main/policy/csp';
import { REPO_ROOT } from '../test/cli/run-cli';
import { launchChromium, serveFolder } from '../test/e2e/support/chromium';
import { bundleOcrHost } from './ui-native-host';
import { appScanRun, type PhaseRecorder } from './ui-scans';
import {
  profileLongTasks,
  threadTasks,
  TRACE_CATEGORIES,
  type LongTaskProfile,
  type TraceEvent,
} from './ui-trace';

async function buildUnminified(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'renderer-profile-'));
  const config = rendererConfig(root);
  process.env.NODE_ENV = 'production';
  await build({
    ...config,
    build: { ...config.build, minify: false },
    configFile: false,
    logLevel: 'error',
    mode: 'production',
  });
  return root;
}

function print(phase: string, p: LongTaskProfile): void {
  console.log(
    `\n${phase}: ${p.count} long tasks, longest ${p.longestMs} ms, sum ${p.totalMs} ms\n  by event (self ms):`,
  );
  for (const s of p.byEvent.slice(0, 12)) console.log(`    ${s.ms}\t${s.source}`);
  console.log('  by function (inclusive ms):');
  for (const s of p.byFunction.slice(0, 20)) console.log(`    ${s.ms}\t${s.source}`);
  console.log('  longest tasks:');
  for (const t of p.longest) console.log(`    ${t.ms} ms: ${t.what}`);
}

const OVER_MS = Number(process.env.BENCH_UI_OVER_MS ?? 50);

function analyse(path: string): LongTaskProfile {
  const trace = JSON.parse(readFileSync(path, 'utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  console.log(`threads of ${path} (task ms; busiest events, self ms):`);
  for (const t of threadTasks(events).slice(0, 12))
    console.log(
      `  ${t.taskMs}\t${t.thread}: ${t.events.map((e) => `${e.source} ${e.ms}`).join(', ')}`,
    );
  return profileLongTasks(events, OVER_MS);
}

async function main(): Promise<void> {
  const traceAt = process.argv.indexOf('--trace');
  if (traceAt > 0) {
    for (const path of process.argv.slice(traceAt + 1)) print(path, analyse(path));
    return;
  }
  console.log('Building the renderer (not minified)…');
  const root = await buildUnminified();
  const server = await serveFolder(root, { ...APP_RESPONSE_HEADERS });
  const browser = await launchChromium();
  const profiles: Record<string, LongTaskProfile> = {};
  const record: PhaseRecorder = async (page, phase) => {
    // BENCH_UI_TRACE_CC=1: the compositor's and raster's own events too (cc, viz).
    const categories =
      process.env.BENCH_UI_TRACE_CC === '1'
        ? [...TRACE_CATEGORIES, 'cc', 'viz', 'disabled-by-default-devtools.timeline.frame']
        : TRACE_CATEGORIES;
    await browser.startTracing(page, { categories });
    return async () => {
      const buffer = await browser.stopTracing();
      // Kept for another look (npx tsx bench/ui-profile.ts --trace FILE analyses one).
      const saved = join(tmpdir(), `ui-profile-${phase}-${Date.now()}.json`);
      writeFileSync(saved, buffer);
      console.log(`trace of ${phase}: ${saved}`);
      try {
        profiles[phase] = analyse(saved);
      } catch (error) {
        console.log(`the trace of ${phase} could not be analysed: ${String(error)}`);
      }
    };
  };
  try {
    const cores = process.env.BENCH_UI_CORES ? Number(process.env.BENCH_UI_CORES) : undefined;
    const nativeHost =
      process.env.BENCH_UI_NATIVE_HOST === '1'
        ? { entry: await bundleOcrHost(), server }
        : undefined;
    const run = await appScanRun(browser, `${server.url}/index.html`, {
      ...(cores ? { cores } : {}),
      ...(nativeHost ? { nativeHost } : {}),
      record,
    });
    console.log(
      `four scans: ${run.allMs} ms (files ${run.fileMs.join(', ')}), ${run.workers} OCR worker(s) × ${run.threads} thread(s), CPU ${run.cpuSeconds} s ${JSON.stringify(run.cpuByThread)}; Long Tasks API: import ${run.importLongTasks.count} (longest ${run.importLongTasks.longestMs} ms), confirm ${run.confirm.longTasks.count} (longest ${run.confirm.longTasks.longestMs} ms)`,
    );
    for (const [phase, p] of Object.entries(profiles)) print(phase, p);
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'bench/results/ui-profile.json'),
      JSON.stringify({ when: new Date().toISOString(), run, profiles }, null, 2) + '\n',
    );
    console.log('wrote bench/results/ui-profile.json');
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
