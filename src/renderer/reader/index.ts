// The renderer's DocumentReader: the shared pipeline (src/ocr/read-document) on the main
// thread for what is cheap (type sniffing, pdfjs text layers, whose parsing runs in
// pdfjs's own worker; rendering image-only PDF pages), and OCR in a module worker
// (ocr.worker.ts) holding one engine for the whole session. Every file comes from the
// app's own origin (assetBase); nothing from a CDN, no blob: worker.
import type { DocumentKind } from '../../core/documents';
import type { ExtractedDocument, PageText } from '../../core/extraction';
import type { RasterOcrEngine } from '../../ocr/engine';
import { browserImageCodec } from '../../ocr/codec-browser';
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
import { ocrAssetUrls, type WorkerRequest, type WorkerResponse } from './protocol';
import { renderPageImage } from './render-page';

export interface BrowserDocumentReaderOptions {
  /** Base URL of the app's files (RUNTIME_ASSETS: ocr/, pdfjs/); the page's base by default. */
  assetBase?: string;
  /** Engine for the first read; 'paddle' unless given. */
  engine?: OcrEngineId;
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

interface Pending {
  /** A page for an OCR request, null for a load request. */
  resolve: (value: { page: PageText; geometry: PageGeometry } | null) => void;
  reject: (reason: unknown) => void;
  onProgress: ((p: ReadProgress) => void) | undefined;
}

/** Thrown by the worker call when the OCR engine (not the file) failed. */
class EngineError extends Error {
  override readonly name = 'EngineError';
}

export function createBrowserDocumentReader(
  options: BrowserDocumentReaderOptions = {},
): DocumentReader {
  const assetBase = new URL(options.assetBase ?? './', document.baseURI).href;
  const urls = ocrAssetUrls(assetBase);
  let engineId: OcrEngineId = options.engine ?? 'paddle';
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  /** The engine load prepare() asked for; cleared when it fails or the worker goes. */
  let preparing: Promise<void> | undefined;
  /** Ids of pending load requests: a cancelled read must not end a worker only loading. */
  const loads = new Set<number>();

  /** Ends the worker (and its engine); pending calls reject with `reason`. */
  function terminate(reason: unknown): void {
    worker?.terminate();
    worker = undefined;
    // The engine went with the worker: a later prepare() loads it again.
    preparing = undefined;
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(reason);
  }

  function getWorker(): Worker {
    if (worker) return worker;
    const created = new Worker(new URL('./ocr.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ocr',
    });
    created.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const call = pending.get(message.id);
      if (!call) return;
      if (message.type === 'progress') {
        call.onProgress?.({ stage: message.stage, progress: message.progress });
        return;
      }
      pending.delete(message.id);
      if (message.type === 'page') call.resolve({ page: message.page, geometry: message.geometry });
      else if (message.type === 'loaded') call.resolve(null);
      else
        call.reject(message.decode ? new Error(message.message) : new EngineError(message.message));
    };
    created.onerror = (event) => {
      event.preventDefault();
      terminate(new EngineError(`The OCR worker stopped: ${event.message || 'unknown error'}`));
    };
    worker = created;
    return created;
  }

