// Browser entry for test/e2e/csp-ocr.test.ts: starts the two OCR runtimes the app ships
// (tesseract.js in its worker, onnxruntime-web's wasm) the way the renderer will, with
// every file from the page's own origin, so the test can see what the CSP must allow.
import * as ort from 'onnxruntime-web';
import { createWorker, OEM } from 'tesseract.js';

async function tesseract(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 100;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2d context');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 400, 100);
  context.fillStyle = '#000';
  context.font = '48px sans-serif';
  context.fillText('OFFLINE 42', 20, 70);
  const worker = await createWorker(['eng'], OEM.LSTM_ONLY, {
    workerPath: '/ocr/worker.min.js',
    corePath: '/ocr/core/',
    langPath: '/ocr/lang/',
    cacheMethod: 'none',
    gzip: true,
    workerBlobURL: false,
  });
  try {
    return (await worker.recognize(canvas)).data.text;
  } finally {
    await worker.terminate();
  }
}

async function onnx(): Promise<string[]> {
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create('/ocr/det.onnx');
  const names = [...session.inputNames];
  await session.release();
  return names;
}

/**
 * onnxruntime-web with two wasm threads, as the app's OCR worker asks for: runs the
 * detection model once and answers whether the page was cross-origin isolated and how
 * many threads the runtime kept (it falls back to 1, with a warning, where it cannot).
 */
async function onnxThreads(): Promise<{ isolated: boolean; threads: number; output: number }> {
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = 2;
  const session = await ort.InferenceSession.create('/ocr/det.onnx');
  try {
    const input = new ort.Tensor(
      'float32',
      new Float32Array(3 * 64 * 64).fill(0.5),
      [1, 3, 64, 64],
    );
    const out = await session.run({ [session.inputNames[0]!]: input });
    return {
      isolated: self.crossOriginIsolated,
      threads: ort.env.wasm.numThreads,
      output: out[session.outputNames[0]!]!.size,
    };
  } finally {
    await session.release();
  }
}

Object.assign(window, { ocrCsp: { tesseract, onnx, onnxThreads } });
