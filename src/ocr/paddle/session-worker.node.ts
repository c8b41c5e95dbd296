// The calling side of bin/ort-sessions.worker.mjs: ONNX Runtime sessions made and run in a
// worker thread, seen here as InferenceSession-like objects (inputNames, outputNames, run,
// release) that the PP-OCR engine uses as it uses its own. Making a session there leaves
// this thread free: the CLI prepares the first page meanwhile (session creation is
// synchronous in onnxruntime-node, and took ~0.2 s of CPU of every `dossier extract` call
// on this thread). Tensors go over as their type, dimensions and data; the input buffers
// are handed over (the engine makes a new one for each run), not copied.
import { Worker } from 'node:worker_threads';
import type * as Ort from 'onnxruntime-web';
import type { OrtModule } from './engine';

interface PlainTensor {
  type: Ort.Tensor.Type;
  dims: readonly number[];
  data: Ort.Tensor.DataType;
}

type Reply =
  | {
      id: number;
      ok: true;
      inputNames?: string[];
      outputNames?: string[];
      outputs?: Record<string, PlainTensor>;
    }
  | { id: number; ok: false; message: string };

/** Sessions made in one worker thread; `dispose` releases them and ends the thread. */
export interface SessionWorker {
  /** The module for createCachedSession: its sessions are made in the worker. */
  ort: OrtModule;
  dispose(): Promise<void>;
}

/**
 * Starts the worker at `script`; `Tensor` is this thread's tensor class (the engine's
 * outputs are made with it). A worker that cannot start, or dies, fails every request
 * waiting on it, and every later one.
 */
export function startSessionWorker(script: URL, Tensor: OrtModule['Tensor']): SessionWorker {
  const worker = new Worker(script);
  // It never keeps the process alive: a CLI call ends when its work is done.
  worker.unref();
  let nextId = 1;
  let dead: Error | undefined;
  const pending = new Map<
    number,
    { resolve: (r: Reply & { ok: true }) => void; reject: (e: Error) => void }
  >();
  const fail = (error: Error): void => {
    dead ??= error;
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply);
    else waiting.reject(new Error(reply.message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`The OCR session worker stopped (exit code ${code}).`)),
  );

  const request = (
    message: Record<string, unknown>,
    transfer: ArrayBuffer[] = [],
  ): Promise<Reply & { ok: true }> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  };

  async function create(
    path: string,
    options: Ort.InferenceSession.SessionOptions = {},
  ): Promise<Ort.InferenceSession> {
    const made = await request({ type: 'create', path, options });
    const session = made.id;
    const remote = {
      inputNames: made.inputNames ?? [],
      outputNames: made.outputNames ?? [],
      async run(feeds: Record<string, Ort.Tensor>) {
        const plain: Record<string, PlainTensor> = {};
        const transfer = new Set<ArrayBuffer>();
        for (const [name, t] of Object.entries(feeds)) {
          plain[name] = { type: t.type, dims: t.dims, data: t.data };
          const buffer = (t.data as { buffer?: unknown }).buffer;
          if (buffer instanceof ArrayBuffer) transfer.add(buffer);
        }
        const reply = await request({ type: 'run', session, feeds: plain }, [...transfer]);
        const outputs: Record<string, Ort.Tensor> = {};
        for (const [name, t] of Object.entries(reply.outputs ?? {}))
          outputs[name] = new Tensor(t.type as 'float32', t.data as Float32Array, t.dims);
        return outputs;
      },
      async release() {
        await request({ type: 'release', session }).catch(() => undefined);
      },
    };
    return remote as unknown as Ort.InferenceSession;
  }

  return {
    ort: {
      InferenceSession: { create } as unknown as OrtModule['InferenceSession'],
      Tensor,
    },
    async dispose() {
      await worker.terminate();
    },
  };
}
