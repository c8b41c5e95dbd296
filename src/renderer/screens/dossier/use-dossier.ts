// The dossier as the workspace shows it, reloaded after every change the workspace makes
// to it (its own or another screen's), so what is on screen is what the vault holds.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { changesDossierView, type DossierView, type Workspace } from '../../model/contract';
import { errorSentence } from '../../shell/errors';
import { VaultIntegrityError } from '../../../vault';
import { shareEqual } from '../../model/share-equal';

export interface DossierState {
  view: DossierView | null;
  /** One sentence when loading failed. */
  error: string | null;
  /** The account record that failed its integrity check when loading did (a person removes it). */
  damagedAccount: string | null;
  reload: () => Promise<void>;
}

/**
 * One action at a time from a panel's buttons: clears the last error, runs the action and
 * keeps its failure as one sentence for the panel to show.
 */
export function useAction(): {
  error: string | null;
  run: (action: () => Promise<void>) => Promise<void>;
} {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>): Promise<void> {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorSentence(e, t));
    }
  }
  return { error, run };
}

export function useDossier(workspace: Workspace, dossierId: string): DossierState {
  const { t } = useI18n();
  const [view, setView] = useState<DossierView | null>(null);
  // The failure itself, worded at render: a language switch must not reload the dossier.
  const [failure, setFailure] = useState<unknown>(null);
  // Answers can come back out of order; only the latest request may set the view.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const next = await workspace.loadDossier(dossierId);
      if (mine === generation.current) {
        // What did not change keeps its objects: the panels showing it are not rendered again.
        // A transition: React renders the screen in slices between other tasks (an import's
        // progress, a click), never as one long task of the main thread.
        startTransition(() => {
          setView((prev) => (prev === null ? next : shareEqual(prev, next)));
          setFailure(null);
        });
      }
    } catch (e) {
      if (mine === generation.current) setFailure(e ?? new Error('unknown'));
    }
  }, [workspace, dossierId]);

  useEffect(() => {
    setView(null);
    void reload();
    // Only a change to this dossier's records, or to no dossier in particular, reloads it.
    return workspace.subscribe((change) => {
      if (changesDossierView(change, dossierId)) void reload();
    });
  }, [workspace, reload, dossierId]);

  return {
    view,
    error: failure === null ? null : errorSentence(failure, t),
    damagedAccount:
      failure instanceof VaultIntegrityError && failure.table === 'accounts'
        ? failure.recordId
        : null,
    reload,
  };
}
