// The page of bench/ocr-phases-web.ts: starts its worker and relays each of the worker's
// phase marks to the bench (window.__phaseMark, exposed by Playwright), then wakes the
// worker. window.phases.load() / read(path) answer when the worker is done.
import { ocrAssetUrls } from '../src/renderer/reader/protocol';
import type { PhasesMessage, PhasesRequest } from './ocr-phases-web.worker';

const worker = new Worker(new URL('./ocr-phases-web.worker.ts', import.meta.url), {
  type: 'module',
  name: 'ocr-phases',
});
const flag = new SharedArrayBuffer(4);
const wake = new Int32Array(flag);
let pending: { resolve: (v: unknown) => void; reject: (e: Error) => void } | undefined;
const bench = window as unknown as { __phaseMark: (phase: string) => Promise<void> };

worker.onmessage = (event: MessageEvent<PhasesMessage>) => {
  const message = event.data;
  if (message.type === 'mark') {
    void bench.__phaseMark(message.phase).then(() => {
      Atomics.store(wake, 0, 1);
      Atomics.notify(wake, 0);
    });
    return;
  }
  const call = pending;
  pending = undefined;
  if (message.type === 'done') call?.resolve(message.result);
  else call?.reject(new Error(message.message));
};

function call(request: PhasesRequest, transfer: Transferable[] = []): Promise<unknown> {
  return new Promise((resolve, reject) => {
    pending = { resolve, reject };
    worker.postMessage(request, transfer);
  });
}

(window as unknown as { phases: unknown }).phases = {
  load: (threads: number, warm: boolean) =>
    call({
      type: 'load',
      urls: ocrAssetUrls(new URL('./', document.baseURI).href),
      threads,
      warm,
      flag,
    }),
  async read(path: string) {
    const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
    return call({ type: 'read', name: path.split('/').pop() ?? path, bytes }, [bytes.buffer]);
  },
};
document.title = crossOriginIsolated ? 'ready' : 'not isolated';
