/// <reference types="vite/client" />
// pdfjs-dist in the renderer: the standard browser build, its worker bundled with the
// app (a ?url import: a file of the app's own origin, never a CDN), and the CJK cMaps and
// standard fonts the build copies to pdfjs/ (see electron.vite.config.ts).
import type { PdfjsLib, ReadPdfOptions } from '../ocr/pdf-text';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let loaded: Promise<PdfjsLib> | undefined;

export function loadPdfjsBrowser(): Promise<PdfjsLib> {
  loaded ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loaded;
}

/** getDocument parameters: local cMaps (Chinese CID fonts need them), no eval, no font faces. */
export function browserReadOptions(assetBase: string = document.baseURI): ReadPdfOptions {
  const base = new URL('pdfjs/', assetBase).href;
  return {
    documentParams: {
      cMapUrl: `${base}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${base}standard_fonts/`,
      disableFontFace: true,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    },
  };
}
