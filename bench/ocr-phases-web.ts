// `npx tsx bench/ocr-phases-web.ts [FILE…]`: where the CPU of reading image files goes,
// phase by phase, in the app's OCR worker (Chromium: onnxruntime-web's wasm, the browser
// codec) against Node (the CLI's onnxruntime-node, and onnxruntime-web's wasm), on the
// same files (default examples/scans-jpg, the four scans of bench:ui) read the same way
// (bench/ocr-phases-read.ts). CPU, not wall time: the browser worker's own thread
// (/proc schedstat, nanoseconds; the worker waits while it is sampled) and, apart, the
// browser's other threads over the same phase (V8's background compilation of the wasm,
// image decoding, the page); Node's whole process (process.cpuUsage: its ORT threads
// included). Each file is read BENCH_PHASES_ROUNDS times (default 2): the first round is
// what the app's worker does (one read per file, code not yet warm), the later ones warm.
// BENCH_PHASES_THREADS: wasm threads of the browser engine (default 1, as shipped).
// BENCH_PHASES_NODE=0 skips Node. Writes bench/results/ocr-phases-web.json.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { join, relative } from 'node:path';
import { APP_RESPONSE_HEADERS } from '../src/main/policy/csp';
import { REPO_ROOT } from '../test/cli/run-cli';
import { launchChromium, serveFolder } from '../test/e2e/support/chromium';
import { buildReaderPage } from '../test/e2e/support/reader-page';
import { PHASES, instrumentRuns, readPhased } from './ocr-phases-read';
import { cpuTicks, descendants, TICKS_PER_SECOND } from './processes';
import { SCAN_FILES } from './ui-scans';

const ROUNDS = Number(process.env.BENCH_PHASES_ROUNDS ?? 2);
const THREADS = Number(process.env.BENCH_PHASES_THREADS ?? 1);
const WITH_NODE = process.env.BENCH_PHASES_NODE !== '0';
/** BENCH_PHASES_WARM=1: the browser engine reads the app's warm-up page after loading. */
const WARM = process.env.BENCH_PHASES_WARM === '1';
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : SCAN_FILES;

/** CPU ms by phase, one map per round (round 0: the load and the cold first reads). */
type Rounds = Map<string, number>[];

function add(rounds: Rounds, round: number, phase: string, ms: number): void {
  const m = (rounds[round] ??= new Map());
  m.set(phase, (m.get(phase) ?? 0) + ms);
}

/** The image analysis was charged with the extraction that readDocuments ran before it. */
function settle(rounds: Rounds): void {
  for (const m of rounds) {
    const extraction = m.get('extraction') ?? 0;
    m.set('image analysis', (m.get('image analysis') ?? 0) - extraction);
    m.delete('idle');
  }
}

/** Nanoseconds a thread has run (first field of schedstat). */
function threadNs(pid: number, tid: string): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

/** The bench worker's thread (named "DedicatedWorker" by Chromium), in the browser's processes. */
function findWorker(): { pid: number; tid: string } | undefined {
  for (const pid of descendants(process.pid)) {
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8');
        if (comm.startsWith('DedicatedWorker')) return { pid, tid };
      } catch {
        // gone
      }
    }
  }
  return undefined;
}

const browserTicks = (): number =>
  descendants(process.pid).reduce((n, pid) => n + Math.max(0, cpuTicks(pid)), 0);

async function browserPhases(): Promise<{ worker: Rounds; other: Rounds; fields: unknown[] }> {
  const testPage = await buildReaderPage(
    join(REPO_ROOT, 'bench/ocr-phases-web.entry.ts'),
    'phases',
  );
  for (const f of files) {
    const to = join(testPage.root, relative(REPO_ROOT, f));
    mkdirSync(join(to, '..'), { recursive: true });
    cpSync(f, to);
  }
  const server = await serveFolder(testPage.root, { ...APP_RESPONSE_HEADERS });
  const browser = await launchChromium();
  const worker: Rounds = [];
  const other: Rounds = [];
  const fields: unknown[] = [];
  let round = 0;
  let thread: { pid: number; tid: string } | undefined;
  let last = { ns: 0, ticks: 0 };
  try {
    const page = await browser.newPage();
    await page.exposeFunction('__phaseMark', (phase: string) => {
      thread ??= findWorker();
      const now = { ns: thread ? threadNs(thread.pid, thread.tid) : 0, ticks: browserTicks() };
      const workerMs = (now.ns - last.ns) / 1e6;
      const allMs = ((now.ticks - last.ticks) * 1000) / TICKS_PER_SECOND;
      if (last.ns > 0) {
        add(worker, round, phase, workerMs);
        add(other, round, phase, Math.max(0, allMs - workerMs));
      }
      last = now;
    });
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title !== 'loading');
    if ((await page.title()) !== 'ready') throw new Error('The page is not cross-origin isolated.');
    await page.evaluate(
      ([t, w]) =>
        (
          window as unknown as { phases: { load(t: number, w: boolean): Promise<unknown> } }
        ).phases.load(t, w),
      [THREADS, WARM] as const,
    );
    for (round = 0; round < ROUNDS; round++)
      for (const f of files) {
        const path = relative(REPO_ROOT, f);
        const result = await page.evaluate(
          (p) =>
            (window as unknown as { phases: { read(p: string): Promise<unknown> } }).phases.read(p),
          path,
        );
        if (round === 0) fields.push(result);
        console.log(`  browser, round ${round + 1}: ${path}`);
      }
  } finally {
    await browser.close();
    await server.close();
    testPage.remove();
  }
  settle(worker);
  settle(other);
  return { worker, other, fields };
}

