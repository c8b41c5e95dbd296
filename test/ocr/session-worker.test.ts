// PP-OCR's sessions made and run in a worker thread (the CLI: bin/ort-sessions.worker.mjs,
// src/ocr/paddle/session-worker.node.ts), on the real runtime and models: a session there
// computes exactly what one made here computes, its optimised graph is saved and loaded as
// here, an engine on it reads a real scan exactly as one without it, and an engine whose
// worker cannot make its sessions reads the page in this thread instead.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLS, OPTIONS } from './support/cls-model';
import { SESSION_WORKER_SCRIPT } from '../../src/ocr/engines.node.ts';
import type { OrtModule } from '../../src/ocr/paddle/engine';
import { createPaddleEngineNode, loadPaddleRuntime } from '../../src/ocr/paddle/engine.node.ts';
import { createCachedSession } from '../../src/ocr/paddle/model-cache.node.ts';
import {
  startSessionWorker,
  type SessionWorker,
} from '../../src/ocr/paddle/session-worker.node.ts';

let dir: string;
let ort: OrtModule;
let worker: SessionWorker;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-session-worker-'));
  ort = (await loadPaddleRuntime({ runtime: 'native' })).ort;
  worker = startSessionWorker(SESSION_WORKER_SCRIPT, ort.Tensor);
});
afterAll(async () => {
  await worker?.dispose();
  await rm(dir, { recursive: true, force: true });
});

type Session = Awaited<ReturnType<OrtModule['InferenceSession']['create']>>;

/** The classifier's output for one fixed input (a new buffer each time: runs hand theirs over). */
async function classify(session: Session): Promise<number[]> {
  const data = Float32Array.from({ length: 2 * 3 * 48 * 192 }, (_, i) => Math.sin(i / 7));
  const out = await session.run({
    [session.inputNames[0]!]: new ort.Tensor('float32', data, [2, 3, 48, 192]),
  });
  const result = out[session.outputNames[0]!]!;
  expect(result.dims).toEqual([2, 2]);
  return Array.from(result.data as Float32Array);
}

describe('sessions in a worker thread', () => {
  it('compute exactly what a session made in this thread computes', async () => {
    const remote = await worker.ort.InferenceSession.create(CLS, OPTIONS);
    const here = await ort.InferenceSession.create(CLS, OPTIONS);
    expect(remote.inputNames).toEqual(here.inputNames);
    expect(remote.outputNames).toEqual(here.outputNames);
    const expected = await classify(here);
    expect(await classify(remote)).toEqual(expected);
    // Twice: the first run's buffers were handed over, the session is still there.
    expect(await classify(remote)).toEqual(expected);
    await remote.release();
  });

  it('save their optimised graph and load it on the next call, as in this thread', async () => {
    const cache = join(dir, 'graphs');
    const first = await createCachedSession(worker.ort, '1.0', CLS, OPTIONS, cache);
    expect(first.cache).toBe('saved');
    expect(await readdir(cache)).toHaveLength(1);
    const second = await createCachedSession(worker.ort, '1.0', CLS, OPTIONS, cache);
    expect(second.cache).toBe('loaded');
    const here = await ort.InferenceSession.create(CLS, OPTIONS);
    expect(await classify(second.session)).toEqual(await classify(here));
  });

  it("fail with the runtime's error for a model that is not there, and the worker goes on", async () => {
    await expect(
      worker.ort.InferenceSession.create(join(dir, 'missing.onnx'), OPTIONS),
    ).rejects.toThrow();
    const remote = await worker.ort.InferenceSession.create(CLS, OPTIONS);
    expect(await classify(remote)).toHaveLength(4);
  });

  it('fail every request, without hanging, when the worker cannot start', async () => {
    const broken = startSessionWorker(new URL('file:///nonexistent/worker.mjs'), ort.Tensor);
    await expect(broken.ort.InferenceSession.create(CLS, OPTIONS)).rejects.toThrow();
    await broken.dispose();
  });
});

describe('the PP-OCR engine with its sessions in a worker', () => {
  const scan = join(import.meta.dirname, '../../examples/scans-jpg/id-front.jpg');
  const read = async (options: Parameters<typeof createPaddleEngineNode>[0]) => {
    const engine = await createPaddleEngineNode({ modelCacheDir: null, ...options });
    try {
      const bytes = new Uint8Array(await readFile(scan));
      const text = await engine.recognise({ bytes, mime: 'image/jpeg' });
      return { text, runtime: engine.runtime };
    } finally {
      await engine.dispose();
    }
  };

  it('reads a real ID scan exactly as the engine whose sessions are made here', async () => {
    const here = await read({});
    const viaWorker = await read({ sessionWorker: SESSION_WORKER_SCRIPT });
    expect(here.text.pages[0]!.items.length).toBeGreaterThan(5);
    expect(viaWorker.text).toEqual(here.text);
    expect(viaWorker.runtime).toEqual({ runtime: 'native' });
  }, 120_000);

  it('reads the page in this thread when the worker cannot make the sessions', async () => {
    const here = await read({});
    const broken = await read({ sessionWorker: new URL('file:///nonexistent/worker.mjs') });
    expect(broken.text).toEqual(here.text);
    expect(broken.runtime).toEqual({ runtime: 'native' });
  }, 120_000);
});
