// pdfjs-dist for Node: the legacy build (the standard build needs browser APIs that
// Node 20 lacks), with cMaps and standard fonts read from node_modules, never fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocumentText } from '../core/extraction';
import { readPdfText, type PdfjsLib, type ReadPdfOptions } from './pdf-text';

let loaded: Promise<PdfjsLib> | undefined;

/** The pdfjs legacy build, loaded once. */
export function loadPdfjsNode(): Promise<PdfjsLib> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfjsLib>;
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
