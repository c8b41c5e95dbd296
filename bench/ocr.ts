// `npm run bench:ocr [-- --engines=paddle,paddle-wasm,tesseract,tesseract-cli] [--dir=DIR] [--limit=N]`
// OCR benchmark on the degraded image fixtures (generated into bench/.data/ocr-images on
// first run): per engine, per kind and per field exact-match rates, kind classification,
// seconds per page (median, p95), peak RSS, and fields reported confidently but wrong.
// Each engine runs in its own child process so its peak memory is its own.
// Writes bench/results/ocr.json and prints a table.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../src/core/extract';
import type { DocumentText, ExtractedDocument, TextItem } from '../src/core/extraction';
import type { FieldValues } from '../src/core/documents';
import { createNodeReadDocumentDeps, createOcrEngine } from '../src/ocr/node';
import {
  createPaddleEngineNode,
  loadPaddleRuntime,
  type PaddleRuntime,
} from '../src/ocr/paddle/node';
import { readDocument } from '../src/ocr/read-document';
import {
  confidentlyWrong,
  FIELD_GROUPS,
  rate,
  scoreDocument,
  type DocumentOutcome,
  type FieldOutcome,
} from './ocr-score';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// paddle: PP-OCRv4 on the Node default runtime (native onnxruntime-node where it loads);
// paddle-wasm: the same models on onnxruntime-web's wasm, the app renderer's runtime.
const ENGINES = ['paddle', 'paddle-wasm', 'tesseract', 'tesseract-cli'] as const;
type BenchEngine = (typeof ENGINES)[number];

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dir = option('dir') ?? join(ROOT, 'bench/.data/ocr-images');
const limit = Number(option('limit') ?? Infinity);

interface Truth {
  file: string;
  kind: string;
  fields: FieldValues;
  degradation: string;
  font: string;
  layout: string;
}

interface PageResult {
  name: string;
  kind: string;
  /** What was scanned: an A4 page (license, bank form, an ID photocopy) or an ID card side. */
  page: 'a4' | 'id-side';
  degradation: string;
  seconds: number;
  /**
   * CPU seconds of this process for the page (user + system, all its threads): on a
   * machine shared with other jobs, wall time also counts their time slices.
   */
  cpuSeconds: number;
  outcome: DocumentOutcome;
  error?: string;
}

interface EngineRun {
  engine: BenchEngine;
  /** The ONNX runtime the PP-OCR runs used (native falls back to wasm where it cannot load). */
  runtime?: PaddleRuntime;
  threads?: number;
  startupSeconds: number;
  peakRssMb: number;
  pages: PageResult[];
}

async function loadTruths(): Promise<Truth[]> {
  if (!existsSync(join(dir, 'index.json'))) {
    process.stdout.write(`generating the image set in ${dir} …\n`);
    await run(
      'npx',
      ['tsx', join(ROOT, 'scripts/fixtures/images/make-image-fixtures.ts'), `--out=${dir}`],
      { cwd: ROOT, maxBuffer: 1 << 24 },
    );
  }
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();
  const truths = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as Truth),
  );
  return truths.slice(0, limit);
}

/** The native tesseract CLI's TSV → DocumentText (words grouped into line segments). */
function tsvToText(tsv: string, width: number, height: number): DocumentText {
  const lines = new Map<string, TextItem[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const text = c.slice(11).join('\t').trim();
    if (text === '') continue;
    const key = `${c[2]}-${c[3]}-${c[4]}`;
    const item: TextItem = {
      page: 0,
      x: Number(c[6]),
      y: Number(c[7]),
      w: Number(c[8]),
      h: Number(c[9]),
      text,
      confidence: Math.max(0, Number(c[10])) / 100,
    };
    lines.set(key, [...(lines.get(key) ?? []), item]);
  }
  const items: TextItem[] = [];
  for (const words of lines.values()) {
    const lineHeight = Math.max(...words.map((w) => w.h));
    let current: TextItem[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      const x0 = Math.min(...current.map((w) => w.x));
      const y0 = Math.min(...current.map((w) => w.y));
      const x1 = Math.max(...current.map((w) => w.x + w.w));
      const y1 = Math.max(...current.map((w) => w.y + w.h));
      const text = current
        .map((w) => w.text)
        .join(' ')
        .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '');
      items.push({
        page: 0,
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
        text,
        confidence: Math.min(...current.map((w) => w.confidence)),
      });
      current = [];
    };
    for (const w of words) {
      const last = current[current.length - 1];
      if (last && w.x - (last.x + last.w) > lineHeight * 1.5) flush();
      current.push(w);
    }
    flush();
  }
  return { source: 'tesseract', pages: [{ page: 0, width, height, items }] };
}

