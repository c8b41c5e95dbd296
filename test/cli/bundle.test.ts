// The `dossier` bin runs a prebuilt esbuild bundle of src/cli (bin/cli-bundle.mjs), built
// again when one of its sources changed, and the TypeScript sources through tsx otherwise.
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBundle, freshBundle } from '../../bin/cli-bundle.mjs';
import { REPO_ROOT, runCli, type CliRun } from './run-cli';

const importAnswer = async (entry: string): Promise<number> =>
  ((await import(pathToFileURL(entry).href)) as { answer: number }).answer;

describe('the CLI bundle', () => {
  it('is rebuilt when a source changed after it, and only then', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    const source = join(root, 'src', 'cli', 'main.ts');
    writeFileSync(source, 'export const answer: number = 42;\n');
    expect(freshBundle(root)).toBeNull();

    const first = await buildBundle(root);
    expect(freshBundle(root)).toBe(first);
    expect(await importAnswer(first)).toBe(42);

    // An edit after the build (mtimes are in ms; the build's time is taken before it reads).
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(source, 'export const answer: number = 43;\n');
    expect(freshBundle(root)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await buildBundle(root);
    expect(second).not.toBe(first);
    expect(freshBundle(root)).toBe(second);
    expect(await importAnswer(second)).toBe(43);
  });

  it('is what `dossier` runs, and the tsx fallback answers the same', async () => {
    const bundled = await runCli(['--help']);
    expect(bundled.code).toBe(0);
    expect(freshBundle(REPO_ROOT)).not.toBeNull();
    const fromSource = await runCli(['--help'], REPO_ROOT, { DOSSIER_CLI_FROM_SOURCE: '1' });
    expect(fromSource).toEqual(bundled);
  });

  // Node scans a CommonJS package's entry for its export names before an ESM import runs it
  // (about 25 ms of main-thread CPU and 60-120 ms of background optimising for
  // @napi-rs/canvas per call); required, it is not scanned.
  async function commonJsImported(args: string[]): Promise<{ run: CliRun; loaded: string[] }> {
    // Built first if stale: the build itself imports esbuild.
    expect((await runCli(['--help'])).code).toBe(0);
    const record = join(mkdtempSync(join(tmpdir(), 'dossier-cjs-')), 'imports.txt');
    const hook = pathToFileURL(join(REPO_ROOT, 'test/cli/support/record-cjs-imports.mjs')).href;
    const run = await runCli(args, REPO_ROOT, {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${hook}`.trim(),
      RECORD_CJS_IMPORTS: record,
    });
    const lines = existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n') : [];
    return { run, loaded: lines.filter((url) => url.includes('/node_modules/')) };
  }

  it('reads an image with no CommonJS package loaded through an ESM import', async () => {
    // Old code: @napi-rs/canvas and onnxruntime-node.
    const { run, loaded } = await commonJsImported([
      'extract',
      'examples/scans-jpg/id-front.jpg',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { kind: string }[])[0]!.kind).toBe('id-card-front');
    expect(loaded).toEqual([]);
  }, 120_000);

  it('packs a dossier with no CommonJS package loaded through an ESM import', async () => {
    // Old code: @napi-rs/canvas (pack-host/image-codec.node.ts).
    const out = join(mkdtempSync(join(tmpdir(), 'dossier-cjs-pack-')), 'ready.zip');
    const { run, loaded } = await commonJsImported(['pack', 'examples/ready', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(loaded).toEqual([]);
  }, 120_000);
});