async function nodePhases(runtime: 'native' | 'wasm'): Promise<{ cpu: Rounds; fields: unknown[] }> {
  const { createPaddleEngineNode } = await import('../src/ocr/paddle/engine.node.ts');
  const { nodeImageCodec } = await import('../src/ocr/codec.node.ts');
  const { readExifOrientationNode } = await import('../src/ocr/exif.node.ts');
  const ort =
    runtime === 'native' ? await import('onnxruntime-node') : await import('onnxruntime-web');
  const cpu: Rounds = [];
  let round = 0;
  const now = (): number => {
    const u = cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let last = now();
  const mark = (phase: string): void => {
    const t = now();
    add(cpu, round, phase, t - last);
    last = t;
  };
  const setPhase = instrumentRuns(
    ort.InferenceSession as unknown as Parameters<typeof instrumentRuns>[0],
    mark,
  );
  mark('idle');
  const engine = await createPaddleEngineNode({ runtime });
  mark('load models');
  const fields: unknown[] = [];
  for (round = 0; round < ROUNDS; round++)
    for (const f of files) {
      const result = await readPhased(
        { name: f.slice(f.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(f)) },
        { engine, codec: nodeImageCodec, readOrientation: readExifOrientationNode, mark, setPhase },
      );
      if (round === 0) fields.push(result);
    }
  await engine.dispose();
  settle(cpu);
  return { cpu, fields };
}

const total = (m: Map<string, number> | undefined): number =>
  [...(m ?? new Map<string, number>()).values()].reduce((a, b) => a + b, 0);

console.log(
  `Browser worker (${THREADS} wasm thread(s)${WARM ? ', warm-up page read after loading' : ''}), ${files.length} files × ${ROUNDS} rounds…`,
);
const web = await browserPhases();
const node: Record<string, { cpu: Rounds; fields: unknown[] }> = {};
if (WITH_NODE)
  for (const runtime of ['native', 'wasm'] as const) {
    console.log(`Node, ${runtime}…`);
    node[runtime] = await nodePhases(runtime);
  }

const columns: [string, Rounds][] = [
  ['web worker', web.worker],
  ['web other', web.other],
  ...Object.entries(node).map(([k, v]): [string, Rounds] => [`node ${k}`, v.cpu]),
];
const rows = ['load models', 'warm-up', ...PHASES];
const cell = (n: number | undefined): string => (n ?? 0).toFixed(0).padStart(11);
for (let r = 0; r < ROUNDS; r++) {
  console.log(
    `\nCPU ms, round ${r + 1}${r === 0 ? ' (models loaded, first reads: as in the app)' : ' (warm)'}, ${files.length} files:`,
  );
  console.log(`${''.padEnd(22)}${columns.map(([k]) => k.padStart(11)).join('')}`);
  for (const phase of rows)
    console.log(`${phase.padEnd(22)}${columns.map(([, c]) => cell(c[r]?.get(phase))).join('')}`);
  console.log(`${'total'.padEnd(22)}${columns.map(([, c]) => cell(total(c[r]))).join('')}`);
}
const same = Object.values(node).every(
  (n) => JSON.stringify(n.fields) === JSON.stringify(web.fields),
);
console.log(`\nFields read: browser ${same ? 'identical to' : 'DIFFERENT from'} Node.`);
const json = {
  bench: 'ocr-phases-web',
  when: new Date().toISOString(),
  files: files.map((f) => relative(REPO_ROOT, f)),
  rounds: ROUNDS,
  browserThreads: THREADS,
  browserWarmUp: WARM,
  cpuMs: Object.fromEntries(
    columns.map(([k, c]) => [
      k,
      c.map((m) => Object.fromEntries([...m].map(([p, ms]) => [p, Math.round(ms)]))),
    ]),
  ),
  sameFieldsAsNode: same,
  fields: web.fields,
};
mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(REPO_ROOT, 'bench/results/ocr-phases-web.json'),
  JSON.stringify(json, null, 2) + '\n',
);
console.log('wrote bench/results/ocr-phases-web.json');
