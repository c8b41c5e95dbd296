// The Workspace (contract.ts) over an unlocked vault: every screen's reads and writes go
// through here, so the state lives in the vault and survives a reload. Loading a dossier
// only reads (each record decrypted once, workspace-view.ts); the check summary the list
// shows is stored by the writes that can change it (refreshSummary after each). The work
// that needs a dossier's whole records runs in the dossier engine (dossier-engine.ts),
// which the app runs in the vault's worker. Each change is told with its dossier and the
// tables it wrote, so a screen reloads only when what it shows may have changed.
import { bundledWorkingDayCalendar } from '../../core/deadlines';
import { localIsoDate } from '../../core/dates';
import type { Account, Declared } from '../../core/dossier';
import { sniffMime } from '../../core/file-type';
import type { BridgeHost, VaultBridge } from '../../shared/bridge';
import { calendarWith } from '../../vault';
import { createLazyBrowserReader } from './lazy-reader';
import { saveBackupStream } from './save-backup';
import { WorkspaceError } from './workspace-error';
import { deadlinesOfDossiers, downloadCalendar } from './workspace-deadlines';
import { createImporter, isAbort } from './workspace-import';
import { dossierAudit, rereadAsKind } from './workspace-verdict';
import type { VaultPort } from './vault-port';
import { rowOf } from './workspace-view';
import { createDossierEngine, DEFAULT_CONFIRMER, type DossierEngine } from './dossier-engine';
import type {
  ChangedTable,
  DocumentReader,
  DossierView,
  ImportOutcome,
  ImportProgress,
  PageGeometry,
  Workspace,
  WorkspaceChange,
} from './contract';

/** What reading a file writes. */
const READ_TABLES: readonly ChangedTable[] = ['documents', 'extractions', 'readings', 'dossiers'];

