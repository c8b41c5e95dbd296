// The renderer's DocumentReader: a pool of OCR module workers (pool.ts, one per file read
// at once), each holding one engine for the whole session; in the Electron app, the native
// OCR host (host.ts) in their place. A JPG or PNG is read whole in a
// worker (ocr.worker.ts); a PDF goes through the shared pipeline (src/ocr/read-document)
// on the main thread, where pdfjs parses it (in its own worker) and renders image-only
// pages, which the leased worker OCRs. Every file comes from the app's own origin
// (assetBase); nothing from a CDN, no blob: worker.
import type { DocumentKind } from '../../core/documents';
import { unreadDocument, type ExtractedDocument, type PageText } from '../../core/extraction';
import { admit } from '../../core/intake';
import type { RasterOcrEngine } from '../../ocr/engine';
import { browserImageCodec } from '../../ocr/codec.web';
import { createPdfRasteriser, type CreateRenderTarget } from '../../ocr/rasterise-pdf';
import { readDocuments } from '../../ocr/read-document';
import type {
  DocumentReader,
  OcrEngineId,
  PageGeometry,
  ReadProgress,
  ReadResult,
} from '../model/contract';
import { browserReadOptions, loadPdfjsBrowser } from '../pdfjs';
import { createHostWorker, ocrHostBridge } from './host';
import {
  createOcrWorker,
  createWorkerPool,
  defaultPoolSize,
  EngineError,
  ocrThreads,
  type OcrWorker,
} from './pool';
import { ocrAssetUrls } from './protocol';
import { createPageRenderer, renderPageImage } from './render-page';

export { defaultPoolSize };

export interface BrowserDocumentReaderOptions {
  /** Base URL of the app's files (RUNTIME_ASSETS: ocr/, pdfjs/); the page's base by default. */
  assetBase?: string;
  /** Engine for the first read; 'paddle' unless given. */
  engine?: OcrEngineId;
  /** Files read at once, one OCR worker each; defaultPoolSize() unless given. */
  workers?: number;
}

function abortError(): DOMException {
  return new DOMException('Reading the file was cancelled.', 'AbortError');
}

/** Image-only PDF pages are rendered on the main thread (pdfjs yields between operator chunks: ≤ 150 ms gaps measured). */
const offscreenTarget: CreateRenderTarget = (width, height) => {
  const canvas = new OffscreenCanvas(width, height);
  return {
    canvas,
    readPixels: () => {
      const ctx = canvas.getContext('2d');
      if (ctx === null) throw new Error('This browser cannot create a 2D canvas.');
      return ctx.getImageData(0, 0, width, height).data;
    },
  };
};

function engineFailed(file: string): ExtractedDocument {
  return unreadDocument(
    file,
    'The OCR engine could not be started: reload the app, and if it fails again, reinstall it.',
    { reason: 'ocr-failed' },
  );
}

