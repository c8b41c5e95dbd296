// `npm run bench:ocr [-- --full] [--engines=paddle,paddle-wasm,tesseract] [--regenerate]`
// Reading accuracy and speed on the layout families (scripts/fixtures/families), the
// TUNED families and the HELD-OUT ones side by side: fields exact per kind and field,
// credit code / ID number after proposals, kind recognised, documents found in
// multi-document files, wrong fields at confidence ≥ 0.9, seconds per A4 page and per
// ID side (median), peak RSS. Files are read the way `dossier extract` reads them.
// Default (quick): 2 samples per family + 2 per multi-document family and partition;
// --full: 6 and 4. Whole dossiers (a license, the ID sides, a bank form of one company, one
// file each: 3 per partition, --full 6) and the whole-dossier PDFs are also checked
// together and compared with the checks on their ground truth (bench/ocr-dossiers.ts). The
// sets are drawn over every npm face (style.ts FAMILY_FONTS) and generated on first use into
// bench/.data/families/, and again whenever the generator would draw them otherwise.
// This is the only place the held-out families are generated and read; their misread
// values are never printed or stored, only the summary figures.
// Writes bench/results/ocr.json (--full: ocr-full.json) and the table in BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELD_OUT, type Partition } from '../scripts/fixtures/families/families';
import { closeRenderer } from '../scripts/fixtures/render';
import { writeFamilySet } from '../scripts/fixtures/families/set';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';
import { loadTruths, runEngine, type EngineRun } from './ocr-read';
import { dossierTable, markdownTable, summarise, type EngineSummary } from './ocr-report';
import {
  benchCases,
  benchDataDir,
  CASES_DIGEST_FILE,
  casesDigest,
  checkBenchFonts,
  facesCaption,
  resultsFile,
} from './ocr-sets';
import { args, option } from '../scripts/args';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENGINES = ['paddle', 'paddle-wasm', 'tesseract'] as const;
type BenchEngine = (typeof ENGINES)[number];

const size = args.includes('--full') || option('size') === 'full' ? 'full' : 'quick';
checkBenchFonts(option('fonts'));
const dataDir = benchDataDir(ROOT, size);
const PARTITIONS: readonly Partition[] = ['tuned', 'held-out'];
/** --dossiers: only the dossiers of separate files (the dossier-level figure, in minutes). */
const dossiersOnly = args.includes('--dossiers');

/** The sets of one partition: its families' files, and its dossiers of separate files. */
const setDirs = (partition: Partition): string[] => [
  join(dataDir, partition),
  join(dataDir, `${partition}-dossiers`),
];

async function ensureSets(regenerate: boolean): Promise<void> {
  try {
    for (const partition of PARTITIONS) {
      const [familiesDir, dossiersDir] = setDirs(partition) as [string, string];
      const cases = benchCases(partition, size);
      const sets = [
        { dir: familiesDir, cases: cases.families() },
        { dir: dossiersDir, cases: cases.dossiers() },
      ];
      for (const set of sets) {
        const digest = casesDigest(set.cases);
        const digestFile = join(set.dir, CASES_DIGEST_FILE);
        const kept = await readFile(digestFile, 'utf8').catch(() => undefined);
        if (!regenerate && kept === digest && existsSync(join(set.dir, 'index.json'))) continue;
        await rm(set.dir, { recursive: true, force: true });
        process.stderr.write(
          `generating ${set.cases.length} ${partition} files in ${set.dir}${kept === undefined || regenerate ? '' : ' (the generator draws them otherwise now)'} …\n`,
        );
        await writeFamilySet(
          set.cases,
          set.dir,
          partition === 'tuned' ? (line) => process.stderr.write(`${line}\n`) : () => {},
        );
        await writeFile(digestFile, digest);
      }
    }
  } finally {
    await closeRenderer();
  }
}

async function childRun(engine: BenchEngine, out: string): Promise<void> {
  const sets = await Promise.all(
    PARTITIONS.flatMap((p) => (dossiersOnly ? setDirs(p).slice(1) : setDirs(p))).map(
      async (dir) => ({ dir, truths: await loadTruths(dir) }),
    ),
  );
  const run = await runEngine(engine, sets);
  await writeFile(out, JSON.stringify(run));
}