export function createWorkspace(
  vault: VaultPort,
  deps: {
    bridge: VaultBridge;
    host: BridgeHost;
    /** Default: the browser reader, loaded on first use. */
    reader?: DocumentReader;
    /** Today's ISO date (tests pin it). */
    today?: () => string;
    /**
     * Builds dossiers' views (checks included), stores their summaries, confirms fields.
     * The app passes its vault worker's, so the records stay there; default: here.
     */
    engine?: DossierEngine;
  },
): Workspace {
  const listeners = new Set<(change: WorkspaceChange) => void>();
  const engine = deps.engine ?? createDossierEngine(vault);
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
  const changed = (dossierId: string | null, tables: readonly ChangedTable[]): void => {
    const change: WorkspaceChange = { dossierId, tables };
    for (const listener of listeners) listener(change);
  };

  async function confirmer(): Promise<string> {
    const name = (await vault.settings()).userName.trim();
    return name === '' ? DEFAULT_CONFIRMER : name;
  }

  /** Reads only: nothing is written when a dossier is shown. */
  function loadDossier(id: string): Promise<DossierView> {
    return engine.dossierView(id, today());
  }

  /**
   * After a write to a dossier: the summary the list shows stored again where it changed
   * (by the engine: the view it is computed from does not cross), then the screens told.
   */
  async function refreshSummary(dossierId: string): Promise<void> {
    await engine.refreshSummary(dossierId, today());
  }

  const importOne = createImporter(vault, reader);

  /** refreshSummary for the dossier a write changed, then the screens told what it wrote. */
  async function wrote(dossierId: string, tables: readonly ChangedTable[]): Promise<void> {
    await refreshSummary(dossierId);
    changed(dossierId, [...tables, 'dossiers']);
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
      return (await vault.listDossiers()).map((s) => rowOf(s, day, calendar));
    },

    async searchRows(query) {
      const needle = query.normalize('NFKC').trim().toLowerCase();
      await refreshCalendar();
      const day = today();
      const all = await vault.listDossiers();
      if (needle === '') return all.map((s) => rowOf(s, day, calendar));
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
        .map((s) => rowOf(s, day, calendar));
    },

    async createDossier(company) {
      const id = await vault.createDossier({ company: company.trim() });
      changed(id, ['dossiers']);
      return id;
    },

    async renameDossier(id, company) {
      await vault.updateDossier(id, { company: company.trim() });
      changed(id, ['dossiers']);
    },

    async deleteDossier(id) {
      const ticket = await vault.deleteDossier(id);
      changed(id, ['dossiers']);
      return ticket;
    },

    async undoDelete(ticket) {
      await vault.undoDelete(ticket);
      if (ticket.table === 'documents') {
        const dossierId = await vault.dossierIdOf('documents', ticket.id);
        await wrote(dossierId, ['documents']);
      } else changed(ticket.id, ['dossiers']);
    },

    loadDossier,

    async importFiles(dossierId, files, options = {}) {
      const { signal, onProgress } = options;
      files.forEach((_, i) => onProgress?.(i, { stage: 'queued', progress: 0 }));
      // Every file is handed to the reader at once: it reads as many as it has OCR workers
      // and queues the rest. Each is stored as soon as it is read (storeLock keeps stores
      // one at a time), so its slot fills while the others are still being read.
      const outcomes = await Promise.all(
        files.map(async (file, index): Promise<ImportOutcome> => {
          const report = (p: ImportProgress) => onProgress?.(index, p);
          try {
            const outcome = await importOne(dossierId, file, report, signal);
            report({ stage: outcome.status === 'imported' ? 'done' : 'failed', progress: 1 });
            if (outcome.status === 'imported') changed(dossierId, READ_TABLES);
            return outcome;
          } catch (error) {
            if (!isAbort(error)) throw error;
            // Nothing of this file was stored.
            report({ stage: 'cancelled', progress: 0 });
            return { fileName: file.name, status: 'cancelled' };
          }
        }),
      );
      if (outcomes.some((o) => o.status === 'imported')) await wrote(dossierId, READ_TABLES);
      return outcomes;
    },

    async moveDocument(documentId, kind) {
      const dossierId = await vault.dossierIdOf('documents', documentId);
      await vault.setDocumentKind(documentId, kind);
      changed(dossierId, ['documents']);
      if (kind !== 'unknown') await rereadAsKind(vault, reader, documentId, kind);
      await wrote(dossierId, READ_TABLES);
    },

    async setAside(documentId, aside) {
      await vault.setDocumentAside(documentId, aside);
      await wrote(await vault.dossierIdOf('documents', documentId), ['readings']);
    },

    async deleteDocument(documentId) {
      const ticket = await vault.deleteDocument(documentId);
      await wrote(await vault.dossierIdOf('documents', documentId), ['documents']);
      return ticket;
    },

    async saveAccounts(dossierId, accounts: readonly Account[]) {
      await vault.replaceAccounts(dossierId, accounts);
      await wrote(dossierId, ['accounts']);
    },

    async removeDamagedAccount(dossierId, accountId) {
      await vault.removeAccount(accountId);
      await wrote(dossierId, ['accounts']);
    },

    async saveDeclared(dossierId, declared: Declared) {
      await vault.setDeclared(dossierId, declared);
      await wrote(dossierId, ['declared']);
    },

    async confirmField(documentId, field, value) {
      await wrote(await engine.confirmField(documentId, field, value), ['extractions']);
    },

    async confirmShown(dossierId, documentId, shown) {
      const count = await engine.confirmShown(dossierId, documentId, shown);
      if (count > 0) await wrote(dossierId, ['extractions']);
      return count;
    },

    auditLog: (dossierId) => dossierAudit(vault, dossierId),
    verifyAuditLog: () => vault.verifyAudit(),

    async acceptException(dossierId, check, reason) {
      await vault.acceptException(dossierId, { check, reason, by: await confirmer() });
      await wrote(dossierId, ['exceptions']);
    },

    async revokeException(dossierId, check) {
      await vault.revokeException(dossierId, check);
      await wrote(dossierId, ['exceptions']);
    },

    async recordChange(dossierId, change) {
      await vault.addTrackedChange(dossierId, change);
      await wrote(dossierId, ['trackedChanges']);
    },

    async markChangeFiled(changeId, filedOn) {
      await vault.markChangeFiled(changeId, filedOn);
      await wrote(await vault.dossierIdOf('trackedChanges', changeId), ['trackedChanges']);
    },

    async markBankNotified(changeId, notifiedOn) {
      await vault.markBankNotified(changeId, notifiedOn);
      await wrote(await vault.dossierIdOf('trackedChanges', changeId), ['trackedChanges']);
    },

    async removeChange(changeId) {
      const dossierId = await vault.dossierIdOf('trackedChanges', changeId);
      await vault.removeTrackedChange(changeId);
      await wrote(dossierId, ['trackedChanges']);
    },

    async pageImage(documentId, pageIndex, scale = 1) {
      const [bytes, reading] = await Promise.all([
        vault.openDocumentBytes(documentId),
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
      changed(null, ['settings']);
      return next;
    },

    saveBackup: () =>
      saveBackupStream(deps.bridge, `dossier-vault-${today()}.dvbackup`, () =>
        vault.backupStream(),
      ),

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
      // The register of copies, the audit log and the dossier's updatedAt.
      if (result) changed(dossierId, ['copyRegister', 'dossiers']);
      return result;
    },

    copyRegister: (where) => vault.listCopies(where),

    async upcomingDeadlines(options = {}) {
      await refreshCalendar();
      return deadlinesOfDossiers(
        await vault.listDossiers(),
        today(),
        calendar,
        options.horizonDays,
      );
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
