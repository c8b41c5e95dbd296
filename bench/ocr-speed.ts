// `npm run bench:ocr-speed [-- --baseline=REF] [--runs=N] [--keep-env] [FILE...]`: whole `dossier
// extract FILE --json` calls, as a person runs them (process start, module loading, model
// loading, OCR, extraction, image analysis), for a baseline commit and for this tree,
// alternated call by call so that the load of other jobs on the machine hits both alike.
// Both commits (default: main and HEAD) are checked out into temporary git worktrees
// sharing this tree's node_modules, removed afterwards. Prints, per page kind, the median wall and CPU
// seconds of each and the ratio, the peak RSS, and whether both printed the same
// documents. Then the figure issue 13's speed target names, per page in a call over many
// files (`dossier extract` on 10 A4 pages, then on 10 ID sides, in one call each: the
// process, the bundle and the models are loaded once), next to the single call's; also
// alternated (--batch-runs=N, default --runs; 0 skips them). The calls run without
// NODE_EXTRA_CA_CERTS (see callEnv; --keep-env keeps it). Writes
// bench/results/ocr-speed.json. Needs GNU time (/usr/bin/time).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';

type PageKind = 'A4 image' | 'A4 image-only PDF' | 'ID side image' | 'text-layer PDF';

/** The fixed set: examples/ files that a fresh clone has (pages: for per-page figures). */
interface BenchFile {
  file: string;
  kind: PageKind;
  pages: number;
}
const DEFAULT_FILES: BenchFile[] = [
  { file: 'examples/scans-jpg/license.jpg', kind: 'A4 image', pages: 1 },
  { file: 'examples/scans-jpg/bank.jpg', kind: 'A4 image', pages: 1 },
  {
    file: 'examples/scans-pdf-legal-rep-one-char/license.pdf',
    kind: 'A4 image-only PDF',
    pages: 1,
  },
  { file: 'examples/scans-jpg/id-front.jpg', kind: 'ID side image', pages: 1 },
  { file: 'examples/photos-png/id-front.png', kind: 'ID side image', pages: 1 },
  { file: 'examples/ready/license.pdf', kind: 'text-layer PDF', pages: 1 },
];

/**
 * The many-file calls: each lists its files over and over until it holds BATCH_PAGES
 * pages (every file here is one page), so the per-page figure is total / pages.
 */
interface Batch {
  name: 'A4 pages' | 'ID sides';
  /** The single calls' page kinds this batch is set beside. */
  kinds: PageKind[];
  files: string[];
}
const BATCH_PAGES = 10;
const BATCH_SETS: Batch[] = [
  {
    name: 'A4 pages',
    kinds: ['A4 image', 'A4 image-only PDF'],
    files: [
      'examples/scans-jpg/license.jpg',
      'examples/scans-jpg/bank.jpg',
      'examples/photos-png/license.png',
      'examples/photos-png/bank.png',
      'examples/scans-pdf-legal-rep-one-char/license.pdf',
      'examples/scans-pdf-legal-rep-one-char/bank.pdf',
    ],
  },
  {
    name: 'ID sides',
    kinds: ['ID side image'],
    files: [
      'examples/scans-jpg/id-front.jpg',
      'examples/scans-jpg/id-back.jpg',
      'examples/photos-png/id-front.png',
      'examples/photos-png/id-back.png',
      'examples/scans-pdf-legal-rep-one-char/id-front.pdf',
      'examples/scans-pdf-legal-rep-one-char/id-back.pdf',
    ],
  },
];
const batchFiles = (b: Batch): string[] =>
  Array.from({ length: BATCH_PAGES }, (_, i) => b.files[i % b.files.length]!);

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(arg('runs') ?? 5);
const batchRuns = Number(arg('batch-runs') ?? runs);
const baselineRef = arg('baseline') ?? 'main';
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files: BenchFile[] =
  named.length > 0 ? named.map((file) => ({ file, kind: 'A4 image', pages: 1 })) : DEFAULT_FILES;

