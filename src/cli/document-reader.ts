// The Node host's document reader: one pdfjs and at most one OCR engine for the whole
// run (the engine is created on the first page that needs OCR, and reused).
import { readFile, stat } from 'node:fs/promises';
import type { ExtractedDocument } from '../core/extraction';
import { readDocument, type ReadDocumentDeps } from '../ocr/read-document';
import { createLazyOcrEngine, createNodeReadDocumentDeps, type OcrEngineId } from '../ocr/node';

/** Files above this are refused before they are read into memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface DocumentReader {
  /**
   * Reads a file from disk; `label` is what the result's `file` says (default: the path).
   * `bytes` is absent when the file could not be read at all.
   */
  readFile(path: string | Buffer, label?: string): Promise<{ document: ExtractedDocument; bytes?: Uint8Array }>;
  dispose(): Promise<void>;
}

export function unreadable(file: string, error: string): ExtractedDocument {
  return { file, kind: 'unknown', fields: {}, confidence: {}, corrections: [], warnings: [], error };
}

export function createDocumentReader(engineId?: OcrEngineId): DocumentReader {
  const ocr = createLazyOcrEngine(engineId);
  let deps: Promise<ReadDocumentDeps> | undefined;
  return {
    async readFile(path, label = path.toString()) {
      const info = await stat(path).catch(() => null);
      if (info === null) return { document: unreadable(label, `The file ${label} does not exist.`) };
      if (!info.isFile()) return { document: unreadable(label, `${label} is not a file.`) };
      if (info.size > MAX_FILE_BYTES) {
        const mb = Math.round(info.size / 1048576);
        return { document: unreadable(label, `The file is ${mb} MB, over the 50 MB limit.`) };
      }
      const bytes = new Uint8Array(await readFile(path));
      deps ??= createNodeReadDocumentDeps(ocr);
      const doc = await readDocument({ name: label, bytes }, await deps);
      return { document: { ...doc, file: label }, bytes };
    },
    dispose: () => ocr.dispose(),
  };
}
