// The worker of bench/ocr-phases-web.ts: the app's PP-OCR engine (engines.web.ts, the
// browser codec, onnxruntime-web's wasm) reading files as the app's OCR worker does
// (bench/ocr-phases-read.ts). At each phase's end it posts a mark and waits (Atomics.wait)
// until the page has had the bench sample this thread's CPU time, so that each phase's
// CPU is this thread's alone.
import * as ort from 'onnxruntime-web/wasm';
import { browserImageCodec } from '../src/ocr/codec.web';
import type { RasterOcrEngine } from '../src/ocr/engine';
import { createPaddleEngineBrowser, readExifOrientationBrowser } from '../src/ocr/engines.web';
import type { OcrAssetUrls } from '../src/renderer/reader/protocol';
import { warmUp } from '../src/renderer/reader/warm-up';
import { instrumentRuns, readPhased } from './ocr-phases-read';

export type PhasesRequest =
  | { type: 'load'; urls: OcrAssetUrls; threads: number; warm: boolean; flag: SharedArrayBuffer }
  | { type: 'read'; name: string; bytes: Uint8Array };

export type PhasesMessage =
  | { type: 'mark'; phase: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  postMessage(message: PhasesMessage): void;
  onmessage: ((event: MessageEvent<PhasesRequest>) => void) | null;
};

let flag: Int32Array | undefined;
let engine: RasterOcrEngine | undefined;

/** Set while the warm-up runs: its model runs are charged to it, not to the models' rows. */
let only: string | undefined;

function mark(phase: string): void {
  if (!flag) return;
  scope.postMessage({ type: 'mark', phase: only ?? phase });
  Atomics.wait(flag, 0, 0);
  Atomics.store(flag, 0, 0);
}

const setPhase = instrumentRuns(
  ort.InferenceSession as unknown as Parameters<typeof instrumentRuns>[0],
  mark,
);

async function handle(request: PhasesRequest): Promise<unknown> {
  if (request.type === 'load') {
    flag = new Int32Array(request.flag);
    ort.env.logLevel = 'error';
    mark('idle');
    engine = await createPaddleEngineBrowser(ort, request.urls.paddle, {
      threads: request.threads,
    });
    mark('load models');
    if (request.warm) {
      only = 'warm-up';
      await warmUp(engine);
      mark('warm-up');
      only = undefined;
    }
    return 'loaded';
  }
  if (!engine) throw new Error('Load the engine first.');
  return readPhased(
    { name: request.name, bytes: request.bytes },
    {
      engine,
      codec: browserImageCodec,
      readOrientation: readExifOrientationBrowser,
      mark,
      setPhase,
    },
  );
}

scope.onmessage = (event) => {
  handle(event.data).then(
    (result) => scope.postMessage({ type: 'done', result }),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
};
