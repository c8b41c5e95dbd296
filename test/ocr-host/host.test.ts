// The native OCR host (src/ocr-host) in a Node child process, as the Electron utility
// process runs it, spoken to with its own protocol (src/shared/ocr-host.ts): a real example
// scan read with the real PP-OCR models on onnxruntime-node gives the same documents as
// `dossier extract` on the same file; a rendered page comes back as text with its
// geometry; a malformed request is refused with an error and the host goes on serving.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrHostResponseSchema } from '../../src/shared/ocr-host';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { REPO_ROOT, runCli } from '../cli/run-cli';
import { ask, forkOcrHost, type OcrHostChild } from '../support/ocr-host-child';

const LICENSE = join(REPO_ROOT, 'examples/scans-jpg/license.jpg');

describe('the native OCR host, in a child process', () => {
  let host: OcrHostChild;
  beforeAll(() => {
    host = forkOcrHost();
  });
  afterAll(async () => {
    await host.close();
  });

  it('reads a real scan into the documents the CLI reads from it, on the native runtime', async () => {
    const bytes = new Uint8Array(readFileSync(LICENSE));
    const [hosted, cli] = await Promise.all([
      ask(host, { type: 'read', id: 1, engine: 'paddle', name: 'license.jpg', bytes }),
      runCli(['extract', LICENSE, '--json']),
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const answer = OcrHostResponseSchema.parse(hosted.answer);
    if (answer.type !== 'documents') throw new Error(`answered ${JSON.stringify(answer)}`);
    const expected = (JSON.parse(cli.stdout) as Record<string, unknown>[]).map(
      (d): Record<string, unknown> => ({ ...d, file: 'license.jpg' }),
    );
    expect(answer.documents[0]!.kind).toBe('business-license');
    expect(answer.documents[0]!.ocrRuntime).toBe('native');
    // The CLI's JSON is the documents' contract fields (spec/cli-contract.md): each equal.
    for (const [i, document] of expected.entries()) {
      const got = answer.documents[i] as Record<string, unknown>;
      for (const key of Object.keys(document)) expect(got[key], key).toEqual(document[key]);
    }
    expect(answer.documents).toHaveLength(expected.length);
    // One page, in the prepared image's pixels; progress as the wasm workers report it.
    expect(answer.pages).toHaveLength(1);
    expect(answer.pages[0]!.width).toBeGreaterThan(0);
    const stages = hosted.progress.map((p) => `${String(p.stage)}:${String(p.progress)}`);
    expect(stages.slice(0, 2)).toEqual(['loading-ocr:0', 'loading-ocr:1']);
    expect(stages.some((s) => s.startsWith('ocr:'))).toBe(true);
  }, 240_000);

  it('reads a rendered page (a raster) into text with its geometry', async () => {
    const raster = await nodeImageCodec.decode(new Uint8Array(readFileSync(LICENSE)), 'image/jpeg');
    const data = new Uint8ClampedArray(raster.data);
    const { answer } = await ask(host, {
      type: 'raster',
      id: 2,
      engine: 'paddle',
      page: 0,
      width: raster.width,
      height: raster.height,
      data,
    });
    const parsed = OcrHostResponseSchema.parse(answer);
    if (parsed.type !== 'page') throw new Error(`answered ${JSON.stringify(parsed)}`);
    expect(parsed.page.items.map((i) => i.text).join('')).toContain('营业执照');
    expect([parsed.geometry.width, parsed.geometry.height]).toEqual([
      parsed.page.width,
      parsed.page.height,
    ]);
  }, 240_000);

  it('refuses a malformed request with an error, and goes on serving', async () => {
    // Pixels that do not fill the stated size; a type it does not know; no id at all.
    const short = await ask(host, {
      type: 'raster',
      id: 3,
      engine: 'paddle',
      page: 0,
      width: 100,
      height: 100,
      data: new Uint8ClampedArray(16),
    });
    expect(short.answer).toEqual({
      type: 'error',
      id: 3,
      message: expect.stringContaining('malformed') as string,
    });
    const unknown = await ask(host, { type: 'delete', id: 4, engine: 'paddle' });
    expect(unknown.answer.type).toBe('error');
    const path = await ask(host, {
      type: 'read',
      id: 5,
      engine: 'paddle',
      name: 'x',
      bytes: '/etc/passwd',
    });
    expect(path.answer.type).toBe('error');
    host.send({ type: 'load', engine: 'paddle' });
    const loaded = await ask(host, { type: 'load', id: 6, engine: 'paddle' });
    expect(loaded.answer).toEqual({ type: 'loaded', id: 6 });
  }, 240_000);
});
