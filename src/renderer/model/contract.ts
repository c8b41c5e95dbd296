// The contract between the renderer's screens and what they work on: the unlocked vault,
// the document reader (pdfjs + OCR, lazily loaded) and the checks. Screens talk to one
// `Workspace` (React context, src/renderer/model/workspace-context.tsx); they never read
// IndexedDB or run OCR themselves.
import type { CheckId, CheckRun } from '../../core/checks';
import type { AcceptedException, Account, Declared, DossierInput } from '../../core/dossier';
import type { DetectedKind, DocumentKind } from '../../core/documents';
import type { ExtractedDocument, PageGeometry, ReadProblemReason } from '../../core/extraction';
import type { OcrEngineId } from '../../core/ports';
import type { CalendarDeadline, ChangeEvent, ChangeKind, DeadlineItem } from '../../core/deadlines';
import type {
  AuditVerdict,
  CopyRegisterRow,
  Dossier,
  DossierSummary,
  DocumentInfo,
  ExtractedField,
  StoredAccount,
  UndoTicket,
  VaultSettings,
} from '../../vault';
import type { VaultPort } from './vault-port';
import type { AuditRow, ShownField } from './workspace-verdict';

export type { AuditRow, ShownField } from './workspace-verdict';

// ── Reading files (src/renderer/reader) ───────────────────────────────────────

/** The page geometry is the core's (src/core/extraction.ts), stored by the vault. */
export type { PageGeometry };

export interface ReadResult {
  /** The file's first document (the only one of most files). */
  document: ExtractedDocument;
  /**
   * Every document the file holds, in page order, each with its page and region (a whole
   * dossier in one PDF, both ID sides on one page); absent: `document` alone.
   */
  documents?: ExtractedDocument[];
  pages: PageGeometry[];
}

export type ReadStage = 'reading' | 'loading-ocr' | 'ocr' | 'extracting';

export interface ReadProgress {
  stage: ReadStage;
  /** 0..1 within the stage. */
  progress: number;
}

export type { OcrEngineId };

export interface DocumentFileInput {
  name: string;
  bytes: Uint8Array;
}

export interface DocumentReader {
  /**
   * Reads one file (PDF text layer, else OCR). Never throws for a bad file (the reason is
   * in `document.error`); rejects with a DOMException named 'AbortError' when `signal`
   * aborts. OCR runs off the main thread; the engine is created once and reused.
   */
  read(
    file: DocumentFileInput,
    options?: {
      onProgress?: (p: ReadProgress) => void;
      signal?: AbortSignal;
      /** Read the text as this kind (a person chose it) instead of classifying it. */
      kind?: DocumentKind;
    },
  ): Promise<ReadResult>;
  /**
   * An image of page `index` drawn in the coordinate space of its boxes (width × height of
   * `geometry`, times `scale`), for the review screen.
   */
  renderPage(
    file: { bytes: Uint8Array; mime: string },
    index: number,
    geometry: PageGeometry,
    scale?: number,
  ): Promise<Blob>;
  /** Engine used for the next read (the setting); switching disposes the old one. */
  setEngine(engine: OcrEngineId): void;
  /**
   * Loads the OCR engine now, while a person is still choosing files, so the first scan
   * does not wait for it. Settles when loaded; a failure is the next read's to report.
   */
  prepare(): Promise<void>;
  dispose(): Promise<void>;
}

// ── What the screens see ──────────────────────────────────────────────────────

export interface DocumentView {
  info: DocumentInfo;
  /** How it was read (null: not read yet, e.g. a crash between import and OCR). */
  pages: PageGeometry[];
  /** Fields as stored in the vault: OCR value, confidence, box, corrections, confirmation. */
  fields: ExtractedField[];
  /** The same, as the checks see it (OCR values; confirmations are applied by the checks). */
  extracted: ExtractedDocument;
  /** The kind the reader detected; differs from info.kind when a person moved the file. */
  detectedKind: DetectedKind;
  /** A person set it aside (two documents claim one kind): the checks leave it out. */
  setAside: boolean;
  /** The bank form's seal, checked against the image by a person (bank.seal). */
  sealConfirmed?: { by: string | null; at: number | null };
}

