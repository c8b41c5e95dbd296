// The Node host's OCR engines (CLI, tests, benchmarks): every file they need is read
// from node_modules on disk; nothing is fetched.
import { copyFile, mkdir, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OcrEngine, OcrEngineId } from '../core/ports';
import { createNodeRenderTarget, nodeImageCodec } from './codec.node.ts';
import { readExifOrientationNode } from './exif.node.ts';
import { loadPdfjsNode, nodeReadOptions } from './pdfjs.node.ts';
import { createPdfRasteriser } from './rasterise-pdf';
import type { ReadDocumentDeps } from './read-document';
import type { OcrRuntimeInfo, RasterOcrEngine } from './engine';
import { createTesseractEngine } from './tesseract-engine';

const require = createRequire(import.meta.url);

/** The default engine, chosen by `npm run bench:ocr` (see BENCHMARKS.md). */
export const DEFAULT_OCR_ENGINE: OcrEngineId = 'paddle';

export { readExifOrientationNode };

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * tesseract.js reads every language from one `langPath` folder, but chi_sim and eng are
 * two npm packages; a folder of links to both (in the OS temp dir) joins them. (Passing
 * the bytes as `{ code, data }` breaks `initialize` in tesseract.js 7.0.)
 */
async function localLangPath(): Promise<string> {
  const dir = join(tmpdir(), `dossier-tessdata-${process.getuid?.() ?? 0}`);
  await mkdir(dir, { recursive: true });
  for (const lang of ['chi_sim', 'eng']) {
    const target = join(
      packageDir(`@tesseract.js-data/${lang}`),
      '4.0.0_best_int',
      `${lang}.traineddata.gz`,
    );
    const link = join(dir, `${lang}.traineddata.gz`);
    const current = await readlink(link).catch(() => null);
    if (current === target) continue;
    await rm(link, { force: true });
    await symlink(target, link).catch(async () => copyFile(target, link));
  }
  return dir;
}

/** tesseract.js with chi_sim + eng (4.0.0_best_int) read from node_modules; cacheMethod 'none'. */
export async function createTesseractEngineNode(): Promise<RasterOcrEngine> {
  const { createWorker, OEM } = await import('tesseract.js');
  const tesseractDir = packageDir('tesseract.js');
  const worker = await createWorker(['chi_sim', 'eng'], OEM.LSTM_ONLY, {
    workerPath: join(tesseractDir, 'src', 'worker-script', 'node', 'index.js'),
    corePath: packageDir('tesseract.js-core'),
    // Never read or write a traineddata cache, never download one: the bytes are passed in.
    cacheMethod: 'none',
    langPath: await localLangPath(),
  });
  const engine = await createTesseractEngine({
    worker,
    codec: nodeImageCodec,
    readOrientation: readExifOrientationNode,
    toImageLike: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  // tesseract.js runs its own WebAssembly build in Node as in the browser.
  return Object.assign(engine, { runtime: { runtime: 'wasm' } satisfies OcrRuntimeInfo });
}

/** Creates an engine by id (default: DEFAULT_OCR_ENGINE). Create once per run and reuse. */
export async function createOcrEngine(
  id: OcrEngineId = DEFAULT_OCR_ENGINE,
): Promise<RasterOcrEngine> {
  if (id === 'tesseract') return createTesseractEngineNode();
  const { createPaddleEngineNode } = await import('./paddle/engine.node.ts');
  return createPaddleEngineNode();
}

export const createDefaultOcrEngine = (): Promise<RasterOcrEngine> => createOcrEngine();

/**
 * What readDocument needs in Node for image files: the codec and the OCR engine, without pdfjs (loading it took about half a second of CPU per CLI call).
 */
export function createNodeImageReadDeps(ocr?: OcrEngine): ReadDocumentDeps {
  return {
    decodeImage: (bytes, mime) => nodeImageCodec.decode(bytes, mime),
    ...(ocr === undefined ? {} : { ocr }),
  };
}

/**
 * Everything readDocument needs in Node: the pdfjs legacy build with local cMaps and
 * fonts, a page rasteriser on @napi-rs/canvas (image-only PDFs), and the OCR engine.
 */
export async function createNodeReadDocumentDeps(ocr?: OcrEngine): Promise<ReadDocumentDeps> {
  const pdfjs = await loadPdfjsNode();
  const pdfOptions = nodeReadOptions();
  const documentParams = pdfOptions.documentParams;
  return {
    ...createNodeImageReadDeps(ocr),
    pdfjs,
    pdfOptions,
    rasterise: createPdfRasteriser(pdfjs, createNodeRenderTarget, {
      ...(documentParams ? { documentParams } : {}),
      nativeResolution: true,
    }),
  };
}

/**
 * An engine that is created on the first page that needs OCR and reused for every page
 * after it (a run over text-layer PDFs never loads a model). Its `runtime` is the created
 * engine's, once there is one.
 */
export function createLazyOcrEngine(id: OcrEngineId = DEFAULT_OCR_ENGINE): RasterOcrEngine {
  let engine: Promise<RasterOcrEngine> | undefined;
  let created: RasterOcrEngine | undefined;
  const get = (): Promise<RasterOcrEngine> =>
    (engine ??= createOcrEngine(id).then((e) => (created = e)));
  return {
    id,
    get runtime() {
      return created?.runtime;
    },
    recognise: async (image, onProgress, onDecoded, onPrepared) =>
      (await get()).recognise(image, onProgress, onDecoded, onPrepared),
    recogniseRaster: async (raster, page, options, onProgress) =>
      (await get()).recogniseRaster(raster, page, options, onProgress),
    dispose: async () => {
      if (engine) await (await engine).dispose();
      engine = undefined;
      created = undefined;
    },
  };
}
