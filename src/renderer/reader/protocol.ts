// Messages between the reader (main thread) and its OCR workers (ocr.worker.ts): the read
// service's (src/ocr/read-service.ts), which the native OCR host answers too
// (src/shared/ocr-host.ts, less the URLs and threads).
import type { PaddleAssetUrls, TesseractAssetUrls } from '../../ocr/engines.web';
import type { ReadServiceRequest, ReadServiceResponse } from '../../ocr/read-service';

export interface OcrAssetUrls {
  paddle: PaddleAssetUrls;
  tesseract: TesseractAssetUrls;
}

/** Every URL under `base` (absolute, ending in /): files the build copies (RUNTIME_ASSETS). */
export function ocrAssetUrls(base: string): OcrAssetUrls {
  const at = (path: string): string => new URL(path, base).href;
  return {
    paddle: {
      ortWasmPath: at('ocr/ort/'),
      det: at('ocr/paddle/ch_PP-OCRv4_det_infer.onnx'),
      rec: at('ocr/paddle/ch_PP-OCRv4_rec_infer.onnx'),
      cls: at('ocr/paddle/ch_ppocr_mobile_v2.0_cls_infer.onnx'),
      keys: at('ocr/paddle/ppocr_keys_v1.txt'),
    },
    tesseract: {
      workerPath: at('ocr/tesseract/worker.min.js'),
      corePath: at('ocr/tesseract/core/'),
      langPath: at('ocr/tesseract/lang/'),
    },
  };
}

/** What a wasm worker needs besides the request: where its files are, how many threads. */
interface WorkerExtras {
  urls: OcrAssetUrls;
  /** Wasm threads for the worker's PP-OCR engine (used when the engine is created). */
  threads: number;
}

/** The read service's requests (src/ocr/read-service.ts), with the worker's extras. */
export type WorkerRequest = ReadServiceRequest & WorkerExtras;

/** A request as the reader makes it, before it goes to a wasm worker or the native host. */
export type ReaderRequest = ReadServiceRequest;

export type WorkerResponse = ReadServiceResponse;
