// One OCR worker of the reader's pool: one engine (PP-OCR or tesseract.js), created on the
// first page that needs it (or when asked to load ahead) and reused for every later one.
// A JPG or PNG is read here whole (decode, OCR, extraction, quality and seal analysis), so
// the renderer's main thread only posts the bytes and gets the documents back; a PDF's
// pages, rendered on the main thread by pdfjs, come here one raster at a time.
// Every file it loads comes from the app's own origin (URLs in each request).
import {
  createPaddleEngineBrowser,
  createTesseractEngineBrowser,
  readExifOrientationBrowser,
} from '../../ocr/engines.web';
import { browserImageCodec } from '../../ocr/codec.web';
import type { RasterOcrEngine } from '../../ocr/engine';
import type { PreparedPage } from '../../ocr/prepare';
import { readDocuments } from '../../ocr/read-document';
import type { PageText } from '../../core/extraction';
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

async function createEngine(
  id: OcrEngineId,
  urls: OcrAssetUrls,
  threads: number,
): Promise<RasterOcrEngine> {
  if (id === 'tesseract') return createTesseractEngineBrowser(urls.tesseract);
  // The wasm-only build: no WebGPU/WebGL code, one 14 MB wasm file.
  const ort = await import('onnxruntime-web/wasm');
  ort.env.logLevel = 'error';
  return createPaddleEngineBrowser(ort, urls.paddle, { threads });
}

async function engineFor(
  { engine: id, urls, threads }: WorkerRequest,
  post: (r: WorkerResponse) => void,
  requestId: number,
): Promise<RasterOcrEngine> {
  if (current?.id !== id) {
    const old = current;
    current = undefined;
    if (old) await (await old.engine.catch(() => null))?.dispose();
    post({ type: 'progress', id: requestId, stage: 'loading-ocr', progress: 0 });
    const engine = createEngine(id, urls, threads);
    current = { id, engine };
    // A failed load is not kept: the next request tries again.
    engine.catch(() => {
      if (current?.id === id && current.engine === engine) current = undefined;
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

/** Thrown when the engine (not the file) failed mid-page: reported as an engine error. */
class EngineFailure extends Error {}

/** One page through the engine, with the geometry the review draws its boxes in. */
async function ocrPage(
  engine: RasterOcrEngine,
  raster: Raster,
  page: number,
  exifOrientation: number | undefined,
  onProgress: (progress: number) => void,
): Promise<{ page: PageText; geometry: PageGeometry }> {
  let prepared: PreparedPage | undefined;
  let text: PageText;
  try {
    text = await engine.recogniseRaster(
      raster,
      page,
      { exifOrientation, onPrepared: (p) => (prepared = p) },
      (p) => onProgress(p.progress),
    );
  } catch (error) {
    throw new EngineFailure(error instanceof Error ? error.message : String(error));
  }
  const turn = prepared ? prepared.turn : 0;
  const extra = prepared ? engineTurn(prepared.raster, text) : 0;
  const geometry: PageGeometry = {
    width: text.width,
    height: text.height,
    rotation: ((turn + extra) % 360) as QuarterTurn,
  };
  return { page: text, geometry };
}

/** A whole image file: the shared pipeline (src/ocr/read-document) with this worker's engine. */
async function readImage(
  request: Extract<WorkerRequest, { type: 'read' }>,
  engine: RasterOcrEngine,
  post: (r: WorkerResponse) => void,
): Promise<void> {
  const geometry: PageGeometry[] = [];
  let engineFailure: string | undefined;
  const onProgress = (progress: number): void =>
    post({ type: 'progress', id: request.id, stage: 'ocr', progress });
  const local: RasterOcrEngine = {
    id: engine.id,
    async recognise(image, _onProgress, onDecoded) {
      const [raster, exifOrientation] = await Promise.all([
        browserImageCodec.decode(image.bytes, image.mime),
        image.mime === 'image/jpeg'
          ? readExifOrientationBrowser(image.bytes)
          : Promise.resolve(undefined),
      ]);
      // The same pixels serve the image analysis: not decoded a second time.
      onDecoded?.(raster);
      try {
        const result = await ocrPage(engine, raster, 0, exifOrientation, onProgress);
        geometry[0] = result.geometry;
        return { source: engine.id, pages: [result.page] };
      } catch (error) {
        if (error instanceof EngineFailure) engineFailure = error.message;
        throw error;
      }
    },
    recogniseRaster: () => Promise.reject(new Error('A PDF page was sent as a whole file.')),
    dispose: () => Promise.resolve(),
  };
  const documents = await readDocuments(
    { name: request.name, bytes: request.bytes },
    {
      ocr: local,
      decodeImage: (bytes, mime) => browserImageCodec.decode(bytes, mime),
      ...(request.kind ? { kind: request.kind } : {}),
    },
  );
  if (engineFailure !== undefined) {
    post({ type: 'error', id: request.id, message: engineFailure });
    return;
  }
  const pages =
    documents[0]!.error !== undefined
      ? []
      : geometry.filter((g): g is PageGeometry => g !== undefined);
  post({ type: 'documents', id: request.id, documents, pages });
}

async function handle(request: WorkerRequest): Promise<void> {
  const post = (r: WorkerResponse): void => scope.postMessage(r);
  const engine = await engineFor(request, post, request.id);
  if (request.type === 'load') {
    post({ type: 'loaded', id: request.id });
    return;
  }
  if (request.type === 'read') return readImage(request, engine, post);
  const raster: Raster = { width: request.width, height: request.height, data: request.data };
  const result = await ocrPage(engine, raster, request.page, undefined, (progress) =>
    post({ type: 'progress', id: request.id, stage: 'ocr', progress }),
  );
  post({ type: 'page', id: request.id, page: result.page, geometry: result.geometry });
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) =>
    scope.postMessage({
      type: 'error',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