export function createBrowserDocumentReader(
  options: BrowserDocumentReaderOptions = {},
): DocumentReader {
  const assetBase = new URL(options.assetBase ?? './', document.baseURI).href;
  const urls = ocrAssetUrls(assetBase);
  let engineId: OcrEngineId = options.engine ?? 'paddle';
  // The Electron app's native OCR host (host.ts) reads one file at a time on its own
  // threads; without it (the browser build), a pool of wasm workers.
  const host = ocrHostBridge();
  const poolSize = host ? 1 : (options.workers ?? defaultPoolSize());
  const pool = createWorkerPool(
    poolSize,
    host ? (name) => createHostWorker(host, () => createOcrWorker(name)) : createOcrWorker,
  );
  const threads = ocrThreads(poolSize);
  // What the reader chose, for bench:ui (it reads the mark): workers, and wasm threads
  // each where the page is cross-origin isolated, or the native host.
  performance.mark('dossier:ocr-pool', {
    detail: {
      workers: poolSize,
      threads: crossOriginIsolated ? threads : 1,
      ocr: host ? 'native-host' : 'wasm-workers',
    },
  });
  const pageRenderer = createPageRenderer();
  let nextId = 1;
  /** Reads under way or waiting for a worker (dispose waits for them). */
  const running = new Set<Promise<unknown>>();
  let disposed = false;

  /** A JPG or PNG: decoded, read, extracted and analysed in the worker. */
  async function readImage(
    worker: OcrWorker,
    file: { name: string; bytes: Uint8Array },
    onProgress: ((p: ReadProgress) => void) | undefined,
    kind: DocumentKind | undefined,
  ): Promise<{ documents: ExtractedDocument[]; pages: PageGeometry[] }> {
    const bytes = file.bytes.slice();
    try {
      const answer = await worker.call(
        {
          type: 'read',
          id: nextId++,
          engine: engineId,
          urls,
          threads,
          name: file.name,
          bytes,
          ...(kind ? { kind } : {}),
        },
        [bytes.buffer],
        onProgress,
      );
      if (answer.type !== 'documents')
        throw new EngineError('The OCR worker answered a file with no documents.');
      return { documents: answer.documents, pages: answer.pages };
    } catch (error) {
      if (error instanceof EngineError) return { documents: [engineFailed(file.name)], pages: [] };
      throw error;
    }
  }

  /** A PDF (or a file the intake refuses): the pipeline here, OCR of rendered pages in the worker. */
  async function readPdf(
    worker: OcrWorker,
    file: { name: string; bytes: Uint8Array },
    onProgress: ((p: ReadProgress) => void) | undefined,
    kind: DocumentKind | undefined,
  ): Promise<{ documents: ExtractedDocument[]; pages: PageGeometry[] }> {
    const pdfjs = await loadPdfjsBrowser();
    const engine = engineId;
    const geometry: PageGeometry[] = [];
    let engineFailure = false;
    const proxy: RasterOcrEngine = {
      id: engine,
      recognise: () => Promise.reject(new Error('An image was read on the main thread.')),
      async recogniseRaster(raster, page) {
        // A copy is transferred: readDocuments keeps the page's own pixels for the image
        // analysis (quality flags, seal), and a transferred buffer is detached (empty) here.
        const data = raster.data.slice();
        let answer;
        try {
          answer = await worker.call(
            {
              type: 'raster',
              id: nextId++,
              engine,
              urls,
              threads,
              page,
              width: raster.width,
              height: raster.height,
              data,
            },
            [data.buffer],
            onProgress,
          );
        } catch (error) {
          if (error instanceof EngineError) engineFailure = true;
          throw error;
        }
        if (answer.type !== 'page')
          throw new EngineError('The OCR worker answered a page request with no page.');
        geometry[page] = answer.geometry;
        return answer.page satisfies PageText;
      },
      dispose: () => Promise.resolve(),
    };
    const pdfOptions = browserReadOptions(assetBase);
    // A PDF's own text layer: its pages' sizes (points at scale 1) are the boxes' space.
    let textPages: PageGeometry[] = [];
    const documents = await readDocuments(file, {
      pdfjs,
      pdfOptions,
      ...(kind ? { kind } : {}),
      onText: (text) => {
        if (text.source === 'pdf-text')
          textPages = text.pages.map((p) => ({ width: p.width, height: p.height, rotation: 0 }));
      },
      ocr: proxy,
      decodeImage: (bytes, mime) => browserImageCodec.decode(bytes, mime),
      // A scan inside a PDF is read at its own resolution (at most 200 dpi), as in the CLI.
      rasterise: createPdfRasteriser(pdfjs, offscreenTarget, {
        ...(pdfOptions.documentParams ? { documentParams: pdfOptions.documentParams } : {}),
        nativeResolution: true,
      }),
    });
    if (engineFailure) return { documents: [engineFailed(file.name)], pages: [] };
    const first = documents[0]!;
    const pages: PageGeometry[] =
      first.error !== undefined
        ? []
        : first.source === 'pdf-text'
          ? textPages
          : geometry.filter((g): g is PageGeometry => g !== undefined);
    return { documents, pages };
  }

  async function readOnce(
    worker: OcrWorker,
    file: { name: string; bytes: Uint8Array },
    onProgress: ((p: ReadProgress) => void) | undefined,
    signal: AbortSignal | undefined,
    kind: DocumentKind | undefined,
  ): Promise<ReadResult> {
    onProgress?.({ stage: 'reading', progress: 0 });
    const admission = admit(file.bytes);
    const image = admission.ok && admission.mime !== 'application/pdf';
    const { documents, pages } = await (image ? readImage : readPdf)(
      worker,
      file,
      onProgress,
      kind,
    );
    if (signal?.aborted) throw abortError();
    onProgress?.({ stage: 'extracting', progress: 1 });
    return { document: documents[0]!, documents, pages };
  }

  /** Loads the engine of one worker; settles when loaded (a failure is a read's to report). */
  function prepareWorker(worker: OcrWorker): Promise<void> {
    if (worker.preparing) return worker.preparing;
    const id = nextId++;
    worker.loads.add(id);
    const preparing = worker
      .call({ type: 'load', id, engine: engineId, urls, threads }, [])
      .then(() => undefined)
      .catch(() => {
        if (worker.preparing === preparing) worker.preparing = undefined;
      })
      .finally(() => worker.loads.delete(id));
    worker.preparing = preparing;
    return preparing;
  }

  return {
    read(file, readOptions = {}) {
      const { onProgress, signal, kind } = readOptions;
      if (disposed) return Promise.reject(new Error('The document reader was closed.'));
      if (signal?.aborted) return Promise.reject(abortError());
      let leased: OcrWorker | undefined;
      const run = (async () => {
        const worker = await pool.acquire(signal, abortError);
        leased = worker;
        try {
          if (signal?.aborted) throw abortError();
          return await readOnce(worker, file, onProgress, signal, kind);
        } finally {
          leased = undefined;
          pool.release(worker);
        }
      })();
      const settled = run.catch(() => undefined);
      running.add(settled);
      void settled.then(() => running.delete(settled));
      if (!signal) return run;
      return new Promise<ReadResult>((resolve, reject) => {
        const onAbort = (): void => {
          // OCR mid-inference cannot be interrupted: the worker goes, a new one comes lazily.
          if (leased?.reading()) leased.terminate(abortError());
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    renderPage(file, index, geometry, scale = 1) {
      return renderPageImage(
        file,
        index,
        geometry,
        scale,
        async () => ({
          pdfjs: await loadPdfjsBrowser(),
          documentParams: browserReadOptions(assetBase).documentParams,
        }),
        pageRenderer,
      );
    },
    async prepare() {
      if (disposed) return;
      // The first worker's models first, then the others', one after another: the person
      // is using the interface meanwhile, and one core stays free for it.
      for (const worker of pool.workers) {
        await prepareWorker(worker);
        if (disposed) return;
      }
    },
    setEngine(engine) {
      if (engine === engineId) return;
      engineId = engine;
      for (const worker of pool.workers) {
        worker.preparing = undefined;
        worker.warm = false;
        // A worker swaps engines on its next request; an idle one is ended now to free the
        // old model's memory (a read in progress keeps it until it ends).
        if (!worker.reading() && worker.loads.size === 0)
          worker.terminate(new Error('engine changed'));
      }
    },
    async dispose() {
      disposed = true;
      await Promise.all(running);
      for (const worker of pool.workers)
        worker.terminate(new Error('The document reader was closed.'));
      pageRenderer.dispose();
    },
  };
}
