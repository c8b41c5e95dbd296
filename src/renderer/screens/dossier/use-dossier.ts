// The dossier as the workspace shows it, reloaded after every change the workspace makes
// (its own or another screen's), so what is on screen is what the vault holds.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DossierView, Workspace } from '../../model/contract';

export interface DossierState {
  view: DossierView | null;
  /** One sentence when loading failed. */
  error: string | null;
  reload: () => Promise<void>;
}

export function errorSentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() === '' ? 'Something went wrong.' : text;
}

/**
 * One action at a time from a panel's buttons: clears the last error, runs the action and
 * keeps its failure as one sentence for the panel to show.
 */
export function useAction(): {
  error: string | null;
  run: (action: () => Promise<void>) => Promise<void>;
} {
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>): Promise<void> {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorSentence(e));
    }
  }
  return { error, run };
}

export function useDossier(workspace: Workspace, dossierId: string): DossierState {
  const [view, setView] = useState<DossierView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Answers can come back out of order; only the latest request may set the view.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const next = await workspace.loadDossier(dossierId);
      if (mine === generation.current) {
        setView(next);
        setError(null);
      }
    } catch (e) {
      if (mine === generation.current) setError(errorSentence(e));
    }
  }, [workspace, dossierId]);

  useEffect(() => {
    setView(null);
    void reload();
    return workspace.subscribe(() => void reload());
  }, [workspace, reload]);

  return { view, error, reload };
}