  function post(
    request: WorkerRequest,
    transfer: Transferable[],
    onProgress?: (p: ReadProgress) => void,
  ): Promise<{ page: PageText; geometry: PageGeometry } | null> {
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject, onProgress });
      getWorker().postMessage(request, transfer);
    });
  }

  async function call(
    request: WorkerRequest,
    transfer: Transferable[],
    onProgress?: (p: ReadProgress) => void,
  ): Promise<{ page: PageText; geometry: PageGeometry }> {
    const answer = await post(request, transfer, onProgress);
    if (answer === null)
      throw new EngineError('The OCR worker answered a page request with no page.');
    return answer;
  }

  async function readOnce(
    file: { name: string; bytes: Uint8Array },
    onProgress: ((p: ReadProgress) => void) | undefined,
    signal: AbortSignal | undefined,
    kind: DocumentKind | undefined,
  ): Promise<ReadResult> {
    onProgress?.({ stage: 'reading', progress: 0 });
    const pdfjs = await loadPdfjsBrowser();
    const engine = engineId;
    const geometry: PageGeometry[] = [];
    let engineFailure: string | undefined;
    const ocrCall = async (
      request: WorkerRequest,
      transfer: Transferable[],
    ): Promise<{ page: PageText; geometry: PageGeometry }> => {
      if (signal?.aborted) throw abortError();
      try {
        return await call(request, transfer, onProgress);
      } catch (error) {
        if (error instanceof EngineError) engineFailure = error.message;
        throw error;
      }
    };
    const proxy: RasterOcrEngine = {
      id: engine,
      async recognise(image) {
        const bytes = image.bytes.slice();
        const result = await ocrCall(
          { type: 'image', id: nextId++, engine, urls, bytes, mime: image.mime },
          [bytes.buffer],
        );
        geometry[0] = result.geometry;
        return { source: engine, pages: [result.page] };
      },
      async recogniseRaster(raster, page) {
        const data = raster.data;
        const result = await ocrCall(
          {
            type: 'raster',
            id: nextId++,
            engine,
            urls,
            page,
            width: raster.width,
            height: raster.height,
            data,
          },
          [data.buffer],
        );
        geometry[page] = result.geometry;
        return result.page;
      },
      dispose: () => Promise.resolve(),
    };
    const pdfOptions = browserReadOptions(assetBase);
    // A PDF's own text layer: its pages' sizes (points at scale 1) are the boxes' space.
    let textPages: PageGeometry[] = [];
    let documents: ExtractedDocument[] = await readDocuments(file, {
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
    if (signal?.aborted) throw abortError();
    onProgress?.({ stage: 'extracting', progress: 0 });
    if (engineFailure !== undefined) {
      documents = [
        {
          file: file.name,
          kind: 'unknown',
          fields: {},
          confidence: {},
          corrections: [],
          warnings: [],
          error:
            'The OCR engine could not be started: reload the app, and if it fails again, reinstall it.',
          problem: { reason: 'ocr-failed' },
        },
      ];
    }
    const document = documents[0]!;
    const pages: PageGeometry[] =
      document.error !== undefined
        ? []
        : document.source === 'pdf-text'
          ? textPages
          : geometry.filter((g): g is PageGeometry => g !== undefined);
    onProgress?.({ stage: 'extracting', progress: 1 });
    return { document, documents, pages };
  }

  return {
    read(file, readOptions = {}) {
      const { onProgress, signal, kind } = readOptions;
      if (disposed) return Promise.reject(new Error('The document reader was closed.'));
      if (signal?.aborted) return Promise.reject(abortError());
      let started = false;
      const run = queue.then(() => {
        if (signal?.aborted) throw abortError();
        started = true;
        return readOnce(file, onProgress, signal, kind);
      });
      // The next read waits for this one to settle, however it ends.
      queue = run.catch(() => undefined);
      if (!signal) return run;
      return new Promise<ReadResult>((resolve, reject) => {
        const onAbort = (): void => {
          // OCR mid-inference cannot be interrupted: the worker goes, a new one comes lazily.
          if (started && pending.size > loads.size) terminate(abortError());
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    renderPage(file, index, geometry, scale = 1) {
      return renderPageImage(file, index, geometry, scale, async () => ({
        pdfjs: await loadPdfjsBrowser(),
        documentParams: browserReadOptions(assetBase).documentParams,
      }));
    },
    prepare() {
      if (disposed) return Promise.resolve();
      if (preparing) return preparing;
      const id = nextId++;
      loads.add(id);
      preparing = post({ type: 'load', id, engine: engineId, urls }, [])
        .then(() => undefined)
        .catch(() => {
          preparing = undefined;
        })
        .finally(() => loads.delete(id));
      return preparing;
    },
    setEngine(engine) {
      if (engine === engineId) return;
      preparing = undefined;
      engineId = engine;
      // The worker swaps engines on the next request; an idle worker is ended now to free
      // the old model's memory (a read in progress keeps it until it ends).
      if (pending.size === 0) terminate(new Error('engine changed'));
    },
    async dispose() {
      disposed = true;
      await queue;
      terminate(new Error('The document reader was closed.'));
    },
  };
}
