// Importing files into a dossier: each is read (progress by stage; the reader runs as many
// at once as it has OCR workers), then stored one at a time, each document it holds with
// what was read from it in one vault transaction; a refusal or a duplicate becomes the
// outcome the import panel shows.
import type { DetectedKind } from '../../core/documents';
import type { ReadProblem } from '../../core/extraction';
import { DuplicateFileError, ImportRefusedError } from '../../vault';
import type {
  DocumentFileInput,
  DocumentReader,
  ImportOutcome,
  ImportProgress,
  ReadResult,
} from './contract';
import type { VaultPort } from './vault-port';

/** Share of a file's progress bar each stage ends at (reading is most of the time). */
const STAGE_END = { reading: 0.1, 'loading-ocr': 0.3, ocr: 0.85, extracting: 0.9 } as const;

export function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The stage before `stage` in reading order (its progress starts where that one ended). */
function previousStage(stage: 'loading-ocr' | 'ocr' | 'extracting'): keyof typeof STAGE_END {
  return stage === 'loading-ocr' ? 'reading' : stage === 'ocr' ? 'loading-ocr' : 'ocr';
}

export type ImportOne = (
  dossierId: string,
  file: DocumentFileInput,
  report: (p: ImportProgress) => void,
  signal: AbortSignal | undefined,
) => Promise<ImportOutcome>;

/** The workspace's importer of one file (its stores queued behind each other). */
export function createImporter(vault: VaultPort, reader: DocumentReader): ImportOne {
  /** Stores run one at a time: a file's duplicate check sees every file stored before it. */
  let storing: Promise<unknown> = Promise.resolve();
  function storeLock<T>(store: () => Promise<T>): Promise<T> {
    const run = storing.then(store);
    storing = run.catch(() => undefined);
    return run;
  }

  async function importOne(
    dossierId: string,
    file: DocumentFileInput,
    report: (p: ImportProgress) => void,
    signal: AbortSignal | undefined,
  ): Promise<ImportOutcome> {
    if (signal?.aborted) throw abortError();
    const result = await reader.read(file, {
      signal,
      onProgress: (p) => {
        const start = p.stage === 'reading' ? 0 : STAGE_END[previousStage(p.stage)];
        report({ stage: p.stage, progress: start + (STAGE_END[p.stage] - start) * p.progress });
      },
    });
    if (signal?.aborted) throw abortError();
    const { document } = result;
    if (document.error !== undefined) {
      // A reader error without a code is 'other': the interface then shows its sentence
      // as it is.
      const problem: ReadProblem = document.problem ?? { reason: 'other' };
      const { reason, values } = problem;
      return {
        fileName: file.name,
        status: 'unreadable',
        reason,
        ...(values ? { values } : {}),
        message: document.error,
      };
    }

    return storeLock(() => {
      if (signal?.aborted) throw abortError();
      return storeRead(dossierId, file, result, report);
    });
  }

  /** Stores a file as read (its documents, each a vault document), in one transaction each. */
  async function storeRead(
    dossierId: string,
    file: DocumentFileInput,
    result: ReadResult,
    report: (p: ImportProgress) => void,
  ): Promise<ImportOutcome> {
    const { pages } = result;
    const documents = result.documents ?? [result.document];
    report({ stage: 'saving', progress: 0.95 });
    const stored: { documentId: string; kind: DetectedKind }[] = [];
    try {
      // Each document of the file is one vault document holding the file (its page and
      // region in its reading), so that it fills its own slot and is reviewed, confirmed
      // and exported on its own. One transaction each: the file, its fields and its
      // reading are stored together or not at all; only the first may be a duplicate.
      for (const [index, part] of documents.entries()) {
        const info = await vault.importFile(
          dossierId,
          {
            name: file.name,
            bytes: new Uint8Array(file.bytes),
            kind: part.kind,
            pages: Math.max(1, pages.length),
          },
          {
            allowDuplicate: index > 0,
            read: {
              fields: Object.entries(part.fields).map(([field, value]) => ({
                field,
                value,
                confidence: part.confidence[field] ?? 0,
                box: part.boxes?.[field] ?? null,
                corrections: part.corrections.filter((c) => c.field === field),
              })),
              reading: {
                source: part.source ?? null,
                detectedKind: part.kind,
                warnings: part.warnings,
                needsConfirmation: part.needsConfirmation ?? [],
                error: null,
                pages,
                ...(part.quality ? { quality: part.quality } : {}),
                ...(part.seal ? { seal: part.seal } : {}),
                ...(part.text ? { text: part.text } : {}),
                ...(documents.length > 1
                  ? {
                      part: {
                        page: part.page ?? 0,
                        ...(part.pages ? { pages: part.pages } : {}),
                        ...(part.region ? { region: part.region } : {}),
                        index,
                        count: documents.length,
                      },
                    }
                  : {}),
              },
            },
          },
        );
        stored.push({ documentId: info.id, kind: part.kind });
      }
    } catch (error) {
      if (error instanceof DuplicateFileError) {
        return {
          fileName: file.name,
          status: 'duplicate',
          reason: 'duplicate',
          values: { company: error.company },
          message: error.message,
        };
      }
      if (error instanceof ImportRefusedError) {
        return {
          fileName: file.name,
          status: 'refused',
          reason: error.problem.reason,
          ...(error.problem.values ? { values: error.problem.values } : {}),
          message: error.message,
        };
      }
      throw error;
    }
    const first = stored[0]!;
    const alsoIn = await vault.otherDossiersWithFile(first.documentId);
    return {
      fileName: file.name,
      status: 'imported',
      documentId: first.documentId,
      kind: first.kind,
      ...(stored.length > 1 ? { documents: stored } : {}),
      ...(alsoIn.length > 0 ? { alsoIn } : {}),
    };
  }

  return importOne;
}
