// The review's keyboard: Enter confirms the selected field; J/K and ↓/↑ move between
// fields. Not while typing, and not over a button or link (they handle their own Enter).
import { useEffect, useRef } from 'react';
import type { ExtractedField } from '../../../vault';
import type { DocumentView } from '../../model/contract';

export function useReviewKeys(
  state: {
    fields: ExtractedField[];
    selected: string | null;
    doc: DocumentView | null;
    confirm: (f: ExtractedField) => Promise<void>;
  },
  onSelect: (documentId: string, field: string | null) => void,
): void {
  // The listener reads the latest state without being added again on every render.
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const typing =
        target !== null &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing) return;
      // Buttons and links handle their own Enter.
      if (e.key === 'Enter' && target !== null && ['BUTTON', 'A'].includes(target.tagName)) return;
      const { fields: fs, selected: sel, doc: d, confirm: c } = latest.current;
      if (!d || fs.length === 0) return;
      const i = fs.findIndex((f) => f.field === sel);
      if (e.key === 'j' || e.key === 'J' || e.key === 'ArrowDown') {
        e.preventDefault();
        const next = fs[Math.min(fs.length - 1, i + 1)];
        if (next) onSelect(d.info.id, next.field);
      } else if (e.key === 'k' || e.key === 'K' || e.key === 'ArrowUp') {
        e.preventDefault();
        const prev = fs[Math.max(0, i < 0 ? 0 : i - 1)];
        if (prev) onSelect(d.info.id, prev.field);
      } else if (e.key === 'Enter' && i >= 0) {
        e.preventDefault();
        const f = fs[i];
        if (f) void c(f);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSelect]);
}
