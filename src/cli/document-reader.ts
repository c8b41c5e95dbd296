// The Node host's document reader: one pdfjs and at most one OCR engine for the whole
// run (the engine is created on the first page that needs OCR, and reused).
import { readFile, stat } from 'node:fs/promises';
import type { ExtractedDocument } from '../core/extraction';
import { readDocuments, type ReadDocumentDeps } from '../ocr/read-document';
import { createLazyOcrEngine, createNodeReadDocumentDeps, type OcrEngineId } from '../ocr/node';

/** Files above this are refused before they are read into memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface DocumentReader {
  /**
   * Reads a file from disk; `label` is what the result's `file` says (default: the path).
   * `bytes` is absent when the file could not be read at all.
   */
  readFile(
    path: string | Buffer,
    label?: string,
  ): Promise<{ documents: ExtractedDocument[]; bytes?: Uint8Array }>;
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
      const refused = (error: string) => ({ documents: [unreadable(label, error)] });
      if (info === null) return refused(`The file ${label} does not exist.`);
      if (!info.isFile()) return refused(`${label} is not a file.`);
      if (info.size > MAX_FILE_BYTES) {
        const mb = Math.round(info.size / 1048576);
        return refused(`The file is ${mb} MB, over the 50 MB limit.`);
      }
      const bytes = new Uint8Array(await readFile(path));
      deps ??= createNodeReadDocumentDeps(ocr);
      // One element per document the file holds (a whole dossier in one PDF gives four).
      const documents = await readDocuments({ name: label, bytes }, await deps);
      return { documents: documents.map((d) => ({ ...d, file: label })), bytes };
    },
    dispose: () => ocr.dispose(),
  };
}
