// The Workspace (contract.ts) over an unlocked vault: every screen's reads and writes go
// through here, so the state lives in the vault and survives a reload. The checks are
// recomputed from the vault's records each time a dossier is loaded, and their verdict is
// stored (sealed) on the dossier so that the list never has to read every document.
import { runChecks, type CheckRun } from '../../core/checks';
import {
  bundledWorkingDayCalendar,
  dossierDeadlines,
  type DeadlineItem,
} from '../../core/deadlines';
import { effectiveFields, fieldOf } from '../../core/checks/context';
import { localIsoDate } from '../../core/dates';
import type { Account, Declared, DossierInput } from '../../core/dossier';
import { DOCUMENT_KINDS, type DetectedKind, type DocumentKind } from '../../core/documents';
import type { ExtractedDocument, ReadProblem } from '../../core/extraction';
import { sniffMime } from '../../core/file-type';
import { loadRulePack } from '../../core/rule-pack';
import type { BridgeHost, VaultBridge } from '../../shared/bridge';
import {
  calendarWith,
  DuplicateFileError,
  ImportRefusedError,
  type DocumentReading,
  type DossierCheckSummary,
  type DossierSummary,
  type ExtractedField,
  type Vault,
} from '../../vault';
import { createLazyBrowserReader } from './lazy-reader';
import { deadlinesOfDossiers, downloadCalendar } from './workspace-deadlines';
import { WorkspaceError } from './workspace-error';
import {
  confirmShownFields,
  dossierAudit,
  rereadAsKind,
} from './workspace-verdict';
import type {
  DocumentFileInput,
  DocumentReader,
  DocumentView,
  DossierRow,
  DossierView,
  ImportOutcome,
  ImportProgress,
  PageGeometry,
  ReadResult,
  Workspace,
} from './contract';

/** Who confirmed, when the person has not given a name in Settings. */
const DEFAULT_CONFIRMER = '本机用户';

/** Share of a file's progress bar each stage ends at (reading is most of the time). */
const STAGE_END = { reading: 0.1, 'loading-ocr': 0.3, ocr: 0.85, extracting: 0.9 } as const;

function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The document as the checks see it, rebuilt from the vault's records. */
function extractedFromVault(
  fileName: string,
  kind: DetectedKind,
  fields: readonly ExtractedField[],
  reading: DocumentReading | null,
): ExtractedDocument {
  const values: Record<string, string | null> = {};
  const confidence: Record<string, number> = {};
  const boxes: NonNullable<ExtractedDocument['boxes']> = {};
  const corrections: ExtractedDocument['corrections'] = [];
  for (const f of fields) {
    values[f.field] = f.value;
    confidence[f.field] = f.confidence;
    if (f.box) boxes[f.field] = f.box;
    corrections.push(...f.corrections);
  }
  return {
    file: fileName,
    kind,
    fields: values,
    confidence,
    corrections,
    warnings: reading?.warnings ?? [],
    boxes,
    needsConfirmation: reading?.needsConfirmation ?? [],
    ...(reading?.source ? { source: reading.source } : {}),
    ...(reading?.error ? { error: reading.error } : {}),
    ...(reading?.part
      ? {
          page: reading.part.page,
          ...(reading.part.pages ? { pages: reading.part.pages } : {}),
          ...(reading.part.region ? { region: reading.part.region } : {}),
          ...(reading.pages[reading.part.page]
            ? {
                pageSize: {
                  width: reading.pages[reading.part.page]!.width,
                  height: reading.pages[reading.part.page]!.height,
                },
              }
            : {}),
        }
      : {}),
  };
}

function checkSummaryOf(
  run: CheckRun,
  byKind: ReturnType<typeof effectiveFields>['byKind'],
): Omit<DossierCheckSummary, 'computedAt' | 'pendingChanges'> {
  return {
    verdict: run.verdict,
    failed: run.checks.filter((c) => c.status === 'fail' && !c.exception).length,
    warnings: run.checks.filter((c) => c.status === 'warn').length,
    idValidUntil: fieldOf(byKind['id-card-back'], 'validUntil'),
    licenseValidUntil: fieldOf(byKind['business-license'], 'validUntil'),
  };
}

