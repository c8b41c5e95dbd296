// The renderer's (or a web worker's) OCR engines. Every file is fetched from URLs the
// app serves from its own origin (copied from node_modules at build time), never from a
// CDN: the caller passes those URLs.
import type * as Ort from 'onnxruntime-web';
import { browserImageCodec } from './codec.web';
import type { RasterOcrEngine } from './engine';
import { readExifOrientationBrowser } from './exif.web';
import { createPaddleEngine } from './paddle/engine';
import { glyphTemplates } from './paddle/glyph-templates';
import { createTesseractEngine } from './tesseract-engine';

export interface TesseractAssetUrls {
  /** tesseract.js/dist/worker.min.js */
  workerPath: string;
  /** Folder holding tesseract.js-core's tesseract-core*.wasm.js files. */
  corePath: string;
  /** Folder holding chi_sim.traineddata.gz and eng.traineddata.gz (4.0.0_best_int). */
  langPath: string;
}

export interface PaddleAssetUrls {
  /** Folder (ending in /) holding onnxruntime-web's ort-wasm-simd-threaded*.wasm/.mjs. */
  ortWasmPath: string;
  det: string;
  rec: string;
  cls: string;
  keys: string;
}

export { readExifOrientationBrowser };

async function fetchLocal(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`The OCR file ${url} could not be loaded (status ${response.status}).`);
  return response;
}

export async function createTesseractEngineBrowser(
  urls: TesseractAssetUrls,
): Promise<RasterOcrEngine> {
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker(['chi_sim', 'eng'], OEM.LSTM_ONLY, {
    workerPath: urls.workerPath,
    corePath: urls.corePath,
    langPath: urls.langPath,
    cacheMethod: 'none',
    gzip: true,
    // A blob: worker would need a looser Content-Security-Policy.
    workerBlobURL: false,
  });
  return createTesseractEngine({
    worker,
    codec: browserImageCodec,
    readOrientation: readExifOrientationBrowser,
    toImageLike: (bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>]),
  });
}

/**
 * Threads one inference may use: `wanted` where the page is cross-origin isolated (the
 * app's responses carry COOP and COEP, so its workers have SharedArrayBuffer), else 1.
 */
export function wasmThreads(wanted: number): number {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return isolated ? Math.max(1, Math.floor(wanted)) : 1;
}

export async function createPaddleEngineBrowser(
  ort: typeof Ort,
  urls: PaddleAssetUrls,
  options: { threads?: number } = {},
): Promise<RasterOcrEngine> {
  ort.env.wasm.wasmPaths = urls.ortWasmPath;
  // Threads per engine: the reader runs one engine per OCR worker and says how many
  // (src/renderer/reader/pool.ts ocrThreads: 1 unless a measurement asks for more). More
  // than one needs SharedArrayBuffer, which only a cross-origin-isolated page has.
  const threads = wasmThreads(options.threads ?? 1);
  ort.env.wasm.numThreads = threads;
  const [det, rec, cls, keys] = await Promise.all([
    fetchLocal(urls.det).then((r) => r.arrayBuffer()),
    fetchLocal(urls.rec).then((r) => r.arrayBuffer()),
    fetchLocal(urls.cls).then((r) => r.arrayBuffer()),
    fetchLocal(urls.keys).then((r) => r.text()),
  ]);
  return createPaddleEngine({
    ort,
    models: { det: new Uint8Array(det), rec: new Uint8Array(rec), cls: new Uint8Array(cls), keys },
    codec: browserImageCodec,
    readOrientation: readExifOrientationBrowser,
    // Name characters with rarer look-alikes judged on their print, as in the Node host
    // (bitmaps unpacked only for a character that is judged).
    glyphTemplates: glyphTemplates(),
    sessionOptions: {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
      // Threads that wait for work sleep instead of spinning: the cores are shared with
      // the page and the other workers (spinning showed as CPU time, not speed).
      ...(threads > 1 ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
    },
  });
}
