// One OCR worker of the reader's pool: one engine (PP-OCR on onnxruntime-web, or
// tesseract.js), created on the first page that needs it (or when asked to load ahead) and
// reused for every later one. The requests are answered by the shared read service
// (src/ocr/read-service.ts, which the native OCR host uses too): a JPG or PNG is read here
// whole (decode, OCR, extraction, quality and seal analysis), so the renderer's main thread
// only posts the bytes and gets the documents back; a PDF's pages, rendered on the main
// thread by pdfjs, come here one raster at a time.
// Every file it loads comes from the app's own origin (URLs in each request).
import {
  createPaddleEngineBrowser,
  createTesseractEngineBrowser,
  readExifOrientationBrowser,
} from '../../ocr/engines.web';
import { browserImageCodec } from '../../ocr/codec.web';
import type { RasterOcrEngine } from '../../ocr/engine';
import { createReadService } from '../../ocr/read-service';
import type { WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

async function createEngine({ engine, urls, threads }: WorkerRequest): Promise<RasterOcrEngine> {
  if (engine === 'tesseract') return createTesseractEngineBrowser(urls.tesseract);
  // The wasm-only build: no WebGPU/WebGL code, one 14 MB wasm file.
  const ort = await import('onnxruntime-web/wasm');
  ort.env.logLevel = 'error';
  return createPaddleEngineBrowser(ort, urls.paddle, { threads });
}

const service = createReadService<WorkerRequest>({
  createEngine,
  codec: browserImageCodec,
  readExifOrientation: readExifOrientationBrowser,
});

scope.onmessage = (event) => {
  void service.handle(event.data, (r) => scope.postMessage(r));
};
