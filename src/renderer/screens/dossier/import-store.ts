// The import's state outside React: the rows of the files being read (their progress and
// outcomes), whether a batch runs, and its failure. Kept by the dossier screen (not the
// tab) so that a batch keeps its rows and its cancel button while the person looks at
// another tab; only the import panel subscribes to it, so a file's progress re-renders
// the panel, not the dossier screen. Progress within a stage is published at most every
// PROGRESS_EVERY_MS (the OCR worker reports after every line it recognises: hundreds per
// file); a new stage or an outcome is published at once. The drop zone is never blocked:
// files dropped while others are read join the list and the queue.
import type { DocumentKind } from '../../../core/documents';
import type {
  DocumentFileInput,
  ImportOutcome,
  ImportProgress,
  ImportStage,
  Workspace,
} from '../../model/contract';

export interface ImportRow {
  name: string;
  progress: ImportProgress;
  outcome?: ImportOutcome;
}

export interface ImportState {
  rows: readonly ImportRow[];
  busy: boolean;
  /** What failed (worded by the panel in the interface's language), or null. */
  failure: unknown;
}

export interface ImportController {
  /** The state as last published (the same object until the next publication). */
  getState: () => ImportState;
  subscribe: (listener: () => void) => () => void;
  /**
   * Imports a batch. `slot`: the slot a single file was dropped on; the file is put there
   * even when its content says otherwise, and the slot then says what it looks like.
   */
  importBatch: (files: readonly File[], slot?: DocumentKind) => Promise<void>;
  cancel: () => void;
}

/** How often progress within a stage reaches the screen (a bar moving 4 times a second). */
const PROGRESS_EVERY_MS = 250;

export function createImportController(workspace: Workspace, dossierId: string): ImportController {
  let state: ImportState = { rows: [], busy: false, failure: null };
  let rows: ImportRow[] = [];
  let busy = false;
  let failure: unknown = null;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  /** Batches under way, and the rows listed (a new batch's rows go after them). */
  let active = 0;
  let listed = 0;

  function publish(): void {
    clearTimeout(timer);
    timer = undefined;
    state = { rows, busy, failure };
    for (const listener of listeners) listener();
  }
  /** Publishes within PROGRESS_EVERY_MS (one publication for every change meanwhile). */
  function publishSoon(): void {
    timer ??= setTimeout(publish, PROGRESS_EVERY_MS);
  }

  function progressed(at: number, progress: ImportProgress): void {
    const row = rows[at];
    if (!row) return;
    const shown = (p: ImportProgress) => Math.round(p.progress * 100);
    const newStage = row.progress.stage !== progress.stage;
    if (!newStage && shown(row.progress) === shown(progress)) return;
    rows = rows.map((r, i) => (i === at ? { ...r, progress } : r));
    if (newStage) publish();
    else publishSoon();
  }

  function settle(offset: number, outcomes: readonly ImportOutcome[]): void {
    rows = rows.map((r, i) => {
      const outcome = outcomes[i - offset];
      if (i < offset || !outcome) return r;
      const stage: ImportStage =
        outcome.status === 'imported'
          ? 'done'
          : outcome.status === 'cancelled'
            ? 'cancelled'
            : 'failed';
      return {
        ...r,
        outcome,
        progress: { stage, progress: stage === 'done' ? 1 : r.progress.progress },
      };
    });
  }

  function cancelled(offset: number, count: number): void {
    rows = rows.map((r, i) =>
      i < offset || i >= offset + count || r.outcome || r.progress.stage === 'done'
        ? r
        : {
            ...r,
            outcome: { fileName: r.name, status: 'cancelled' },
            progress: { stage: 'cancelled', progress: r.progress.progress },
          },
    );
  }

  async function importBatch(files: readonly File[], slot?: DocumentKind): Promise<void> {
    if (files.length === 0) return;
    if (active === 0) {
      // Nothing running: the finished batch's rows make way for this one.
      listed = 0;
      rows = [];
      failure = null;
    }
    // One cancel for everything queued; after a cancel, a new drop starts afresh.
    if (!controller || controller.signal.aborted) controller = new AbortController();
    const abort = controller;
    const offset = listed;
    listed += files.length;
    active++;
    busy = true;
    rows = [
      ...rows,
      ...files.map((f) => ({ name: f.name, progress: { stage: 'queued', progress: 0 } as const })),
    ];
    publish();
    try {
      const inputs: DocumentFileInput[] = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const outcomes = await workspace.importFiles(dossierId, inputs, {
        signal: abort.signal,
        onProgress: (index, progress) => progressed(offset + index, progress),
      });
      const placed = outcomes[0];
      // A file holding several documents puts each where its content says.
      if (
        slot &&
        files.length === 1 &&
        placed?.status === 'imported' &&
        placed.documentId &&
        !placed.documents &&
        placed.kind !== slot
      )
        await workspace.moveDocument(placed.documentId, slot);
      settle(offset, outcomes);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') cancelled(offset, files.length);
      else failure = e ?? new Error('unknown');
    } finally {
      active--;
      if (active === 0) {
        controller = null;
        busy = false;
      }
      publish();
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    importBatch,
    cancel: () => controller?.abort(),
  };
}