export interface DossierView {
  dossier: Dossier;
  documents: DocumentView[];
  /** The document filling each slot (the first of that kind not set aside), null when empty. */
  slots: Record<DocumentKind, DocumentView | null>;
  /** Documents of kind 'unknown' or a second document of a filled slot. */
  others: DocumentView[];
  accounts: StoredAccount[];
  declared: Declared;
  exceptions: AcceptedException[];
  /** Changes the company must report to the platform (spec §4), pending and filed. */
  changes: ChangeEvent[];
  /** What the checks ran on (the export re-checks the files it writes against the same). */
  input: DossierInput;
  run: CheckRun;
  /** Expiries and pending changes' filing deadlines, nearest first. */
  deadlines: DeadlineItem[];
  /** ISO date the checks and deadlines were computed for. */
  today: string;
}

/** One row of the dossier list. */
export interface DossierRow {
  summary: DossierSummary;
  /** null: never checked (no documents yet). */
  verdict: 'ready' | 'blocked' | null;
  failed: number;
  warnings: number;
  /** The nearest expiry or change-filing deadline within the watch horizon. */
  nearest: DeadlineItem | null;
}

export type ImportStage = 'queued' | ReadStage | 'saving' | 'done' | 'failed' | 'cancelled';

export interface ImportProgress {
  stage: ImportStage;
  /** 0..1 of the whole file. */
  progress: number;
}

/**
 * Why a file was not imported, for a sentence in the interface's language (the i18n key
 * `dossier.import.reason.<reason>`): the reader's reasons (ReadProblemReasonSchema, the
 * intake policy's refusals in the vault among them) and 'duplicate'. 'other': a reason without a code;
 * `message` then holds the only sentence there is.
 */
export type ImportReason = 'duplicate' | ReadProblemReason;

export interface ImportOutcome {
  fileName: string;
  status: 'imported' | 'duplicate' | 'refused' | 'unreadable' | 'cancelled';
  documentId?: string;
  kind?: DetectedKind;
  /**
   * Set when the file holds several documents: each stored on its own (the first is
   * `documentId` and `kind`), in page order.
   */
  documents?: { documentId: string; kind: DetectedKind }[];
  /** Set for duplicate, refused and unreadable files. */
  reason?: ImportReason;
  /**
   * The values the reason's sentence names: duplicate {company}; too-large {size, limit}
   * (MB); too-many-pixels {width, height, megapixels, limit} (limit in megapixels, width and
   * height when known); too-many-pages {pages, limit}.
   */
  values?: Record<string, string | number>;
  /** The same in English, one sentence, for logs and tooltips (refused, unreadable, duplicate). */
  message?: string;
  /** Imported: the companies of other dossiers holding the same file (noted, not refused). */
  alsoIn?: string[];
}

/** The vault tables a Workspace change writes, as far as a screen needs to know. */
export type ChangedTable =
  | 'dossiers'
  | 'documents'
  | 'extractions'
  | 'readings'
  | 'accounts'
  | 'declared'
  | 'exceptions'
  | 'trackedChanges'
  | 'copyRegister'
  | 'settings';

/** What a Workspace change wrote: in one dossier (null: none in particular), to these tables. */
export interface WorkspaceChange {
  dossierId: string | null;
  tables: readonly ChangedTable[];
}

/** The tables a dossier's screen is built from (DossierView). */
export const DOSSIER_VIEW_TABLES: readonly ChangedTable[] = [
  'dossiers',
  'documents',
  'extractions',
  'readings',
  'accounts',
  'declared',
  'exceptions',
  'trackedChanges',
];

/** True when `change` may change the screen of dossier `dossierId`. */
export function changesDossierView(change: WorkspaceChange, dossierId: string): boolean {
  return (
    (change.dossierId === null || change.dossierId === dossierId) &&
    change.tables.some((t) => DOSSIER_VIEW_TABLES.includes(t))
  );
}

export interface Workspace {
  readonly vault: VaultPort;
  readonly reader: DocumentReader;
  /** ISO date today, local time. */
  today(): string;
  /**
   * Called after every change a Workspace method makes, with the dossier and the tables it
   * wrote (a screen reloads only what it shows); returns an unsubscribe.
   */
  subscribe(listener: (change: WorkspaceChange) => void): () => void;

  listRows(): Promise<DossierRow[]>;
  /** Search by company, credit code, person or account (store, phone, email). */
  searchRows(query: string): Promise<DossierRow[]>;
  createDossier(company: string): Promise<string>;
  renameDossier(id: string, company: string): Promise<void>;
  deleteDossier(id: string): Promise<UndoTicket>;
  undoDelete(ticket: UndoTicket): Promise<void>;

