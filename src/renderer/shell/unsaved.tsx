// Edits typed but not saved (an office address, an account) are never lost silently: an
// editor says what it holds unsaved, and leaving its screen (back to the list, another
// tab, the header's navigation) asks first. Locking is not asked: it must always work.
import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { useI18n, type Translate } from '../i18n';

export interface UnsavedRegistry {
  /** `what` names the unsaved edits (e.g. 办公地址); null: nothing unsaved under `key`. */
  set(key: string, what: string | null): void;
  /** What is unsaved, in the order it was marked. */
  pending(): string[];
}

export function createUnsavedRegistry(): UnsavedRegistry {
  const marks = new Map<string, string>();
  return {
    set(key, what) {
      if (what === null) marks.delete(key);
      else marks.set(key, what);
    },
    pending: () => [...marks.values()],
  };
}

const NOTHING: UnsavedRegistry = { set: () => undefined, pending: () => [] };
const UnsavedContext = createContext<UnsavedRegistry>(NOTHING);

export function UnsavedProvider({
  registry,
  children,
}: {
  registry: UnsavedRegistry;
  children: ReactNode;
}) {
  return <UnsavedContext.Provider value={registry}>{children}</UnsavedContext.Provider>;
}

/** Marks this editor's unsaved edits (`what`, or null when saved); cleared when it unmounts. */
export function useUnsavedChanges(key: string, what: string | null): void {
  const registry = useContext(UnsavedContext);
  useEffect(() => {
    registry.set(key, what);
  }, [registry, key, what]);
  useEffect(() => () => registry.set(key, null), [registry, key]);
}

/**
 * `guard(leave)`: runs `leave` at once when nothing is unsaved, otherwise after the person
 * chooses to discard the edits (named in the question); staying keeps them.
 */
export function useLeaveGuard(
  outside?: { registry: UnsavedRegistry; t: Translate },
): (leave: () => void) => void {
  const fromContext = useContext(UnsavedContext);
  const i18n = useI18n();
  // The shell sits above both providers, so it brings its registry and its language.
  const marks = outside?.registry ?? fromContext;
  const t = outside?.t ?? i18n.t;
  const { modal } = App.useApp();
  return useCallback(
    (leave: () => void) => {
      const pending = marks.pending();
      if (pending.length === 0) return leave();
      modal.confirm({
        title: t('unsaved.title'),
        content: (
          <span data-testid="unsaved-prompt">
            {t('unsaved.body', { what: pending.join(t('unsaved.separator')) })}
          </span>
        ),
        okText: t('unsaved.discard'),
        okButtonProps: { danger: true, 'data-testid': 'unsaved-discard' },
        cancelText: t('unsaved.stay'),
        cancelButtonProps: { 'data-testid': 'unsaved-stay' },
        // The editors unmount with the screen left, and their marks with them.
        onOk: leave,
      });
    },
    [marks, modal, t],
  );
}
