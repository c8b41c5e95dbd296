// Where onnxruntime-node cannot load, OCR falls back to onnxruntime-web's WebAssembly
// (about 2.4× slower): `dossier` says so once on standard error, and `extract --json`
// names the runtime of every document read by OCR (`ocrRuntime`).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nativeFailureNotice } from '../../src/cli/document-reader';
import { REPO_ROOT, runCli } from './run-cli';

const HIDE_NATIVE = pathToFileURL(
  join(REPO_ROOT, 'test/cli/support/hide-onnxruntime-node.mjs'),
).href;
const FILES = [
  'examples/scans-jpg/id-front.jpg',
  'examples/scans-jpg/id-back.jpg',
  'examples/ready/license.pdf', // a text layer: no OCR, so no runtime
];

interface Element {
  kind: string;
  fields: Record<string, unknown>;
  source?: string;
  ocrRuntime?: string;
}

describe('the WebAssembly OCR fallback', () => {
  it('is told once and shown per document, and reads what the native runtime reads', async () => {
    const [fallback, native] = await Promise.all([
      runCli(['extract', ...FILES, '--json'], REPO_ROOT, {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${HIDE_NATIVE}`.trim(),
      }),
      runCli(['extract', ...FILES, '--json']),
    ]);
    expect(fallback.code, fallback.stderr).toBe(0);
    expect(native.code, native.stderr).toBe(0);

    const told = fallback.stderr.split('\n').filter((line) => line.includes('onnxruntime-node'));
    expect(told).toEqual([
      nativeFailureNotice("Cannot find package 'onnxruntime-node' (hidden by the test)"),
    ]);
    expect(native.stderr).not.toContain('onnxruntime-node');

    const runtimes = (out: string) =>
      (JSON.parse(out) as Element[]).map((d) => [d.source, d.ocrRuntime]);
    expect(runtimes(fallback.stdout)).toEqual([
      ['paddle', 'wasm'],
      ['paddle', 'wasm'],
      ['pdf-text', undefined],
    ]);
    expect(runtimes(native.stdout)).toEqual([
      ['paddle', 'native'],
      ['paddle', 'native'],
      ['pdf-text', undefined],
    ]);
    const read = (out: string) => (JSON.parse(out) as Element[]).map((d) => [d.kind, d.fields]);
    expect(read(fallback.stdout)).toEqual(read(native.stdout));
  }, 300_000);
});
