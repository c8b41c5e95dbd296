// The dossier work that needs a dossier's whole records: its screen (the checks run), the
// summary the list shows (stored after each write), and confirming fields (who confirms,
// and exactly the fields the confirm-all dialog listed). It runs where the vault runs: in
// the app, in the vault's worker (engine/host.ts), so that the records are decrypted,
// checked and compared there and never cross to the page, which gets the view alone (and
// of it only what changed: engine/view-delta.ts); in tests over a Vault, in the same thread.
import { calendarWith } from '../../vault';
import type { VaultPort } from './vault-port';
import { confirmShownFields, type ShownField } from './workspace-verdict';
import { buildDossierView, documentView, sameSummary } from './workspace-view';
import type { DossierView } from './contract';

/** Who confirmed, when the person has not given a name in Settings. */
export const DEFAULT_CONFIRMER = '本机用户';

/** What the engine needs of the vault (a Vault has it, and so has the page's VaultPort). */
export type EngineVault = Pick<
  VaultPort,
  | 'dossierRecords'
  | 'listHolidaySchedules'
  | 'setCheckSummary'
  | 'confirm'
  | 'confirmMany'
  | 'settings'
  | 'dossierIdOf'
>;

export interface DossierEngine {
  /** The dossier's screen on `day` (reads only). */
  dossierView(id: string, day: string): Promise<DossierView>;
  /**
   * After a write to the dossier: stores the summary the list shows (verdict, counts,
   * expiry dates, pending changes) when it changed; true when it did.
   */
  refreshSummary(id: string, day: string): Promise<boolean>;
  /** Confirms one field as the person named in Settings; answers the document's dossier. */
  confirmField(documentId: string, field: string, value: string): Promise<string>;
  /**
   * Confirms exactly the fields the confirm-all dialog listed for one document
   * (confirmShownFields: refused whole when one changed since); answers how many.
   */
  confirmShown(
    dossierId: string,
    documentId: string,
    shown: readonly ShownField[],
  ): Promise<number>;
}

/** The view and the list summary of a dossier, built from its records (checks included). */
export async function dossierViewOf(vault: EngineVault, id: string, day: string) {
  const calendar = calendarWith(await vault.listHolidaySchedules());
  return buildDossierView(await vault.dossierRecords(id), day, calendar);
}

export function createDossierEngine(vault: EngineVault): DossierEngine {
  async function confirmer(): Promise<string> {
    const name = (await vault.settings()).userName.trim();
    return name === '' ? DEFAULT_CONFIRMER : name;
  }
  return {
    async dossierView(id, day) {
      return (await dossierViewOf(vault, id, day)).view;
    },

    async refreshSummary(id, day) {
      const { view, summary } = await dossierViewOf(vault, id, day);
      if (summary === null || sameSummary(view.dossier.checkSummary, summary)) return false;
      await vault.setCheckSummary(id, { ...summary, computedAt: Date.now() });
      return true;
    },

    async confirmField(documentId, field, value) {
      await vault.confirm(documentId, field, value, await confirmer());
      return vault.dossierIdOf('documents', documentId);
    },

    async confirmShown(dossierId, documentId, shown) {
      const { documents } = await vault.dossierRecords(dossierId);
      const source = documents.find((d) => d.info.id === documentId);
      if (!source) throw new Error(`There is no document ${documentId} in this dossier.`);
      return confirmShownFields(vault, documentView(source), shown, await confirmer());
    },
  };
}
