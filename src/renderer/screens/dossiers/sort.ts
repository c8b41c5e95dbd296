// Orders the dossier list: nearest deadline first (passed ones first of all, since their
// date is earliest), then the dossiers without one; or by name. Names collate as Chinese
// (pinyin order), which is what people expect of a company list.
import type { DossierRow } from '../../model/contract';

export type SortOrder = 'deadline' | 'name';

const collator = new Intl.Collator('zh-CN');

export function sortRows(rows: readonly DossierRow[], order: SortOrder): DossierRow[] {
  const byName = (a: DossierRow, b: DossierRow) =>
    collator.compare(a.summary.company, b.summary.company);
  return [...rows].sort((a, b) => {
    if (order === 'deadline') {
      const [da, db] = [a.nearest?.date, b.nearest?.date];
      if (da !== undefined && db !== undefined && da !== db) return da < db ? -1 : 1;
      if (da !== undefined && db === undefined) return -1;
      if (da === undefined && db !== undefined) return 1;
    }
    return byName(a, b);
  });
}
