// Messages between the reader (main thread) and its OCR worker (ocr.worker.ts).
import type { DocumentKind } from '../../core/documents';
import type { ExtractedDocument, PageText } from '../../core/extraction';
import type { OcrEngineId, PageGeometry } from '../model/contract';
import type { PaddleAssetUrls, TesseractAssetUrls } from '../../ocr/engines.web';

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

interface RequestBase {
  id: number;
  engine: OcrEngineId;
  urls: OcrAssetUrls;
  /** Wasm threads for the worker's PP-OCR engine (used when the engine is created). */
  threads: number;
}

export type WorkerRequest =
  /** Load the engine now, before any page needs it. */
  | (RequestBase & { type: 'load' })
  /** A whole JPG or PNG file, read in the worker into the documents it holds. */
  | (RequestBase & { type: 'read'; name: string; bytes: Uint8Array; kind?: DocumentKind })
  /** One page of an image-only PDF, rendered on the main thread. */
  | (RequestBase & {
      type: 'raster';
      page: number;
      width: number;
      height: number;
      data: Uint8ClampedArray;
    });

export type WorkerResponse =
  | { type: 'progress'; id: number; stage: 'loading-ocr' | 'ocr'; progress: number }
  | { type: 'page'; id: number; page: PageText; geometry: PageGeometry }
  | { type: 'documents'; id: number; documents: ExtractedDocument[]; pages: PageGeometry[] }
  | { type: 'loaded'; id: number }
  /** The engine (not the file) failed: a file's own faults come back as documents' errors. */
  | { type: 'error'; id: number; message: string };
