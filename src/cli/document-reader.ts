// The Node host's document reader: one pdfjs and at most one OCR engine for the whole
// run (the engine is created on the first page that needs OCR, and reused).
import { readFile, stat } from 'node:fs/promises';
import type { ExtractedDocument } from '../core/extraction';
import { unreadDocument } from '../core/read-error';
import { INTAKE_LIMITS, tooLarge } from '../core/intake';
import { readDocuments, type ReadDocumentDeps } from '../ocr/read-document';
import { sniffMime } from '../core/file-type';
import { printable } from './format';
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

/** Told once per process, however many readers a command makes (deadlines: one per folder). */
let toldNativeFailure = false;

/** The sentence `dossier` prints when OCR fell back from onnxruntime-node to WebAssembly. */
export const nativeFailureNotice = (reason: string): string =>
  `dossier: the native OCR runtime (onnxruntime-node) could not be used (${reason}), so OCR runs on WebAssembly, about 2.4 times slower.`;

export interface DocumentReaderOptions {
  engine?: OcrEngineId;
  /** One sentence for the user (standard error), e.g. that OCR fell back to WebAssembly. */
  onNotice?: (message: string) => void;
}

export function createDocumentReader(options: DocumentReaderOptions = {}): DiskDocumentReader {
  const ocr = createLazyOcrEngine(options.engine);
  let pdfDeps: Promise<ReadDocumentDeps> | undefined;
  const imageDeps = createNodeImageReadDeps(ocr);
  return {
    async readFile(path, label = path.toString()) {
      const info = await stat(path).catch(() => null);
      const refused = (error: string) => ({ documents: [unreadDocument(label, error)] });
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
      // The engine exists once a page needed OCR: its runtime goes on the documents it read.
      const runtime = ocr.runtime;
      if (runtime?.nativeFailure !== undefined && !toldNativeFailure) {
        toldNativeFailure = true;
        options.onNotice?.(printable(nativeFailureNotice(runtime.nativeFailure)));
      }
      const ocrRuntime = (d: ExtractedDocument) =>
        runtime && d.source !== undefined && d.source !== 'pdf-text'
          ? { ocrRuntime: runtime.runtime }
          : {};
      return {
        documents: documents.map((d) => ({ ...d, file: label, ...ocrRuntime(d) })),
        bytes,
      };
    },
    dispose: () => ocr.dispose(),
  };
}
