// One OCR reader serving requests from elsewhere: a whole JPG or PNG (decode, OCR,
// extraction, quality and seal analysis: the shared pipeline of read-document.ts), one
// rendered PDF page, or an engine load ahead of need. Both the renderer's wasm workers
// (src/renderer/reader/ocr.worker.ts, browser codec and onnxruntime-web) and the native OCR
// host (src/ocr-host, Node codec and onnxruntime-node) answer with it, so the page gets
// the same documents and page geometry from either.
import type { DocumentKind } from '../core/documents';
import type { ExtractedDocument, PageGeometry, PageText } from '../core/extraction';
import type { OcrEngineId } from '../core/ports';
import type { ImageCodec } from './codec';
import {
  decodeImageInput,
  type ExifOrientationReader,
  type OnPrepared,
  type RasterOcrEngine,
} from './engine';
import { engineTurn } from './page-turn';
import type { PreparedPage } from './prepare';
import type { QuarterTurn, Raster } from './raster';
import { readDocuments } from './read-document';

interface RequestBase {
  id: number;
  engine: OcrEngineId;
}

export type ReadServiceRequest =
  /** Load the engine now, before any page needs it. */
  | (RequestBase & { type: 'load' })
  /** A whole JPG or PNG file, read into the documents it holds. */
  | (RequestBase & { type: 'read'; name: string; bytes: Uint8Array; kind?: DocumentKind })
  /** One page of an image-only PDF, rendered by the page. */
  | (RequestBase & {
      type: 'raster';
      page: number;
      width: number;
      height: number;
      data: Uint8ClampedArray;
    });

export type ReadServiceResponse =
  | { type: 'progress'; id: number; stage: 'loading-ocr' | 'ocr'; progress: number }
  | { type: 'page'; id: number; page: PageText; geometry: PageGeometry }
  | { type: 'documents'; id: number; documents: ExtractedDocument[]; pages: PageGeometry[] }
  | { type: 'loaded'; id: number }
  /** The engine (not the file) failed: a file's own faults come back as documents' errors. */
  | { type: 'error'; id: number; message: string };

export interface ReadServiceHost<R extends ReadServiceRequest> {
  /** Creates an engine for a request (one at a time is kept: a new id replaces it). */
  createEngine(request: R): Promise<RasterOcrEngine>;
  codec: ImageCodec;
  readExifOrientation: ExifOrientationReader;
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
  onPrepared?: OnPrepared,
): Promise<{ page: PageText; geometry: PageGeometry }> {
  let prepared: PreparedPage | undefined;
  let text: PageText;
  try {
    text = await engine.recogniseRaster(
      raster,
      page,
      {
        exifOrientation,
        onPrepared: (p) => {
          prepared = p;
          onPrepared?.(p);
        },
      },
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

/**
 * A service holding one engine at a time (created on the first request that needs it, or
 * when asked to load ahead, and reused); `handle` answers one request through `post`
 * (progress first, then exactly one answer: loaded, page, documents or error).
 */
export function createReadService<R extends ReadServiceRequest>(
  host: ReadServiceHost<R>,
): { handle(request: R, post: (r: ReadServiceResponse) => void): Promise<void> } {
  let current: { id: OcrEngineId; engine: Promise<RasterOcrEngine> } | undefined;
  /** Engines whose load was reported finished ('loading-ocr' is posted only while loading). */
  const loaded = new WeakSet<Promise<RasterOcrEngine>>();

  async function engineFor(
    request: R,
    post: (r: ReadServiceResponse) => void,
  ): Promise<RasterOcrEngine> {
    if (current?.id !== request.engine) {
      const old = current;
      current = undefined;
      if (old) await (await old.engine.catch(() => null))?.dispose();
      post({ type: 'progress', id: request.id, stage: 'loading-ocr', progress: 0 });
      const id = request.engine;
      const engine = host.createEngine(request);
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
      post({ type: 'progress', id: request.id, stage: 'loading-ocr', progress: 1 });
    }
    return engine;
  }

  /** A whole image file: the shared pipeline (read-document.ts) with this service's engine. */
  async function readImage(
    request: Extract<ReadServiceRequest, { type: 'read' }>,
    engine: RasterOcrEngine,
    post: (r: ReadServiceResponse) => void,
  ): Promise<void> {
    const geometry: PageGeometry[] = [];
    let engineFailure: string | undefined;
    const onProgress = (progress: number): void =>
      post({ type: 'progress', id: request.id, stage: 'ocr', progress });
    const local: RasterOcrEngine = {
      id: engine.id,
      async recognise(image, _onProgress, onDecoded, onPrepared) {
        const { raster, exifOrientation } = await decodeImageInput(
          image,
          host.codec,
          host.readExifOrientation,
        );
        // The same pixels, and the page cut and squared from them, serve the image
        // analysis: neither decoded nor cut a second time.
        onDecoded?.(raster);
        try {
          const result = await ocrPage(engine, raster, 0, exifOrientation, onProgress, onPrepared);
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
        decodeImage: (bytes, mime) => host.codec.decode(bytes, mime),
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

  async function answer(request: R, post: (r: ReadServiceResponse) => void): Promise<void> {
    const engine = await engineFor(request, post);
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

  return {
    handle: (request, post) =>
      answer(request, post).catch((error: unknown) =>
        post({
          type: 'error',
          id: request.id,
          message: error instanceof Error ? error.message : String(error),
        }),
      ),
  };
}
