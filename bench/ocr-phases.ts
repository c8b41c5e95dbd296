// `npx tsx bench/ocr-phases.ts FILE`: where one file's time goes in a CLI-like process
// (PP-OCR, native runtime): module loading, model loading, pdfjs, decoding or rendering,
// page preparation, detection with orientation, recognition, extraction and the image
// analysis, wall and CPU milliseconds each, then every ONNX Runtime run with its input
// shape. A profiling aid: for before/after figures use `npm run bench:ocr-speed`.
import { readFile } from 'node:fs/promises';
import { cpuUsage } from 'node:process';
import type { DocumentText } from '../src/core/extraction';

const now = (): [number, number] => {
  const u = cpuUsage();
  return [performance.now(), (u.user + u.system) / 1000];
};
const phases = new Map<string, [number, number]>();
let last = now();
const mark = (phase: string): void => {
  const t = now();
  const sum = phases.get(phase) ?? [0, 0];
  phases.set(phase, [sum[0] + t[0] - last[0], sum[1] + t[1] - last[1]]);
  last = t;
};

const file = process.argv[2];
if (file === undefined) throw new Error('Usage: npx tsx bench/ocr-phases.ts FILE');
const { createNodeImageReadDeps, createNodeReadDocumentDeps } = await import('../src/ocr/engines.node.ts');
const { readDocuments } = await import('../src/ocr/read-document');
const { extractDocument } = await import('../src/core/extract');
const ort = await import('onnxruntime-node');
mark('load modules');

// Every ONNX Runtime run, timed where the engine calls it.
const runs: string[] = [];
const session = (ort.InferenceSession as unknown as { prototype: { run: Run } }).prototype;
type Run = (this: unknown, feeds: Record<string, { dims: readonly number[] }>) => Promise<unknown>;
const run = session.run;
session.run = async function (this: unknown, ...args: Parameters<Run>) {
  const t0 = now();
  const out = await run.apply(this, args);
  const t1 = now();
  const shape = Object.values(args[0])[0]?.dims.join('×') ?? '?';
  runs.push(
    `${shape.padEnd(16)} ${(t1[0] - t0[0]).toFixed(0).padStart(6)} ms wall ${(t1[1] - t0[1]).toFixed(0).padStart(6)} ms CPU`,
  );
  return out;
};

const { createPaddleEngineNode } = await import('../src/ocr/paddle/engine.node.ts');
const engine = await createPaddleEngineNode();
mark('create engine (load models)');
const deps = file.toLowerCase().endsWith('.pdf')
  ? await createNodeReadDocumentDeps(engine)
  : createNodeImageReadDeps(engine);
mark('load pdfjs');
const bytes = new Uint8Array(await readFile(file));
let text: DocumentText | undefined;
const documents = await readDocuments(
  { name: file, bytes },
  {
    ...deps,
    onProgress: (p) =>
      mark(
        p.stage === 'preparing page'
          ? 'read, decode or render'
          : p.stage === 'detecting text'
            ? 'prepare page'
            : p.progress <= 0.3
              ? 'detect + orient'
              : 'recognise',
      ),
    onText: (t) => {
      text = t;
      mark('recognise');
    },
  },
);
mark('extraction + image analysis');
if (text !== undefined) {
  // Extraction is pure: run again alone, it tells the two apart.
  const t0 = now();
  extractDocument(text, file);
  const t1 = now();
  const both = phases.get('extraction + image analysis')!;
  phases.delete('extraction + image analysis');
  phases.set('extraction', [t1[0] - t0[0], t1[1] - t0[1]]);
  phases.set('image analysis', [both[0] - (t1[0] - t0[0]), both[1] - (t1[1] - t0[1])]);
}
last = now();
await engine.dispose();
mark('release models');

let total: [number, number] = [0, 0];
for (const [phase, [wall, cpu]] of phases) {
  total = [total[0] + wall, total[1] + cpu];
  process.stdout.write(
    `${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms CPU  ${phase}\n`,
  );
}
process.stdout.write(
  `${total[0].toFixed(0).padStart(7)} ms wall ${total[1].toFixed(0).padStart(7)} ms CPU  total\n`,
);
process.stdout.write(`ONNX Runtime runs:\n${runs.join('\n')}\n`);
process.stdout.write(
  `${documents.map((d) => `${d.kind}: ${Object.keys(d.fields).length} fields`).join('; ')}; ${text?.pages.map((p) => `${p.items.length} text items on ${p.width}×${p.height}`).join(', ')}\n`,
);