async function readWithCli(
  path: string,
  scratch: string,
): Promise<{ doc: ExtractedDocument; peakKb: number }> {
  let image = path;
  if (path.endsWith('.pdf')) {
    await run('pdftoppm', ['-r', '200', '-png', '-singlefile', path, join(scratch, 'page')]);
    image = join(scratch, 'page.png');
  }
  const { stdout, stderr } = await run(
    '/usr/bin/time',
    ['-f', 'PEAK_KB %M', 'tesseract', image, 'stdout', '-l', 'chi_sim+eng', '--psm', '3', 'tsv'],
    {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      maxBuffer: 1 << 26,
    },
  );
  const peakKb = Number(/PEAK_KB (\d+)/.exec(stderr)?.[1] ?? 0);
  const text = tsvToText(stdout, 1, 1);
  return { doc: extractDocument(text, path), peakKb };
}

/** Runs one engine over every image in this process (called in a child). */
async function runEngine(engine: BenchEngine, truths: Truth[]): Promise<EngineRun> {
  let peakRss = process.memoryUsage().rss;
  let cliPeakKb = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const started = performance.now();
  const paddleRuntime =
    engine === 'paddle'
      ? await loadPaddleRuntime()
      : engine === 'paddle-wasm'
        ? await loadPaddleRuntime({ runtime: 'wasm' })
        : undefined;
  const ocr =
    engine === 'tesseract-cli'
      ? undefined
      : engine === 'paddle-wasm'
        ? await createPaddleEngineNode({ runtime: 'wasm' })
        : await createOcrEngine(engine);
  const deps = await createNodeReadDocumentDeps(ocr);
  const startupSeconds = (performance.now() - started) / 1000;
  const scratch = await mkdtemp(join(tmpdir(), 'bench-ocr-'));
  const pages: PageResult[] = [];
  for (const truth of truths) {
    const path = join(dir, truth.file);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let doc: ExtractedDocument;
    if (engine === 'tesseract-cli') {
      const r = await readWithCli(path, scratch);
      doc = r.doc;
      cliPeakKb = Math.max(cliPeakKb, r.peakKb);
    } else {
      doc = await readDocument(
        { name: truth.file, bytes: new Uint8Array(await readFile(path)) },
        deps,
      );
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const outcome = scoreDocument(doc, truth);
    pages.push({
      name: truth.file,
      kind: truth.kind,
      page: truth.kind.startsWith('id-card') && truth.layout !== 'photocopy' ? 'id-side' : 'a4',
      degradation: truth.degradation,
      seconds,
      cpuSeconds,
      outcome,
      ...(doc.error ? { error: doc.error } : {}),
    });
    process.stderr.write(
      `${engine} ${truth.file} ${seconds.toFixed(2)}s ${outcome.fields.filter((f) => f.exactAfterProposals).length}/${outcome.fields.length}\n`,
    );
  }
  clearInterval(sampler);
  await ocr?.dispose();
  await rm(scratch, { recursive: true, force: true });
  const peakRssMb = engine === 'tesseract-cli' ? cliPeakKb / 1024 : peakRss / 1048576;
  return {
    engine,
    ...(paddleRuntime ? { runtime: paddleRuntime.runtime, threads: paddleRuntime.threads } : {}),
    startupSeconds,
    peakRssMb,
    pages,
  };
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summarise(r: EngineRun): Record<string, unknown> {
  const all: FieldOutcome[] = r.pages.flatMap((p) => p.outcome.fields);
  const byKind: Record<string, unknown> = {};
  for (const kind of [...new Set(r.pages.map((p) => p.kind))].sort()) {
    const pages = r.pages.filter((p) => p.kind === kind);
    const seconds = pages.map((p) => p.seconds);
    byKind[kind] = {
      pages: pages.length,
      fields: rate(pages.flatMap((p) => p.outcome.fields)),
      kind: rate(
        pages.map((p) => ({ exactAfterProposals: p.outcome.kindCorrect }) as FieldOutcome),
      ),
      medianSeconds: quantile(seconds, 0.5),
      p95Seconds: quantile(seconds, 0.95),
    };
  }
  const byField: Record<string, unknown> = {};
  for (const field of [...new Set(all.map((o) => o.field))].sort())
    byField[field] = rate(all.filter((o) => o.field === field));
  const byGroup: Record<string, unknown> = {};
  for (const [group, fields] of Object.entries(FIELD_GROUPS)) {
    const outcomes = all.filter((o) => fields.has(o.field));
    byGroup[group] = { asRead: rate(outcomes, (o) => o.exact), afterProposals: rate(outcomes) };
  }
  const byDegradation: Record<string, unknown> = {};
  for (const d of [...new Set(r.pages.map((p) => p.degradation))].sort())
    byDegradation[d] = rate(
      r.pages.filter((p) => p.degradation === d).flatMap((p) => p.outcome.fields),
    );
  const wrong = confidentlyWrong(all);
  const a4Pages = r.pages.filter((p) => p.page === 'a4');
  const idPages = r.pages.filter((p) => p.page === 'id-side');
  const a4 = a4Pages.map((p) => p.seconds);
  const id = idPages.map((p) => p.seconds);
  const a4Cpu = a4Pages.map((p) => p.cpuSeconds);
  const idCpu = idPages.map((p) => p.cpuSeconds);
  return {
    engine: r.engine,
    ...(r.runtime ? { runtime: r.runtime, threads: r.threads } : {}),
    pages: r.pages.length,
    startupSeconds: r.startupSeconds,
    peakRssMb: Math.round(r.peakRssMb),
    fields: { asRead: rate(all, (o) => o.exact), afterProposals: rate(all) },
    kind: rate(
      r.pages.map((p) => ({ exactAfterProposals: p.outcome.kindCorrect }) as FieldOutcome),
    ),
    a4Seconds: { median: quantile(a4, 0.5), p95: quantile(a4, 0.95) },
    idSideSeconds: { median: quantile(id, 0.5), p95: quantile(id, 0.95) },
    // The native CLI runs in child processes: its CPU time is not this process's.
    ...(r.engine === 'tesseract-cli'
      ? {}
      : {
          a4CpuSeconds: { median: quantile(a4Cpu, 0.5), p95: quantile(a4Cpu, 0.95) },
          idSideCpuSeconds: { median: quantile(idCpu, 0.5), p95: quantile(idCpu, 0.95) },
        }),
    confidentlyWrong: { count: wrong.length, examples: wrong.slice(0, 10) },
    byGroup,
    byKind,
    byDegradation,
    byField,
    errors: r.pages.filter((p) => p.error).map((p) => ({ name: p.name, error: p.error })),
    misses: r.pages.flatMap((p) =>
      p.outcome.fields.filter((f) => !f.exactAfterProposals).map((f) => ({ file: p.name, ...f })),
    ),
  };
}

const pct = (r: unknown): string => {
  const x = r as { rate: number; exact: number; total: number };
  return `${(x.rate * 100).toFixed(1)}% (${x.exact}/${x.total})`;
};

function printTable(summaries: Record<string, unknown>[]): void {
  const rows: [string, (s: Record<string, unknown>) => string][] = [
    ['pages', (s) => String(s.pages)],
    [
      'all fields exact (after proposals)',
      (s) => pct((s.fields as Record<string, unknown>).afterProposals),
    ],
    [
      'credit code + ID number',
      (s) => pct((s.byGroup as Record<string, Record<string, unknown>>).codes!.afterProposals),
    ],
    [
      'names',
      (s) => pct((s.byGroup as Record<string, Record<string, unknown>>).names!.afterProposals),
    ],
    [
      'account numbers',
      (s) => pct((s.byGroup as Record<string, Record<string, unknown>>).accounts!.afterProposals),
    ],
    [
      'dates',
      (s) => pct((s.byGroup as Record<string, Record<string, unknown>>).dates!.afterProposals),
    ],
    ['kind', (s) => pct(s.kind)],
    [
      'A4 page s (median / p95)',
      (s) => {
        const t = s.a4Seconds as { median: number; p95: number };
        return `${t.median.toFixed(2)} / ${t.p95.toFixed(2)}`;
      },
    ],
    [
      'ID side s (median / p95)',
      (s) => {
        const t = s.idSideSeconds as { median: number; p95: number };
        return `${t.median.toFixed(2)} / ${t.p95.toFixed(2)}`;
      },
    ],
    [
      'A4 page CPU s (median / p95)',
      (s) => {
        const t = s.a4CpuSeconds as { median: number; p95: number } | undefined;
        return t ? `${t.median.toFixed(2)} / ${t.p95.toFixed(2)}` : '—';
      },
    ],
    [
      'ID side CPU s (median / p95)',
      (s) => {
        const t = s.idSideCpuSeconds as { median: number; p95: number } | undefined;
        return t ? `${t.median.toFixed(2)} / ${t.p95.toFixed(2)}` : '—';
      },
    ],
    ['engine start s', (s) => (s.startupSeconds as number).toFixed(2)],
    ['peak RSS MB', (s) => String(s.peakRssMb)],
    ['wrong with confidence ≥ 0.9', (s) => String((s.confidentlyWrong as { count: number }).count)],
  ];
  const header = `| metric | ${summaries
    .map((s) =>
      typeof s.runtime === 'string'
        ? `${String(s.engine)} (${s.runtime}, ${Number(s.threads)} thread(s))`
        : String(s.engine),
    )
    .join(' | ')} |`;
  process.stdout.write(`${header}\n|---|${summaries.map(() => '---').join('|')}|\n`);
  for (const [label, f] of rows)
    process.stdout.write(`| ${label} | ${summaries.map(f).join(' | ')} |\n`);
}

async function main(): Promise<void> {
  const single = option('engine') as BenchEngine | undefined;
  const truths = await loadTruths();
  if (single) {
    // Child mode: one engine, result as JSON on the file given.
    const result = await runEngine(single, truths);
    await writeFile(option('out')!, JSON.stringify(result));
    return;
  }
  const engines = (option('engines')?.split(',') ?? [...ENGINES]) as BenchEngine[];
  const summaries: Record<string, unknown>[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'bench-ocr-runs-'));
  for (const engine of engines) {
    if (engine === 'tesseract-cli' && !existsSync('/usr/bin/tesseract')) continue;
    const out = join(scratch, `${engine}.json`);
    const childArgs = [
      'tsx',
      fileURLToPath(import.meta.url),
      `--engine=${engine}`,
      `--out=${out}`,
      `--dir=${dir}`,
      ...(Number.isFinite(limit) ? [`--limit=${limit}`] : []),
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn('npx', childArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`the ${engine} run exited with code ${code}`)),
      );
    });
    summaries.push(summarise(JSON.parse(await readFile(out, 'utf8')) as EngineRun));
  }
  await rm(scratch, { recursive: true, force: true });
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  // `--engines=` re-measures some engines: the others keep their last figures, dated.
  const resultsFile = join(ROOT, 'bench/results/ocr.json');
  const previous = existsSync(resultsFile)
    ? (JSON.parse(await readFile(resultsFile, 'utf8')) as {
        date?: string;
        engines?: Record<string, unknown>[];
      })
    : {};
  for (const kept of previous.engines ?? []) {
    if (summaries.some((s) => s.engine === kept.engine)) continue;
    summaries.push({ measuredAt: previous.date, ...kept });
  }
  summaries.sort(
    (a, b) => ENGINES.indexOf(a.engine as BenchEngine) - ENGINES.indexOf(b.engine as BenchEngine),
  );
  const cpu = (await readFile('/proc/cpuinfo', 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.startsWith('processor')).length;
  await writeFile(
    resultsFile,
    JSON.stringify(
      { date: new Date().toISOString(), cores: cpu, images: dir, engines: summaries },
      null,
      2,
    ) + '\n',
  );
  printTable(summaries);
}

await main();
