// The Node host's OCR engines (CLI, tests, benchmarks): every file they need is read
// from node_modules on disk; nothing is fetched.
import { copyFile, mkdir, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import exifr from 'exifr';
import type { OcrEngine } from '../core/ports';
import { createNodeRenderTarget, nodeImageCodec } from './codec-node';
import { loadPdfjsNode, nodeReadOptions } from './pdfjs-node';
import type { PdfjsLib } from './pdf-text';
import { createPdfRasteriser, type PdfRasteriser, type RasteriseOptions } from './rasterise-pdf';
import type { ReadDocumentDeps } from './read-document';
import type { ExifOrientationReader, RasterOcrEngine } from './engine';
import { createTesseractEngine } from './tesseract-engine';

const require = createRequire(import.meta.url);

export type OcrEngineId = OcrEngine['id'];
/** The default engine, chosen by `npm run bench:ocr` (see BENCHMARKS.md). */
export const DEFAULT_OCR_ENGINE: OcrEngineId = 'paddle';

export const readExifOrientationNode: ExifOrientationReader = async (bytes) => {
  const value: unknown = await exifr.orientation(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  return typeof value === 'number' ? value : undefined;
};

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
  return createTesseractEngine({
    worker,
    codec: nodeImageCodec,
    readOrientation: readExifOrientationNode,
    toImageLike: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
}

/** Creates an engine by id (default: DEFAULT_OCR_ENGINE). Create once per run and reuse. */
export async function createOcrEngine(
  id: OcrEngineId = DEFAULT_OCR_ENGINE,
): Promise<RasterOcrEngine> {
  if (id === 'tesseract') return createTesseractEngineNode();
  const { createPaddleEngineNode } = await import('./paddle/node');
  return createPaddleEngineNode();
}

export const createDefaultOcrEngine = (): Promise<RasterOcrEngine> => createOcrEngine();

/** The rasteriser's default: 200 dpi. */
const PDF_RASTER_DPI = 200;

/**
 * The resolution of the largest image on a PDF's first page, in pixels per inch of the
 * page (the scan inside an image-only PDF); undefined when the page draws no image.
 */
export async function scannedImageDpi(
  pdfjs: PdfjsLib,
  bytes: Uint8Array,
  documentParams: RasteriseOptions['documentParams'] = {},
): Promise<number | undefined> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ ...documentParams, data: bytes.slice() }).promise;
  try {
    const page = await document.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const ops = await page.getOperatorList();
    let best: number | undefined;
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.paintImageXObject) return;
      // pdfjs passes [objId, width, height] for an image XObject.
      const [, width, height] = ops.argsArray[i] as [unknown, number, number];
      const longPx = Math.max(width, height);
      const longInches = Math.max(unit.width, unit.height) / 72;
      const dpi = longPx / longInches;
      if (Number.isFinite(dpi) && (best === undefined || dpi > best)) best = dpi;
    });
    page.cleanup();
    return best;
  } finally {
    await document.destroy();
  }
}

/**
 * Renders a scanned PDF page at its scan's own resolution when that is below 200 dpi:
 * enlarging a 137-dpi scan to 200 dpi made PP-OCR misread a rare character (栖 as 梧)
 * with 0.94 confidence in the examples; the scan's own pixels read correctly.
 */
export function nativeResolutionRasteriser(
  pdfjs: PdfjsLib,
  base: PdfRasteriser,
  documentParams?: RasteriseOptions['documentParams'],
): PdfRasteriser {
  return async function* rasterise(bytes, options = {}) {
    const native = await scannedImageDpi(pdfjs, bytes, documentParams).catch(() => undefined);
    const dpi =
      native === undefined
        ? (options.dpi ?? PDF_RASTER_DPI)
        : Math.max(72, Math.min(options.dpi ?? PDF_RASTER_DPI, Math.round(native)));
    yield* base(bytes, { ...options, dpi });
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
    pdfjs,
    pdfOptions,
    rasterise: nativeResolutionRasteriser(
      pdfjs,
      createPdfRasteriser(pdfjs, createNodeRenderTarget, documentParams ? { documentParams } : {}),
      documentParams,
    ),
    ...(ocr === undefined ? {} : { ocr }),
  };
}

/**
 * An engine that is created on the first page that needs OCR and reused for every page
 * after it (a run over text-layer PDFs never loads a model).
 */
export function createLazyOcrEngine(id: OcrEngineId = DEFAULT_OCR_ENGINE): RasterOcrEngine {
  let engine: Promise<RasterOcrEngine> | undefined;
  const get = (): Promise<RasterOcrEngine> => (engine ??= createOcrEngine(id));
  return {
    id,
    recognise: async (image, onProgress) => (await get()).recognise(image, onProgress),
    recogniseRaster: async (raster, page, options, onProgress) =>
      (await get()).recogniseRaster(raster, page, options, onProgress),
    dispose: async () => {
      if (engine) await (await engine).dispose();
      engine = undefined;
    },
  };
}
