// pdfjs-dist for Node: the legacy build (the standard build needs browser APIs that
// Node 20 lacks), with cMaps and standard fonts read from node_modules, never fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Pdfjs from 'pdfjs-dist';
import type { DocumentText } from '../core/extraction';
import { readPdfText, type PdfjsLib, type ReadPdfOptions } from './pdf-text';

let loaded: Promise<PdfjsLib> | undefined;

/**
 * The minified legacy build and its minified worker (run in this thread, pdfjs's "fake
 * worker"): the same code, but with no source-map comment. Under tsx, which turns Node's
 * source maps on, the unminified build's first Error stack (core-js probes one as it loads)
 * parsed its 2.4 MB map and the worker's 5.8 MB one, on every CLI call that read a PDF.
 */
const PDFJS_BUILD = 'pdfjs-dist/legacy/build/pdf.min.mjs';
const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';

async function importPdfjs(): Promise<PdfjsLib> {
  const require = createRequire(import.meta.url);
  const pdfjs = (await import(pathToFileURL(require.resolve(PDFJS_BUILD)).href)) as Pick<
    typeof Pdfjs,
    'getDocument' | 'OPS' | 'GlobalWorkerOptions'
  >;
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve(PDFJS_WORKER)).href;
  return pdfjs;
}

/** The pdfjs legacy build, loaded once. */
export function loadPdfjsNode(): Promise<PdfjsLib> {
  loaded ??= importPdfjs();
  return loaded;
}

function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/** getDocument parameters for Node: local cMaps (Chinese CID fonts need them), no font faces, no eval. */
export function nodeReadOptions(maxPages?: number): ReadPdfOptions {
  const root = pdfjsRoot();
  return {
    ...(maxPages === undefined ? {} : { maxPages }),
    documentParams: {
      cMapUrl: join(root, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      disableFontFace: true,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    },
  };
}

/** readPdfText with Node's pdfjs; throws PdfReadError as readPdfText does. */
export async function readPdfTextNode(bytes: Uint8Array, maxPages?: number): Promise<DocumentText> {
  return readPdfText(bytes, await loadPdfjsNode(), nodeReadOptions(maxPages));
}