  loadDossier(id: string): Promise<DossierView>;
  /**
   * Imports files into the dossier one by one (each one vault transaction), reads them and
   * stores what was read; per-file progress; `signal` cancels the files not finished yet.
   */
  importFiles(
    dossierId: string,
    files: readonly DocumentFileInput[],
    options?: {
      onProgress?: (fileIndex: number, progress: ImportProgress) => void;
      signal?: AbortSignal;
    },
  ): Promise<ImportOutcome[]>;
  /** A person puts a document into another slot; it is read again for that kind. */
  moveDocument(documentId: string, kind: DetectedKind): Promise<void>;
  /** A person sets a document aside (or uses it again): the checks leave it out. */
  setAside(documentId: string, aside: boolean): Promise<void>;
  deleteDocument(documentId: string): Promise<UndoTicket>;
  saveAccounts(dossierId: string, accounts: readonly Account[]): Promise<void>;
  saveDeclared(dossierId: string, declared: Declared): Promise<void>;
  /**
   * Removes an account record of the dossier that failed its integrity check (its values
   * cannot be read, so the accounts cannot be saved over it); audited.
   */
  removeDamagedAccount(dossierId: string, accountId: string): Promise<void>;

  /** Confirms (or corrects and confirms) one field; goes to the audit log. */
  confirmField(documentId: string, field: string, value: string): Promise<void>;
  /**
   * Confirms exactly the fields the confirm-all dialog listed for one document, each with
   * the value shown; refuses (WorkspaceError 'changed-since-shown') if any is no longer
   * bulk-confirmable with that value. Returns how many.
   */
  confirmShown(
    dossierId: string,
    documentId: string,
    shown: readonly ShownField[],
  ): Promise<number>;
  /** The dossier's audit log, newest first. */
  auditLog(dossierId: string): Promise<AuditRow[]>;
  /** The whole vault's audit log checked link by link (hash chain and MACs). */
  verifyAuditLog(): Promise<AuditVerdict>;
  acceptException(dossierId: string, check: CheckId, reason: string): Promise<void>;
  /** Tracks a change to report within the pack's working-day deadline (spec §4). */
  recordChange(dossierId: string, change: { kind: ChangeKind; occurredOn: string }): Promise<void>;
  markChangeFiled(changeId: string, filedOn: string): Promise<void>;
  /** The day the bank was told of the change, which ends its bank deadline. */
  markBankNotified(changeId: string, notifiedOn: string): Promise<void>;
  removeChange(changeId: string): Promise<void>;
  revokeException(dossierId: string, check: CheckId): Promise<void>;

  /** Page image for the review screen; call `release` when done with the URL. */
  pageImage(
    documentId: string,
    pageIndex: number,
    scale?: number,
  ): Promise<{ url: string; geometry: PageGeometry; release: () => void }>;

  settings(): Promise<VaultSettings>;
  updateSettings(patch: Partial<VaultSettings>): Promise<VaultSettings>;

  /**
   * The whole vault as one encrypted backup file, streamed to the host (save dialog, File
   * System Access or download) a piece at a time; null if cancelled.
   */
  saveBackup(): Promise<{ savedAs: string; bytes: number } | null>;

  /**
   * Builds the pack and hands it to the host (save dialog or download); null if cancelled.
   * `purpose` is watermarked on every copy ('' for none); with `recipient` it goes to the
   * register of where copies went.
   */
  exportPack(
    dossierId: string,
    options?: {
      purpose?: string;
      recipient?: string;
      onProgress?: (message: string, progress: number) => void;
    },
  ): Promise<{ savedAs: string; bytes: number } | null>;
  /** The register of where copies went: one dossier's exports, or every export showing an ID number. */
  copyRegister(where: { dossierId: string } | { idNumber: string }): Promise<CopyRegisterRow[]>;

  /**
   * Every dossier's deadlines (pending changes' platform and bank deadlines, ID card and
   * license expiry within `horizonDays`, default the pack's 90; passed ones included),
   * nearest first.
   */
  upcomingDeadlines(options?: { horizonDays?: number }): Promise<CalendarDeadline[]>;
  /** Every dated deadline of every dossier as an ICS file, downloaded; returns the file name and count. */
  exportCalendar(language: 'zh' | 'en'): Promise<{ fileName: string; events: number }>;
}
