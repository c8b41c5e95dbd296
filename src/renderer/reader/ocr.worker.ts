// The OCR worker: one engine (PP-OCR or tesseract.js), created on the first page that
// needs it (or when asked to load ahead) and reused for every later one, so the
// renderer's main thread never runs OCR.
// Every file it loads comes from the app's own origin (URLs in each request).
import {
  createPaddleEngineBrowser,
  createTesseractEngineBrowser,
  readExifOrientationBrowser,
} from '../../ocr/browser';
import { browserImageCodec } from '../../ocr/codec-browser';
import type { RasterOcrEngine } from '../../ocr/engine';
import type { PreparedPage } from '../../ocr/prepare';
import type { PageGeometry, OcrEngineId } from '../model/contract';
import { engineTurn } from './geometry';
import type { OcrAssetUrls, WorkerRequest, WorkerResponse } from './protocol';
import type { Raster, QuarterTurn } from '../../ocr/raster';

const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

let current: { id: OcrEngineId; engine: Promise<RasterOcrEngine> } | undefined;
/** Engines whose load was reported finished ('loading-ocr' is posted only while loading). */
const loaded = new WeakSet<Promise<RasterOcrEngine>>();

async function createEngine(id: OcrEngineId, urls: OcrAssetUrls): Promise<RasterOcrEngine> {
  if (id === 'tesseract') return createTesseractEngineBrowser(urls.tesseract);
  // The wasm-only build: no WebGPU/WebGL code, one 14 MB wasm file.
  const ort = await import('onnxruntime-web/wasm');
  ort.env.logLevel = 'error';
  return createPaddleEngineBrowser(ort, urls.paddle);
}

async function engineFor(
  id: OcrEngineId,
  urls: OcrAssetUrls,
  post: (r: WorkerResponse) => void,
  requestId: number,
): Promise<RasterOcrEngine> {
  if (current?.id !== id) {
    const old = current;
    current = undefined;
    if (old) await (await old.engine.catch(() => null))?.dispose();
    post({ type: 'progress', id: requestId, stage: 'loading-ocr', progress: 0 });
    const engine = createEngine(id, urls);
    current = { id, engine };
    // A failed load is not kept: the next request tries again.
    engine.catch(() => {
      if (current?.engine === engine) current = undefined;
    });
  }
  const loading = current.engine;
  const engine = await loading;
  if (!loaded.has(loading)) {
    loaded.add(loading);
    post({ type: 'progress', id: requestId, stage: 'loading-ocr', progress: 1 });
  }
  return engine;
}

async function recognise(request: WorkerRequest): Promise<void> {
  const post = (r: WorkerResponse): void => scope.postMessage(r);
  const engine = await engineFor(request.engine, request.urls, post, request.id);
  if (request.type === 'load') {
    post({ type: 'loaded', id: request.id });
    return;
  }
  let raster: Raster;
  let exifOrientation: number | undefined;
  let page = 0;
  if (request.type === 'image') {
    try {
      [raster, exifOrientation] = await Promise.all([
        browserImageCodec.decode(request.bytes, request.mime),
        request.mime === 'image/jpeg'
          ? readExifOrientationBrowser(request.bytes)
          : Promise.resolve(undefined),
      ]);
    } catch {
      post({ type: 'error', id: request.id, message: 'decode', decode: true });
      return;
    }
  } else {
    raster = { width: request.width, height: request.height, data: request.data };
    page = request.page;
  }
  let prepared: PreparedPage | undefined;
  const text = await engine.recogniseRaster(
    raster,
    page,
    { exifOrientation, onPrepared: (p) => (prepared = p) },
    (p) => post({ type: 'progress', id: request.id, stage: 'ocr', progress: p.progress }),
  );
  const turn = prepared ? prepared.turn : 0;
  const extra = prepared ? engineTurn(prepared.raster, text) : 0;
  const geometry: PageGeometry = {
    width: text.width,
    height: text.height,
    rotation: ((turn + extra) % 360) as QuarterTurn,
  };
  post({ type: 'page', id: request.id, page: text, geometry });
}

scope.onmessage = (event) => {
  const request = event.data;
  recognise(request).catch((error: unknown) =>
    scope.postMessage({
      type: 'error',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
      decode: false,
    }),
  );
};
