// The reader's OCR workers: one module worker per file read at once, each with its own
// engine. An onnxruntime-web session lives in one wasm instance's memory, so it cannot be
// shared between workers: each worker loads the models once and keeps them for the
// session. A read leases one worker for the whole file (all its pages), and waits for a
// free one when all are reading.
import type { ReadProgress } from '../model/contract';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Thrown by a worker call when the OCR engine (not the file) failed. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

/** What a call answers: a page, a whole file's documents, or nothing (a load). */
export type WorkerAnswer = Extract<WorkerResponse, { type: 'page' | 'documents' | 'loaded' }>;

export interface Pending {
  resolve: (answer: WorkerAnswer) => void;
  reject: (reason: unknown) => void;
  onProgress: ((p: ReadProgress) => void) | undefined;
}

/** One message to its call: progress passed on, an answer or an engine error settling it. */
export function settle(
  pending: Map<number, Pending>,
  message: WorkerResponse,
  onAnswered: () => void,
): void {
  const call = pending.get(message.id);
  if (!call) return;
  if (message.type === 'progress') {
    call.onProgress?.({ stage: message.stage, progress: message.progress });
    return;
  }
  pending.delete(message.id);
  if (message.type === 'error') call.reject(new EngineError(message.message));
  else {
    onAnswered();
    call.resolve(message);
  }
}

/** Each worker holds its own models and wasm heap: see BENCHMARKS.md (bench:ui) for its peak. */
const GB_PER_WORKER = 2;
const MAX_WORKERS = 4;

/**
 * How many files are read at once: one per core but one (left to the page, image decoding
 * and the vault worker), at most one per 2 GB of the device's memory
 * (navigator.deviceMemory, which Chromium rounds and caps at 8), and at most 4. On 2 cores,
 * bench:ui (four scans, 3 alternated runs, quiet machine) measured 2 workers slower than 1:
 * median 13.6 s against 11.5 s, 18.2 against 13.9 CPU s, peak 1,543 against 1,148 MB.
 */
export function defaultPoolSize(): number {
  const cores = navigator.hardwareConcurrency || 1;
  const memoryGb = (navigator as { deviceMemory?: number }).deviceMemory ?? 4;
  return Math.max(1, Math.min(cores - 1, Math.floor(memoryGb / GB_PER_WORKER), MAX_WORKERS));
}

/** Most wasm threads one OCR inference uses (onnxruntime-web's own default cap). */
const MAX_THREADS_PER_WORKER = 4;

/**
 * Wasm threads per OCR worker: 1. bench:ui --scans (4 scans, 2 alternated runs, load 5 to
 * 10 on 2 cores) measured one worker on 2 threads slower than on 1: 17.9 / 33.0 s against
 * 15.5 / 28.8 s from drop to all read, 17.7 / 18.9 against 14.3 / 17.0 CPU s (the threads
 * wait for each other whenever the page, the render worker or another process takes a
 * core). A measurement may ask for more (bench:ui BENCH_UI_THREADS sets
 * __dossierOcrThreads before the app starts), at most the cores shared out among the
 * pool's workers; only a cross-origin-isolated page gets them (engines.web.ts wasmThreads).
 */
export function ocrThreads(poolSize: number): number {
  const asked = (globalThis as { __dossierOcrThreads?: unknown }).__dossierOcrThreads;
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked <= 1) return 1;
  const cores = navigator.hardwareConcurrency || 1;
  const share = Math.floor(cores / Math.max(1, poolSize));
  return Math.max(1, Math.min(asked, MAX_THREADS_PER_WORKER, share));
}

export interface OcrWorker {
  call(
    request: WorkerRequest,
    transfer: Transferable[],
    onProgress?: (p: ReadProgress) => void,
  ): Promise<WorkerAnswer>;
  /** Ends the worker (and its engine); pending calls reject with `reason`. */
  terminate(reason: unknown): void;
  /** Calls under way that are not engine loads (a read's pages). */
  reading(): boolean;
  /** The worker's engine load, once asked for; cleared when it fails or the worker goes. */
  preparing: Promise<void> | undefined;
  /** Ids of pending load requests: a cancelled read must not end a worker only loading. */
  loads: Set<number>;
  /** Its engine answered a request: the models are in memory. */
  warm: boolean;
}

export function createOcrWorker(name: string): OcrWorker {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();

  function spawn(): Worker {
    if (worker) return worker;
    const created = new Worker(new URL('./ocr.worker.ts', import.meta.url), {
      type: 'module',
      name,
    });
    created.onmessage = (event: MessageEvent<WorkerResponse>) =>
      settle(pending, event.data, () => (self.warm = true));
    created.onerror = (event) => {
      event.preventDefault();
      self.terminate(
        new EngineError(`The OCR worker stopped: ${event.message || 'unknown error'}`),
      );
    };
    worker = created;
    return created;
  }

  const self: OcrWorker = {
    preparing: undefined,
    loads: new Set(),
    warm: false,
    call(request, transfer, onProgress) {
      return new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject, onProgress });
        spawn().postMessage(request, transfer);
      });
    },
    terminate(reason) {
      worker?.terminate();
      worker = undefined;
      // The engine went with the worker: a later prepare() loads it again.
      self.preparing = undefined;
      self.warm = false;
      const calls = [...pending.values()];
      pending.clear();
      for (const call of calls) call.reject(reason);
    },
    reading: () => pending.size > self.loads.size,
  };
  return self;
}

/** Workers leased one read at a time; a read waits when all are busy. */
export interface WorkerPool {
  readonly workers: readonly OcrWorker[];
  /** A free worker (one whose engine is loaded, else loading, first); rejects when `signal` aborts. */
  acquire(signal: AbortSignal | undefined, aborted: () => Error): Promise<OcrWorker>;
  release(worker: OcrWorker): void;
}

/** `make` creates each worker (a wasm module worker unless given: host.ts's native host). */
export function createWorkerPool(
  size: number,
  make: (name: string) => OcrWorker = createOcrWorker,
): WorkerPool {
  const workers = Array.from({ length: Math.max(1, size) }, (_, i) => make(`ocr-${i + 1}`));
  const free = new Set(workers);
  const waiting: ((w: OcrWorker) => void)[] = [];
  return {
    workers,
    acquire(signal, aborted) {
      const idle = [...free];
      const ready =
        idle.find((w) => w.warm) ?? idle.find((w) => w.preparing !== undefined) ?? idle[0];
      if (ready) {
        free.delete(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const take = (w: OcrWorker): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve(w);
        };
        const onAbort = (): void => {
          const at = waiting.indexOf(take);
          if (at >= 0) waiting.splice(at, 1);
          reject(aborted());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(take);
      });
    },
    release(worker) {
      const next = waiting.shift();
      if (next) next(worker);
      else free.add(worker);
    },
  };
}
