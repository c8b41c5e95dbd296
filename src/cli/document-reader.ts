// The Node host's document reader: one pdfjs and at most one OCR engine for the whole
// run (the engine is created on the first page that needs OCR, and reused).
import { readFile, stat } from 'node:fs/promises';
import type { ExtractedDocument } from '../core/extraction';
import { INTAKE_LIMITS, tooLarge } from '../core/intake';
import { readDocuments, type ReadDocumentDeps } from '../ocr/read-document';
import { sniffMime } from '../core/file-type';
import {
  createLazyOcrEngine,
  createNodeImageReadDeps,
  createNodeReadDocumentDeps,
} from '../ocr/engines.node.ts';
import type { OcrEngineId } from '../core/ports';

/** Reads documents from files on disk (the renderer's DocumentReader reads bytes it was given). */
export interface DiskDocumentReader {
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
  return {
    file,
    kind: 'unknown',
    fields: {},
    confidence: {},
    corrections: [],
    warnings: [],
    error,
  };
}

export function createDocumentReader(engineId?: OcrEngineId): DiskDocumentReader {
  const ocr = createLazyOcrEngine(engineId);
  let pdfDeps: Promise<ReadDocumentDeps> | undefined;
  const imageDeps = createNodeImageReadDeps(ocr);
  return {
    async readFile(path, label = path.toString()) {
      const info = await stat(path).catch(() => null);
      const refused = (error: string) => ({ documents: [unreadable(label, error)] });
      if (info === null) return refused(`The file ${label} does not exist.`);
      if (!info.isFile()) return refused(`${label} is not a file.`);
      // The intake limit (src/core/intake.ts), checked before the file is read into memory.
      if (info.size > INTAKE_LIMITS.maxFileBytes) return refused(tooLarge(info.size).message);
      const bytes = new Uint8Array(await readFile(path));
      // pdfjs is loaded for the first PDF only: a run over images never needs it.
      const deps =
        sniffMime(bytes) === 'application/pdf'
          ? await (pdfDeps ??= createNodeReadDocumentDeps(ocr))
          : imageDeps;
      // One element per document the file holds (a whole dossier in one PDF gives four).
      const documents = await readDocuments({ name: label, bytes }, deps);
      return { documents: documents.map((d) => ({ ...d, file: label })), bytes };
    },
    dispose: () => ocr.dispose(),
  };
}
