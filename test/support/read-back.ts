// Reading packs back the way a recipient would, with readers that are not the ones that
// wrote them and need nothing outside npm: 7-Zip's 7za (npm 7zip-bin; the pack is written
// by fflate) for the zip, pdfjs-dist for the report PDF (written by pdf-lib).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { SEVEN_ZIP_PATH } from '../../scripts/seven-zip';
import { nodeImageCodec, createNodeRenderTarget } from '../../src/ocr/codec.node.ts';
import type { PdfjsLib } from '../../src/ocr/pdf-text';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { createPdfRasteriser } from '../../src/ocr/rasterise-pdf';
import { REPO_ROOT } from '../cli/run-cli';

// 7za converts entry names through the locale: UTF-8, so Chinese names come out as written.
const SEVEN_ZIP_ENV = { ...process.env, LC_ALL: 'C.UTF-8' };

function sevenZip(args: string[]): Buffer {
  return execFileSync(SEVEN_ZIP_PATH, args, { env: SEVEN_ZIP_ENV, maxBuffer: 1 << 28 });
}

/** 7za's integrity test of every entry (CRC and structure); true when it reports no error. */
export function zipTestsOk(zipPath: string): boolean {
  return /Everything is Ok/.test(sevenZip(['t', zipPath]).toString('utf8'));
}

/** The entry names as 7za lists them, in archive order. */
export function zipNames(zipPath: string): string[] {
  return sevenZip(['l', '-slt', '-ba', zipPath])
    .toString('utf8')
    .split('\n')
    .filter((line) => line.startsWith('Path = '))
    .map((line) => line.slice('Path = '.length).trim());
}

/** One entry's bytes, extracted by 7za. */
export function zipEntry(zipPath: string, name: string): Buffer {
  return sevenZip(['e', '-so', zipPath, name]);
}

/** Extracts the whole zip into `outDir` with 7za. */
export function zipExtract(zipPath: string, outDir: string): void {
  sevenZip(['x', '-y', `-o${outDir}`, zipPath]);
}

async function withPdf<T>(
  bytes: Uint8Array,
  read: (document: PDFDocumentProxy, ops: PdfjsLib['OPS']) => Promise<T>,
): Promise<T> {
  const pdfjs = await loadPdfjsNode();
  const { documentParams } = nodeReadOptions();
  const document = await pdfjs.getDocument({ ...documentParams, data: bytes.slice() }).promise;
  try {
    return await read(document, pdfjs.OPS);
  } finally {
    await document.destroy();
  }
}

/** The text of one page of a PDF (1-based) as pdfjs-dist reads it, one text run a line. */
export function pdfPageText(bytes: Uint8Array, page = 1): Promise<string> {
  return withPdf(bytes, async (document) => {
    const content = await (await document.getPage(page)).getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
  });
}

export interface PdfFont {
  /** The font's PostScript name (a subset prefix included, e.g. ABCDEF+NotoSansHans-Regular). */
  name: string;
  embedded: boolean;
}

/** The page count and the fonts the first page uses, as pdfjs loads them. */
export function pdfInfo(bytes: Uint8Array): Promise<{ pages: number; fonts: PdfFont[] }> {
  return withPdf(bytes, async (document, OPS) => {
    const page = await document.getPage(1);
    const ops = await page.getOperatorList();
    const ids = new Set<string>();
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.setFont) ids.add((ops.argsArray[i] as [string])[0]);
    });
    const fonts = [...ids].map((id) => {
      const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean };
      return { name: font.name ?? id, embedded: font.missingFile === false };
    });
    return { pages: document.numPages, fonts };
  });
}

/**
 * Page 1 rendered by pdfjs at `dpi`, written to test-results/<name>.png for a person to look
 * at; returns the share of pixels that are not white (0 for a blank page).
 */
export async function renderFirstPage(bytes: Uint8Array, name: string, dpi = 80): Promise<number> {
  const rasterise = createPdfRasteriser(await loadPdfjsNode(), createNodeRenderTarget, {
    documentParams: nodeReadOptions().documentParams,
  });
  for await (const raster of rasterise(bytes, { dpi, maxPages: 1 })) {
    const results = join(REPO_ROOT, 'test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, `${name}.png`), await nodeImageCodec.encode(raster, 'png'));
    let inked = 0;
    for (let i = 0; i < raster.data.length; i += 4) {
      if (raster.data[i]! < 200 || raster.data[i + 1]! < 200 || raster.data[i + 2]! < 200) inked++;
    }
    return inked / (raster.width * raster.height);
  }
  return 0;
}