export function createWorkspace(
  vault: Vault,
  deps: {
    bridge: VaultBridge;
    host: BridgeHost;
    /** Default: the browser reader, loaded on first use. */
    reader?: DocumentReader;
    /** Today's ISO date (tests pin it). */
    today?: () => string;
  },
): Workspace {
  const listeners = new Set<() => void>();
  const reader = deps.reader ?? createLazyBrowserReader();
  // The engine chosen in Settings; a vault that cannot say keeps the default.
  void vault.settings().then(
    (s) => reader.setEngine(s.ocrEngine),
    () => undefined,
  );
  // The bundled holiday data with the years a person loaded in Settings, read again before
  // each list or dossier so that a schedule loaded meanwhile counts at once.
  let calendar = bundledWorkingDayCalendar();
  async function refreshCalendar(): Promise<void> {
    calendar = calendarWith(await vault.listHolidaySchedules());
  }
  const today = deps.today ?? (() => localIsoDate());
  const changed = (): void => {
    for (const listener of listeners) listener();
  };

  async function confirmer(): Promise<string> {
    const name = (await vault.settings()).userName.trim();
    return name === '' ? DEFAULT_CONFIRMER : name;
  }

  function rowOf(summary: DossierSummary, day: string): DossierRow {
    const check = summary.checkSummary;
    const pack = loadRulePack(summary.rulePack);
    const nearest: DeadlineItem | null = check
      ? (dossierDeadlines(
          {
            idCardValidUntil: check.idValidUntil,
            licenseValidUntil: check.licenseValidUntil,
            changes: check.pendingChanges,
          },
          day,
          calendar,
          pack,
        )[0] ?? null)
      : null;
    return {
      summary,
      verdict: check?.verdict ?? null,
      failed: check?.failed ?? 0,
      warnings: check?.warnings ?? 0,
      nearest,
    };
  }

  async function loadDocumentView(
    info: Awaited<ReturnType<Vault['listDocuments']>>[number],
  ): Promise<DocumentView> {
    const [fields, reading] = await Promise.all([
      vault.listExtractions(info.id),
      vault.getReading(info.id),
    ]);
    return {
      info,
      pages: reading?.pages ?? [],
      fields,
      extracted: extractedFromVault(info.fileName, info.kind, fields, reading),
      detectedKind: reading?.detectedKind ?? info.kind,
      setAside: reading?.setAside ?? false,
    };
  }

  async function loadDossier(id: string): Promise<DossierView> {
    await refreshCalendar();
    const day = today();
    const dossier = await vault.getDossier(id);
    const infos = await vault.listDocuments(id);
    const documents = await Promise.all(infos.map(loadDocumentView));
    const [inputs, exceptions, changes] = await Promise.all([
      vault.checkInputs(id),
      vault.listExceptions(id),
      vault.listTrackedChanges(id),
    ]);
    const pendingChanges = changes.filter((c) => c.filedOn === undefined);
    const pack = loadRulePack(dossier.rulePack);
    const extracted = documents.map((d) => d.extracted);
    const input: DossierInput = {
      documents: extracted,
      accounts: inputs.accounts,
      declared: inputs.declared,
      confirmed: inputs.confirmed,
      exceptions,
      idAccountsElsewhere: inputs.idAccountsElsewhere,
      setAside: documents.filter((d) => d.setAside).map((d) => d.info.fileName),
      today: day,
      files: documents.map((d) => ({
        file: d.info.fileName,
        mime: d.info.mime,
        bytes: d.info.size,
      })),
    };
    const run = runChecks(input, pack);

    const slots = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, null])) as Record<
      DocumentKind,
      DocumentView | null
    >;
    const others: DocumentView[] = [];
    for (const doc of documents) {
      const kind = doc.info.kind;
      if (kind !== 'unknown' && !doc.setAside && slots[kind] === null) slots[kind] = doc;
      else others.push(doc);
    }

    // What the list, the search and id.reuse need from this dossier, kept up to date.
    const { byKind } = effectiveFields({
      documents: extracted,
      confirmed: inputs.confirmed,
      setAside: input.setAside,
    });
    const people = {
      creditCode: fieldOf(byKind['business-license'], 'creditCode'),
      legalRepresentative: fieldOf(byKind['business-license'], 'legalRepresentative'),
      idNumber: fieldOf(byKind['id-card-front'], 'idNumber'),
    };
    const summary = { ...checkSummaryOf(run, byKind), pendingChanges };
    if (
      people.creditCode !== dossier.creditCode ||
      people.legalRepresentative !== dossier.legalRepresentative ||
      people.idNumber !== dossier.idNumber
    ) {
      await vault.updateDossier(id, people);
    }
    const stored = dossier.checkSummary;
    if (
      (documents.length > 0 || changes.length > 0) &&
      (stored === null ||
        stored.verdict !== summary.verdict ||
        stored.failed !== summary.failed ||
        stored.warnings !== summary.warnings ||
        stored.idValidUntil !== summary.idValidUntil ||
        stored.licenseValidUntil !== summary.licenseValidUntil ||
        JSON.stringify(stored.pendingChanges) !== JSON.stringify(pendingChanges))
    ) {
      await vault.setCheckSummary(id, { ...summary, computedAt: Date.now() });
    }

    const deadlines = dossierDeadlines(
      {
        idCardValidUntil: summary.idValidUntil,
        licenseValidUntil: summary.licenseValidUntil,
        changes: pendingChanges,
      },
      day,
      calendar,
      pack,
    );
    return {
      dossier: { ...dossier, ...people },
      documents,
      slots,
      others,
      accounts: await vault.listAccounts(id),
      declared: inputs.declared,
      exceptions,
      changes,
      input,
      run,
      deadlines,
      today: day,
    };
  }

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

  const workspace: Workspace = {
    vault,
    reader,
    today,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async listRows() {
      await refreshCalendar();
      const day = today();
      return (await vault.listDossiers()).map((s) => rowOf(s, day));
    },

    async searchRows(query) {
      const needle = query.normalize('NFKC').trim().toLowerCase();
      await refreshCalendar();
      const day = today();
      const all = await vault.listDossiers();
      if (needle === '') return all.map((s) => rowOf(s, day));
      const byAccount = new Set(
        (await vault.listAccountsAll())
          .filter(({ account }) =>
            [account.store, account.phone, account.email].some((v) =>
              v.normalize('NFKC').toLowerCase().includes(needle),
            ),
          )
          .map((a) => a.dossierId),
      );
      return all
        .filter(
          (d) =>
            byAccount.has(d.id) ||
            [d.company, d.legalRepresentative, d.creditCode].some((v) =>
              v?.normalize('NFKC').toLowerCase().includes(needle),
            ),
        )
        .map((s) => rowOf(s, day));
    },

    async createDossier(company) {
      const id = await vault.createDossier({ company: company.trim() });
      changed();
      return id;
    },

    async renameDossier(id, company) {
      await vault.updateDossier(id, { company: company.trim() });
      changed();
    },

    async deleteDossier(id) {
      const ticket = await vault.deleteDossier(id);
      changed();
      return ticket;
    },

    async undoDelete(ticket) {
      await vault.undoDelete(ticket);
      changed();
    },

    loadDossier,

    async importFiles(dossierId, files, options = {}) {
      const { signal, onProgress } = options;
      files.forEach((_, i) => onProgress?.(i, { stage: 'queued', progress: 0 }));
      // Every file is handed to the reader at once: it reads as many as it has OCR workers
      // and queues the rest. Each is stored as soon as it is read (storeLock keeps stores
      // one at a time), so its slot fills while the others are still being read.
      return Promise.all(
        files.map(async (file, index): Promise<ImportOutcome> => {
          const report = (p: ImportProgress) => onProgress?.(index, p);
          try {
            const outcome = await importOne(dossierId, file, report, signal);
            report({ stage: outcome.status === 'imported' ? 'done' : 'failed', progress: 1 });
            if (outcome.status === 'imported') changed();
            return outcome;
          } catch (error) {
            if (!isAbort(error)) throw error;
            // Nothing of this file was stored.
            report({ stage: 'cancelled', progress: 0 });
            return { fileName: file.name, status: 'cancelled' };
          }
        }),
      );
    },

    async moveDocument(documentId, kind) {
      await vault.setDocumentKind(documentId, kind);
      changed();
      if (kind === 'unknown') return;
      await rereadAsKind(vault, reader, documentId, kind);
      changed();
    },

    async setAside(documentId, aside) {
      await vault.setDocumentAside(documentId, aside);
      changed();
    },

    async deleteDocument(documentId) {
      const ticket = await vault.deleteDocument(documentId);
      changed();
      return ticket;
    },

    async saveAccounts(dossierId, accounts: readonly Account[]) {
      // Replace the list: remove rows no longer there, add the new ones (each audited).
      for (const old of await vault.listAccounts(dossierId)) await vault.removeAccount(old.id);
      for (const account of accounts) await vault.addAccount(dossierId, account);
      changed();
    },

    async saveDeclared(dossierId, declared: Declared) {
      await vault.setDeclared(dossierId, declared);
      changed();
    },

    async confirmField(documentId, field, value) {
      await vault.confirm(documentId, field, value, await confirmer());
      changed();
    },

    async confirmShown(dossierId, documentId, shown) {
      const info = (await vault.listDocuments(dossierId)).find((d) => d.id === documentId);
      if (!info) throw new Error(`There is no document ${documentId} in this dossier.`);
      const count = await confirmShownFields(
        vault,
        await loadDocumentView(info),
        shown,
        await confirmer(),
      );
      if (count > 0) changed();
      return count;
    },

    auditLog: (dossierId) => dossierAudit(vault, dossierId),

    async acceptException(dossierId, check, reason) {
      await vault.acceptException(dossierId, { check, reason, by: await confirmer() });
      changed();
    },

    async revokeException(dossierId, check) {
      await vault.revokeException(dossierId, check);
      changed();
    },

    async recordChange(dossierId, change) {
      await vault.addTrackedChange(dossierId, change);
      changed();
    },

    async markChangeFiled(changeId, filedOn) {
      await vault.markChangeFiled(changeId, filedOn);
      changed();
    },

    async removeChange(changeId) {
      await vault.removeTrackedChange(changeId);
      changed();
    },

    async pageImage(documentId, pageIndex, scale = 1) {
      const [bytes, reading] = await Promise.all([
        vault.readDocument(documentId),
        vault.getReading(documentId),
      ]);
      const geometry: PageGeometry | undefined = reading?.pages[pageIndex];
      if (geometry === undefined)
        throw new WorkspaceError(
          'page-missing',
          `This document has no page ${pageIndex + 1} to show: import it again.`,
          { page: pageIndex + 1 },
        );
      const blob = await reader.renderPage(
        { bytes, mime: sniffMime(bytes) },
        pageIndex,
        geometry,
        scale,
      );
      const url = URL.createObjectURL(blob);
      return { url, geometry, release: () => URL.revokeObjectURL(url) };
    },

    settings: () => vault.settings(),

    async updateSettings(patch) {
      const next = await vault.updateSettings(patch);
      if (patch.ocrEngine) reader.setEngine(patch.ocrEngine);
      changed();
      return next;
    },

    async saveBackup() {
      const bytes = await vault.backup();
      const saved = await deps.bridge.saveBackup({
        suggestedName: `dossier-vault-${today()}.dvbackup`,
        bytes,
      });
      if (!saved.ok)
        throw new WorkspaceError('save-failed', saved.error.message, {
          detail: saved.error.message,
        });
      return saved.value === null ? null : { savedAs: saved.value.path, bytes: bytes.length };
    },

    async exportPack(dossierId, options = {}) {
      const { exportDossierPack } = await import('./export-pack');
      const view = await loadDossier(dossierId);
      const result = await exportDossierPack(vault, view, {
        bridge: deps.bridge,
        confirmedBy: await confirmer(),
        purpose: options.purpose,
        recipient: options.recipient,
        onProgress: options.onProgress,
      });
      if (result) changed();
      return result;
    },

    copyRegister: (where) => vault.listCopies(where),

    async upcomingDeadlines(options = {}) {
      await refreshCalendar();
      return deadlinesOfDossiers(await vault.listDossiers(), today(), calendar, options.horizonDays);
    },

    async exportCalendar(language) {
      await refreshCalendar();
      const day = today();
      // Every dated expiry, not only those within 90 days: the alarms 90, 30 and 7 days
      // before are the point of having them in a calendar.
      const entries = deadlinesOfDossiers(await vault.listDossiers(), day, calendar, Infinity);
      return { fileName: downloadCalendar(entries, language, day), events: entries.length };
    },
  };
  return workspace;
}

/** The stage before `stage` in reading order (its progress starts where that one ended). */
function previousStage(stage: 'loading-ocr' | 'ocr' | 'extracting'): keyof typeof STAGE_END {
  return stage === 'loading-ocr' ? 'reading' : stage === 'ocr' ? 'loading-ocr' : 'ocr';
}
