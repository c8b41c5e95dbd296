// The native runtime's saved optimised graphs (model-cache.node.ts): made on the first
// call, loaded on the next, made again when damaged, none where the folder cannot be
// written; and an engine on saved graphs reads a real scan exactly as one without them.
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLS, OPTIONS } from './support/cls-model';
import {
  cacheKey,
  createCachedSession,
  modelCacheDir,
} from '../../src/ocr/paddle/model-cache.node.ts';
import { createPaddleEngineNode, loadPaddleRuntime } from '../../src/ocr/paddle/engine.node.ts';
import { createNodeImageReadDeps } from '../../src/ocr/engines.node.ts';
import { readDocument } from '../../src/ocr/read-document';
import type { OrtModule } from '../../src/ocr/paddle/engine';

let dir: string;
let ort: OrtModule;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-model-cache-'));
  ort = (await loadPaddleRuntime({ runtime: 'native' })).ort;
});
afterAll(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** The classifier's output for one fixed input: what a session computes. */
async function classify(session: Awaited<ReturnType<typeof createCachedSession>>['session']) {
  const data = Float32Array.from({ length: 3 * 48 * 192 }, (_, i) => Math.sin(i / 7));
  const out = await session.run({
    [session.inputNames[0]!]: new ort.Tensor('float32', data, [1, 3, 48, 192]),
  });
  return Array.from(out[session.outputNames[0]!]!.data as Float32Array);
}

describe('saved optimised graphs', () => {
  it('are made on the first session, loaded on the next, and compute the same', async () => {
    const cache = join(dir, 'first');
    const first = await createCachedSession(ort, '1.0', CLS, OPTIONS, cache);
    expect(first.cache).toBe('saved');
    const files = await readdir(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^ch_ppocr_mobile_v2\.0_cls_infer-[0-9a-f]{24}\.onnx$/);
    const second = await createCachedSession(ort, '1.0', CLS, OPTIONS, cache);
    expect(second.cache).toBe('loaded');
    const plain = await ort.InferenceSession.create(CLS, OPTIONS);
    expect(await classify(second.session)).toEqual(await classify(plain));
    expect(await classify(first.session)).toEqual(await classify(plain));
    // Another runtime version saves its own graph and removes the one it replaces.
    expect((await createCachedSession(ort, '2.0', CLS, OPTIONS, cache)).cache).toBe('saved');
    expect(await readdir(cache)).toHaveLength(1);
    expect((await readdir(cache))[0]).not.toBe(files[0]);
  });

  it('are made again from the model when the saved file is damaged', async () => {
    const cache = join(dir, 'damaged');
    await createCachedSession(ort, '1.0', CLS, OPTIONS, cache);
    const [name] = await readdir(cache);
    await writeFile(join(cache, name!), 'not a model');
    const again = await createCachedSession(ort, '1.0', CLS, OPTIONS, cache);
    expect(again.cache).toBe('saved');
    expect((await stat(join(cache, name!))).size).toBeGreaterThan(100_000);
    expect((await createCachedSession(ort, '1.0', CLS, OPTIONS, cache)).cache).toBe('loaded');
  });

  it('are not needed: a folder that cannot be written, or the cache off, still gives a session', async () => {
    const locked = join(dir, 'locked');
    await createCachedSession(ort, '1.0', CLS, OPTIONS, null).then((s) =>
      expect(s.cache).toBe('off'),
    );
    await writeFile(locked, 'a file where the folder should be');
    const s = await createCachedSession(ort, '1.0', CLS, OPTIONS, join(locked, 'ocr-models'));
    expect(s.cache).toBe('off');
    expect((await classify(s.session)).length).toBe(2);
  });

  it('are keyed by the runtime, the model file, the optimisation level and the CPU', () => {
    const model = { path: CLS, size: 10, mtimeMs: 1 };
    const key = cacheKey('1.30.0', model, 'all', 'x64 cpu A');
    expect(cacheKey('1.30.0', model, 'all', 'x64 cpu A')).toBe(key);
    for (const other of [
      cacheKey('1.31.0', model, 'all', 'x64 cpu A'),
      cacheKey('1.30.0', { ...model, size: 11 }, 'all', 'x64 cpu A'),
      cacheKey('1.30.0', { ...model, mtimeMs: 2 }, 'all', 'x64 cpu A'),
      cacheKey('1.30.0', model, 'extended', 'x64 cpu A'),
      cacheKey('1.30.0', model, 'all', 'x64 cpu B'),
    ])
      expect(other).not.toBe(key);
  });

  it('live in the user cache folder, which DOSSIER_CACHE_DIR moves and DOSSIER_OCR_MODEL_CACHE=off turns off', () => {
    expect(modelCacheDir({ DOSSIER_CACHE_DIR: '/c' })).toBe(join('/c', 'ocr-models'));
    expect(modelCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'dossier-vault', 'ocr-models'));
    expect(modelCacheDir({ DOSSIER_CACHE_DIR: '/c', DOSSIER_OCR_MODEL_CACHE: 'off' })).toBeNull();
  });
});

describe('an engine on saved graphs', () => {
  it('reads a real ID scan exactly as an engine without them', async () => {
    const cache = join(dir, 'engine');
    const read = async (modelCacheDir: string | null) => {
      const engine = await createPaddleEngineNode({ runtime: 'native', modelCacheDir });
      try {
        const bytes = new Uint8Array(
          await readFile(new URL('../../examples/scans-jpg/id-front.jpg', import.meta.url)),
        );
        return await readDocument({ name: 'id-front.jpg', bytes }, createNodeImageReadDeps(engine));
      } finally {
        await engine.dispose();
      }
    };
    const without = await read(null);
    const saving = await read(cache);
    const saved = async () =>
      Promise.all(
        (await readdir(cache)).map(async (f) => [f, (await stat(join(cache, f))).mtimeMs]),
      );
    const files = await saved();
    // Detection and recognition: the angle classifier's session is made only for a page not
    // read confidently upright (50f58a2), and this scan is.
    expect(files.filter(([f]) => String(f).endsWith('.onnx'))).toHaveLength(2);
    const loaded = await read(cache);
    // Loaded, not made again.
    expect(await saved()).toEqual(files);
    expect(without.kind).toBe('id-card-front');
    expect(saving).toEqual(without);
    expect(loaded).toEqual(without);
  }, 120_000);
});
