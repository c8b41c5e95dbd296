// The reader's way to the native OCR host (README, "The OCR host"): where the bridge offers
// window.ocrHost (the Electron app), the pool's one "worker" is the host, an Electron
// utility process running the CLI's reader on onnxruntime-node, reached over a MessagePort
// main hands the page. Every answer is parsed with the shared schemas
// (src/shared/ocr-host.ts); one that does not match fails its call as an engine error.
// Where the host cannot be reached (no port within CONNECT_TIMEOUT_MS, or its process
// went away), the reads go to a wasm worker instead, as in the browser build.
import {
  OCR_HOST_PORT_MESSAGE,
  OcrHostResponseSchema,
  requestIdOf,
  type OcrHostBridge,
} from '../../shared/ocr-host';
import { EngineError, settle, type OcrWorker, type Pending, type WorkerAnswer } from './pool';
import type { ReaderRequest, WorkerRequest } from './protocol';

/** How long the page waits for main's port before it reads with wasm workers instead. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** window.ocrHost where the preload (or a stand-in: bench:ui) put one, else undefined. */
export function ocrHostBridge(): OcrHostBridge | undefined {
  const bridge = (globalThis as { ocrHost?: unknown }).ocrHost;
  if (typeof bridge !== 'object' || bridge === null) return undefined;
  const connect = (bridge as { connect?: unknown }).connect;
  return typeof connect === 'function' ? (bridge as OcrHostBridge) : undefined;
}

/** Asks the bridge for a port and waits for the window message that carries it. */
export function connectOcrHost(
  bridge: OcrHostBridge,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<MessagePort> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent): void => {
      // Only the preload's message to this window, carrying exactly one port.
      if (event.source !== window || event.data !== OCR_HOST_PORT_MESSAGE) return;
      if (event.ports.length !== 1) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(event.ports[0]!);
    };
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject(new EngineError('The OCR host did not answer.'));
    }, timeoutMs);
    window.addEventListener('message', onMessage);
    bridge.connect();
  });
}

/** The request as the host takes it: the wasm worker's asset URLs and threads left out. */
function hostRequest(request: WorkerRequest): ReaderRequest {
  const { urls: _urls, threads: _threads, ...rest } = request;
  return rest;
}

/**
 * An OcrWorker backed by the native host; `fallback` makes the wasm worker that takes
 * over when the host cannot be reached (made once, on the first such failure).
 */
export function createHostWorker(
  bridge: OcrHostBridge,
  fallback: () => OcrWorker,
  timeoutMs = CONNECT_TIMEOUT_MS,
): OcrWorker {
  let port: Promise<MessagePort> | undefined;
  let wasm: OcrWorker | undefined;
  const pending = new Map<number, Pending>();
  /** Calls under way, by the host or the wasm worker. */
  let inFlight = 0;

  function fail(reason: unknown): void {
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(reason);
  }

  function onAnswer(event: MessageEvent): void {
    const parsed = OcrHostResponseSchema.safeParse(event.data);
    if (!parsed.success) {
      const id = requestIdOf(event.data);
      const call = id === undefined ? undefined : pending.get(id);
      if (id !== undefined) pending.delete(id);
      call?.reject(new EngineError('The OCR host sent a malformed answer.'));
      return;
    }
    settle(pending, parsed.data, () => (self.warm = true));
  }

  /** No port came when asked: the wasm worker takes over for good. */
  let unreachable = false;

  function open(): Promise<MessagePort> {
    port ??= connectOcrHost(bridge, timeoutMs).then(
      (p) => {
        p.onmessage = onAnswer;
        // The host's process went away (Chromium's MessagePort close event): the calls
        // under way fail as engine errors, the next one asks for a new port.
        p.addEventListener('close', () => {
          port = undefined;
          fail(new EngineError('The OCR host stopped.'));
        });
        p.start();
        return p;
      },
      (error: unknown) => {
        unreachable = true;
        port = undefined;
        throw error;
      },
    );
    return port;
  }

  const self: OcrWorker = {
    preparing: undefined,
    loads: new Set(),
    warm: false,
    async call(request, transfer, onProgress) {
      inFlight++;
      try {
        if (!wasm) {
          try {
            const connected = await open();
            return await new Promise<WorkerAnswer>((resolve, reject) => {
              pending.set(request.id, { resolve, reject, onProgress });
              connected.postMessage(hostRequest(request), transfer);
            });
          } catch (error) {
            if (!unreachable) throw error;
            // No host (no port came): the wasm worker reads from now on.
            wasm ??= fallback();
          }
        }
        return await wasm.call(request, transfer, onProgress);
      } finally {
        inFlight--;
      }
    },
    terminate(reason) {
      // The host cannot be interrupted mid-inference: the port is dropped (its late
      // answers go nowhere) and a new one is asked for on the next call.
      wasm?.terminate(reason);
      void port?.then((p) => p.close()).catch(() => undefined);
      port = undefined;
      self.preparing = undefined;
      self.warm = false;
      fail(reason);
    },
    reading: () => inFlight > self.loads.size,
  };
  return self;
}
