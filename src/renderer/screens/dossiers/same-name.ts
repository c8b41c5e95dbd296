// Two dossiers for one company name are allowed (a branch, a second attempt) but never
// silent: creating one warns, and the list tells such rows apart.
import { foldWidth } from '../../../core/text/normalise';
import type { DossierRow } from '../../model/contract';

/** A company name as compared: full and half width alike, spaces ignored. */
export function companyKey(name: string): string {
  return foldWidth(name).replace(/\s+/gu, '');
}

/** The dossiers already named `company` (as compared by companyKey). */
export function sameNamed(company: string, rows: readonly DossierRow[]): DossierRow[] {
  const key = companyKey(company);
  if (key === '') return [];
  return rows.filter((r) => companyKey(r.summary.company) === key);
}

/** The ids of the rows whose company name another row shares. */
export function sharedNames(rows: readonly DossierRow[]): Set<string> {
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const key = companyKey(r.summary.company);
    byKey.set(key, [...(byKey.get(key) ?? []), r.summary.id]);
  }
  return new Set([...byKey.values()].filter((ids) => ids.length > 1).flat());
}

/** A short, stable mark of a dossier for telling same-named rows apart. */
export const shortId = (id: string): string => `#${id.replace(/[^0-9a-z]/giu, '').slice(0, 6)}`;

/** When a dossier was created, to the minute, as the interface's language writes it. */
export const createdAt = (at: number, language: 'zh' | 'en'): string =>
  new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    hour12: false,
  });