async function spawnEngine(engine: BenchEngine, out: string): Promise<EngineRun> {
  const childArgs = [
    'tsx',
    fileURLToPath(import.meta.url),
    `--engine=${engine}`,
    `--out=${out}`,
    `--size=${size}`,
    ...(dossiersOnly ? ['--dossiers'] : []),
  ];
  // paddle-wasm: the same models on onnxruntime-web's wasm, the app renderer's runtime.
  const env =
    engine === 'paddle-wasm' ? { ...process.env, DOSSIER_OCR_RUNTIME: 'wasm' } : process.env;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', childArgs, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the ${engine} run exited with code ${code}`)),
    );
  });
  return JSON.parse(await readFile(out, 'utf8')) as EngineRun;
}

const BEGIN = '<!-- bench:ocr families: written by bench/ocr.ts -->';
const END = '<!-- /bench:ocr families -->';

/** Replaces the generated section of BENCHMARKS.md (or puts it under the OCR heading). */
async function updateBenchmarks(
  summaries: EngineSummary[],
  date: string,
  cores: number,
): Promise<void> {
  const file = join(ROOT, 'BENCHMARKS.md');
  const text = await readFile(file, 'utf8');
  const section = [
    BEGIN,
    `Run of ${date.slice(0, 16).replace('T', ' ')} UTC, \`npm run bench:ocr${size === 'full' ? ' -- --full' : ''}\` (${size} set), ${cores} cores shared with other jobs; \`bench/results/${size === 'full' ? 'ocr-full' : 'ocr'}.json\`. Held-out families: ${HELD_OUT.map((f) => `\`${f}\``).join(', ')}.`,
    '',
    ...summaries.map((s) => markdownTable(s, facesCaption())),
    END,
  ].join('\n');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + END.length)
      : text.replace(
          '## OCR (`npm run bench:ocr`)\n',
          `## OCR (\`npm run bench:ocr\`)\n\n${section}\n`,
        );
  await writeFile(file, next);
}

const DOSSIERS = {
  begin: '<!-- bench:ocr dossiers: written by bench/ocr.ts --dossiers -->',
  end: '<!-- /bench:ocr dossiers -->',
};

/** Replaces a generated section of BENCHMARKS.md, or puts it under the OCR heading. */
async function updateSection(marks: { begin: string; end: string }, body: string[]): Promise<void> {
  const file = join(ROOT, 'BENCHMARKS.md');
  const text = await readFile(file, 'utf8');
  const section = [marks.begin, ...body, marks.end].join('\n');
  const start = text.indexOf(marks.begin);
  const end = text.indexOf(marks.end);
  await writeFile(
    file,
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + marks.end.length)
      : text.replace(
          '## OCR (`npm run bench:ocr`)\n',
          `## OCR (\`npm run bench:ocr\`)\n\n${section}\n`,
        ),
  );
}

async function main(): Promise<void> {
  const single = option('engine') as BenchEngine | undefined;
  if (single) return childRun(single, option('out')!);
  await ensureSets(args.includes('--regenerate'));
  const engines = (option('engines')?.split(',') ?? ['paddle']) as BenchEngine[];
  for (const e of engines)
    if (!ENGINES.includes(e)) throw new Error(`unknown engine "${e}" (${ENGINES.join(', ')})`);
  const scratch = await mkdtemp(join(tmpdir(), 'bench-ocr-'));
  const summaries: EngineSummary[] = [];
  try {
    for (const engine of engines)
      summaries.push(summarise(await spawnEngine(engine, join(scratch, `${engine}.json`))));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const cores = (await readFile('/proc/cpuinfo', 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.startsWith('processor')).length;
  const date = new Date().toISOString();
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const caption = facesCaption();
  const results = join(ROOT, 'bench/results', resultsFile(size, dossiersOnly));
  const json = (): string =>
    JSON.stringify(
      { date, cores, set: size, faces: FAMILY_FONTS, heldOut: HELD_OUT, engines: summaries },
      null,
      2,
    ) + '\n';
  if (dossiersOnly) {
    await writeFile(results, json());
    await updateSection(DOSSIERS, [
      `Run of ${date.slice(0, 16).replace('T', ' ')} UTC, \`npm run bench:ocr -- ${size === 'full' ? '--full ' : ''}--dossiers\` (${size} set, the dossiers of separate files only), ${cores} cores shared with other jobs; \`bench/results/${resultsFile(size, true)}\`.`,
      '',
      ...summaries.map((s) => dossierTable(s, caption)),
    ]);
    for (const s of summaries) process.stdout.write(`${dossierTable(s, caption)}\n\n`);
    return;
  }
  await writeFile(results, json());
  await updateBenchmarks(summaries, date, cores);
  for (const s of summaries) process.stdout.write(`${markdownTable(s, caption)}\n\n`);
}

await main();
