// `npm run bench:ui`: the built renderer in Debian's Chromium, served with the app's
// response headers. Measures
//   - time to interactive: navigation start → the vault form rendered and the main
//     thread quiet (no long task after it), median of fresh page loads;
//   - the main bundle: gzip bytes of what index.html loads before any user action
//     (entry script, modulepreloads, CSS), against the lazily loaded rest (OCR, pdfjs);
//   - the dossier list with BENCH_UI_DOSSIERS dossiers (default 1,000): frame times while
//     scrolling it from top to bottom, one wheel notch (100 px) per frame;
//   - four scans (examples/scans-jpg) from the drop to all read, in a fresh profile, against
//     the CLI reading the same files in the same run (bench/ui-scan-comparison.ts,
//     bench/ui-scans.ts), BENCH_UI_SCAN_RUNS times each (default 3), with the app as
//     shipped (its OCR pool and one wasm thread per worker), with each count of wasm
//     threads per worker in BENCH_UI_THREADS (default "2") as the page sees each count of
//     cores in BENCH_UI_CORES (default none), and with the Electron app's native OCR host
//     (src/ocr-host) behind a stand-in bridge (bench/ui-native-host.ts;
//     BENCH_UI_NATIVE_HOST=0 leaves it out; BENCH_UI_SHIPPED=0 leaves out the app as
//     shipped, whose column the headline then takes from the first one measured); in each,
//     the main thread's long tasks (over 50 ms) from the drop to all read, and while
//     confirming (confirm-all on each document, then one field); `--scans` measures only this.
// Writes bench/results/ui.json.
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { APP_RESPONSE_HEADERS } from '../src/main/policy/csp';
import { launchChromium, serveFolder } from '../test/e2e/support/chromium';
import { buildRenderer } from '../test/e2e/support/renderer-build';
import { buildTestPage } from '../test/e2e/support/test-page';
import { REPO_ROOT } from '../test/cli/run-cli';
import { median, scanComparison, scanLine } from './ui-scan-comparison';

const DOSSIERS = Number(process.env.BENCH_UI_DOSSIERS ?? 1000);
const LOADS = Number(process.env.BENCH_UI_LOADS ?? 7);
const SCANS_ONLY = process.argv.includes('--scans');
const PASSPHRASE = 'bench: correct horse battery staple 2026';

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
