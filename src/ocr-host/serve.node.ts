// The native OCR host: the CLI's reader (the shared read service of src/ocr/read-service.ts
// with the Node codec and engines.node.ts: PP-OCR on onnxruntime-node, falling back to
// onnxruntime-web's wasm where the native library cannot load) serving the renderer's
// reader over a message port. It runs in its own process (an Electron utility process in
// the app: utility.node.ts; a Node child process in tests and bench:ui: child.node.ts),
// never in main. Every message it gets is parsed with OcrHostRequestSchema; one that does
// not match is answered with an error (when it has an id) and never acted on. Files are
// read one at a time, whatever the number of ports: one engine, one model in memory, its
// native threads (2 on 2 cores) doing the work.
import type { OcrEngineId } from '../core/ports';
import { nodeImageCodec } from '../ocr/codec.node.ts';
import type { RasterOcrEngine } from '../ocr/engine';
import { createOcrEngine, readExifOrientationNode } from '../ocr/engines.node.ts';
import { createReadService, type ReadServiceResponse } from '../ocr/read-service';
import {
  OcrHostRequestSchema,
  requestIdOf,
  type OcrHostRequest,
  type OcrHostResponse,
} from '../shared/ocr-host';

/** One connection to the page (a MessagePort in Electron, the child's IPC channel in Node). */
export interface HostPort {
  post(message: OcrHostResponse): void;
  /** Registers the one listener; called with each message's data as received. */
  listen(listener: (data: unknown) => void): void;
}

export interface OcrHost {
  /** Serves one more connection (a reloaded page gets a new one). */
  serve(port: HostPort): void;
  /** Ends the engine (the process is about to exit). */
  dispose(): Promise<void>;
}

export interface OcrHostOptions {
  /** Creates the engine (default: engines.node.ts createOcrEngine, native PP-OCR). */
  createEngine?: (id: OcrEngineId) => Promise<RasterOcrEngine>;
}

/**
 * The answer as the host sends it: documents read by OCR say which runtime read them, as
 * the CLI's do (`ocrRuntime`: native, or wasm where onnxruntime-node could not load).
 */
function withRuntime(r: ReadServiceResponse, engine: RasterOcrEngine | undefined): OcrHostResponse {
  const runtime = engine?.runtime?.runtime;
  if (r.type !== 'documents' || runtime === undefined) return r;
  return {
    ...r,
    documents: r.documents.map((d) =>
      d.source !== undefined && d.source !== 'pdf-text' ? { ...d, ocrRuntime: runtime } : d,
    ),
  };
}

export function createOcrHost(options: OcrHostOptions = {}): OcrHost {
  /** The engine last created (the read service disposes the one it replaces). */
  let latest: RasterOcrEngine | undefined;
  const create = options.createEngine ?? createOcrEngine;
  const service = createReadService<OcrHostRequest>({
    createEngine: async ({ engine }) => {
      latest = await create(engine);
      return latest;
    },
    codec: nodeImageCodec,
    readExifOrientation: readExifOrientationNode,
  });
  // One request at a time, in the order they came, across every port.
  let queue: Promise<void> = Promise.resolve();
  return {
    serve(port) {
      port.listen((data) => {
        const parsed = OcrHostRequestSchema.safeParse(data);
        if (!parsed.success) {
          const id = requestIdOf(data);
          const issue = parsed.error.issues[0];
          const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
          if (id !== undefined)
            port.post({
              type: 'error',
              id,
              message: `The OCR host refused a malformed request${where}.`,
            });
          return;
        }
        const request = parsed.data;
        queue = queue.then(() =>
          service.handle(request, (response) => port.post(withRuntime(response, latest))),
        );
      });
    },
    async dispose() {
      await queue;
      await latest?.dispose();
      latest = undefined;
    },
  };
}
