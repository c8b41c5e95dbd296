#!/usr/bin/env node
// The `dossier` command (spec/cli-contract.md). Runs the prebuilt bundle of src/cli
// (bin/cli-bundle.mjs; `npm install` builds it, and it is built again here when a source
// changed since), so a fresh clone needs no build step before `npx dossier`. Where it
// cannot be built (esbuild missing, a read-only folder), the TypeScript sources run
// through tsx, as they all did before: same behaviour, about 0.5-0.9 s more CPU per call.
import { join } from 'node:path';
import { buildBundle, freshBundle } from './cli-bundle.mjs';

const root = join(import.meta.dirname, '..');

async function loadCli() {
  if (process.env.DOSSIER_CLI_FROM_SOURCE !== '1') {
    const entry = freshBundle(root) ?? (await buildBundle(root).catch(() => null));
    if (entry) return import(entry);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await loadCli();
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
});
// The command is done (its files written, its OCR engine disposed): once what it printed
// has reached the OS (a write's callback follows every earlier write's), the process ends
// here rather than tearing down V8 and waiting for its background compiler jobs, which cost
// an ID side's call about 40 ms of CPU (bench:ocr-speed, BENCHMARKS.md).
const flushed = (stream) => new Promise((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
