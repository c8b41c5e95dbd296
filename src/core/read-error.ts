// A file that could not be read, as the readers report it: the error they throw and the
// document that stands for the file. Plain code (the types come from extraction.ts's
// schemas), so the CLI's extract reads files without loading zod.
import type { ExtractedDocument, ReadProblem } from './extraction';

/**
 * A file that cannot be read: thrown by the readers (src/ocr) with the sentence people
 * see and its reason, and turned into an ExtractedDocument's `error` and `problem` once,
 * by readDocument.
 */
export class DocumentReadError extends Error {
  override readonly name: string = 'DocumentReadError';
  constructor(
    readonly problem: ReadProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A file no document was read from: kind unknown, nothing read; `error` (the sentence
 * people see) and `problem` (its reason) say why where the file could not be read.
 */
export function unreadDocument(
  file: string,
  error?: string,
  problem?: ReadProblem,
): ExtractedDocument {
  return {
    file,
    kind: 'unknown',
    fields: {},
    confidence: {},
    corrections: [],
    warnings: [],
    ...(error === undefined ? {} : { error }),
    ...(problem === undefined ? {} : { problem }),
  };
}