if (!existsSync(TIME))
  throw new Error(`${TIME} (GNU time) is needed for CPU seconds and peak RSS.`);

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const baselineCommit = git('rev-parse', baselineRef);
const currentCommit = git('rev-parse', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
/**
 * Each commit is checked out into its own temporary worktree sharing this tree's
 * node_modules: edits made while the benchmark runs (it takes a while) do not leak in.
 */
async function checkout(commit: string): Promise<string> {
  const dir = join(tmpdir(), `dossier-ocr-speed-${commit.slice(0, 12)}`);
  if (!existsSync(dir)) {
    git('worktree', 'add', '--detach', dir, commit);
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  return dir;
}
const baseDir = await checkout(baselineCommit);
const currentDir = await checkout(currentCommit);

interface Call {
  wall: number;
  cpu: number;
  rssMb: number;
  stdout: string;
}

/**
 * The calls' environment: this one without NODE_EXTRA_CA_CERTS, which a user's machine
 * does not set and which costs Node's start-up about 40 ms CPU here (read and parse the
 * system's certificates; a `dossier extract` call opens no connection). --keep-env keeps it.
 */
const keepEnv = process.argv.includes('--keep-env');
const callEnv: NodeJS.ProcessEnv = { ...process.env };
const droppedEnv = keepEnv ? [] : ['NODE_EXTRA_CA_CERTS'].filter((k) => k in callEnv);
for (const k of droppedEnv) delete callEnv[k];

function extract(tree: string, file: string | string[]): Call {
  const paths = (Array.isArray(file) ? file : [file]).map((f) => join(ROOT, f));
  const result = spawnSync(
    TIME,
    ['-f', 'OCRSPEED %e %U %S %M', 'node', 'bin/dossier.mjs', 'extract', ...paths, '--json'],
    { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: callEnv },
  );
  const line = result.stderr.split('\n').find((l) => l.startsWith('OCRSPEED '));
  if (!line) throw new Error(`No timing for ${paths[0]} in ${tree}: ${result.stderr.slice(-500)}`);
  const [wall, user, sys, kb] = line.split(' ').slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return { wall, cpu: user + sys, rssMb: kb / 1024, stdout: result.stdout };
}

/** The printed documents without the file path (the two trees differ there). */
const documentsOf = (stdout: string): string => {
  try {
    const docs = JSON.parse(stdout) as { file?: string }[];
    return JSON.stringify(docs.map((d) => ({ ...d, file: undefined })));
  } catch {
    return stdout;
  }
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const trees = { baseline: baseDir, current: currentDir } as const;
type Tree = keyof typeof trees;
const calls: {
  file: string;
  kind: PageKind;
  pages: number;
  tree: Tree;
  round: number;
  call: Call;
}[] = [];
const loads: number[] = [];
const loadAverage = async (): Promise<number> =>
  Number((await readFile('/proc/loadavg', 'utf8').catch(() => '0')).split(' ')[0]);

// One warm-up call per tree (tsx's transform cache, the OS file cache), not counted.
for (const tree of Object.values(trees)) extract(tree, files[0]!.file);
for (let round = 0; round < runs; round++) {
  for (const f of files) {
    const order: Tree[] = round % 2 === 0 ? ['baseline', 'current'] : ['current', 'baseline'];
    for (const tree of order) {
      loads.push(await loadAverage());
      const call = extract(trees[tree], f.file);
      calls.push({ ...f, tree, round, call });
      process.stderr.write(
        `round ${round + 1}/${runs} ${tree.padEnd(8)} ${call.wall.toFixed(2).padStart(6)} s wall ${call.cpu
          .toFixed(2)
          .padStart(5)} s CPU ${call.rssMb.toFixed(0).padStart(5)} MB  ${f.file}\n`,
      );
    }
  }
}

// The many-file calls, alternated as the single ones are.
const batchCalls: { batch: Batch['name']; tree: Tree; round: number; call: Call }[] = [];
for (let round = 0; round < batchRuns; round++) {
  for (const b of BATCH_SETS) {
    const order: Tree[] = round % 2 === 0 ? ['baseline', 'current'] : ['current', 'baseline'];
    for (const tree of order) {
      loads.push(await loadAverage());
      const call = extract(trees[tree], batchFiles(b));
      batchCalls.push({ batch: b.name, tree, round, call });
      process.stderr.write(
        `round ${round + 1}/${batchRuns} ${tree.padEnd(8)} ${call.wall.toFixed(2).padStart(6)} s wall ${call.cpu
          .toFixed(2)
          .padStart(
            5,
          )} s CPU ${call.rssMb.toFixed(0).padStart(5)} MB  ${b.name}: ${BATCH_PAGES} in one call\n`,
      );
    }
  }
}

const summary = (subset: typeof calls) => {
  const of = (tree: Tree) => subset.filter((c) => c.tree === tree);
  const stat = (tree: Tree) => {
    const cs = of(tree);
    return {
      calls: cs.length,
      wallMedian: median(cs.map((c) => c.call.wall / c.pages)),
      cpuMedian: median(cs.map((c) => c.call.cpu / c.pages)),
      rssMedianMb: median(cs.map((c) => c.call.rssMb)),
      rssPeakMb: Math.max(...cs.map((c) => c.call.rssMb)),
    };
  };
  const baseline = stat('baseline');
  const current = stat('current');
  return {
    baseline,
    current,
    wallRatio: current.wallMedian / baseline.wallMedian,
    cpuRatio: current.cpuMedian / baseline.cpuMedian,
  };
};

const kinds = [...new Set(files.map((f) => f.kind))];
const byKind = Object.fromEntries(
  kinds.map((k) => [k, summary(calls.filter((c) => c.kind === k))]),
);
const byFile = Object.fromEntries(
  files.map((f) => {
    const mine = calls.filter((c) => c.file === f.file);
    const first = (tree: Tree) => mine.find((c) => c.tree === tree)!.call.stdout;
    return [
      f.file,
      {
        ...summary(mine),
        sameDocuments: documentsOf(first('baseline')) === documentsOf(first('current')),
      },
    ];
  }),
);

/** Per page: the single calls' medians beside the many-file calls' (total / pages). */
const byBatch = Object.fromEntries(
  batchRuns <= 0
    ? []
    : BATCH_SETS.map((b) => {
        const of = (tree: Tree) => {
          const single = calls.filter((c) => c.tree === tree && b.kinds.includes(c.kind));
          const many = batchCalls.filter((c) => c.tree === tree && c.batch === b.name);
          return {
            singleCallWallMedian: median(single.map((c) => c.call.wall / c.pages)),
            singleCallCpuMedian: median(single.map((c) => c.call.cpu / c.pages)),
            manyFilesCalls: many.length,
            manyFilesWallPerPageMedian: median(many.map((c) => c.call.wall / BATCH_PAGES)),
            manyFilesCpuPerPageMedian: median(many.map((c) => c.call.cpu / BATCH_PAGES)),
            manyFilesRssPeakMb: Math.max(...many.map((c) => c.call.rssMb)),
          };
        };
        return [
          b.name,
          {
            pages: BATCH_PAGES,
            files: batchFiles(b),
            baseline: of('baseline'),
            current: of('current'),
          },
        ];
      }),
);

process.stdout.write(
  `\n${runs} calls per file and tree, alternated; baseline ${baselineCommit.slice(0, 9)}, current ${currentCommit.slice(0, 9)}${dirty ? ' (uncommitted changes not measured)' : ''}; load average ${median(loads).toFixed(1)} (median)${droppedEnv.length ? `; calls run without ${droppedEnv.join(', ')} (--keep-env keeps it)` : ''}\n`,
);
process.stdout.write(
  `${'page kind'.padEnd(20)} ${'baseline s (CPU)'.padStart(18)} ${'current s (CPU)'.padStart(18)} ${'ratio wall / CPU'.padStart(18)} ${'peak RSS MB'.padStart(13)}\n`,
);
for (const [kind, s] of Object.entries(byKind))
  process.stdout.write(
    `${kind.padEnd(20)} ${`${s.baseline.wallMedian.toFixed(2)} (${s.baseline.cpuMedian.toFixed(2)})`.padStart(18)} ${`${s.current.wallMedian.toFixed(2)} (${s.current.cpuMedian.toFixed(2)})`.padStart(18)} ${`${s.wallRatio.toFixed(2)} / ${s.cpuRatio.toFixed(2)}`.padStart(18)} ${`${s.baseline.rssPeakMb.toFixed(0)} → ${s.current.rssPeakMb.toFixed(0)}`.padStart(13)}\n`,
  );
const differing = Object.entries(byFile).filter(([, s]) => !s.sameDocuments);
process.stdout.write(
  differing.length === 0
    ? 'Both printed the same documents for every file.\n'
    : `Printed documents differ for: ${differing.map(([f]) => f).join(', ')}\n`,
);

if (batchRuns > 0) {
  process.stdout.write(
    `\nPer page (s, wall and CPU medians): one file per call, against ${BATCH_PAGES} pages in one call (total / ${BATCH_PAGES}); ${batchRuns} many-file call(s) per tree\n`,
  );
  process.stdout.write(
    `${'pages'.padEnd(20)} ${'one per call'.padStart(26)} ${`${BATCH_PAGES} in one call`.padStart(26)} ${'peak RSS MB'.padStart(13)}\n`,
  );
  const pair = (wall: number, cpu: number) => `${wall.toFixed(2)} (${cpu.toFixed(2)})`;
  for (const [name, s] of Object.entries(byBatch)) {
    const cell = (pick: (t: typeof s.current) => string) =>
      `${pick(s.baseline)} → ${pick(s.current)}`.padStart(26);
    process.stdout.write(
      `${name.padEnd(20)} ${cell((t) => pair(t.singleCallWallMedian, t.singleCallCpuMedian))} ${cell((t) => pair(t.manyFilesWallPerPageMedian, t.manyFilesCpuPerPageMedian))} ${`${s.baseline.manyFilesRssPeakMb.toFixed(0)} → ${s.current.manyFilesRssPeakMb.toFixed(0)}`.padStart(13)}\n`,
    );
  }
}

await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(
  join(ROOT, 'bench/results/ocr-speed.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      baseline: baselineCommit,
      current: currentCommit,
      uncommittedChanges: dirty,
      runs,
      droppedEnv,
      loadAverageMedian: median(loads),
      byKind,
      byFile,
      batchRuns,
      byBatch,
      calls: calls.map(({ call, ...c }) => ({
        ...c,
        wall: call.wall,
        cpu: call.cpu,
        rssMb: call.rssMb,
      })),
      batchCalls: batchCalls.map(({ call, ...c }) => ({
        ...c,
        pages: BATCH_PAGES,
        wall: call.wall,
        cpu: call.cpu,
        rssMb: call.rssMb,
      })),
    },
    null,
    2,
  ) + '\n',
);
for (const dir of new Set([baseDir, currentDir])) git('worktree', 'remove', '--force', dir);
