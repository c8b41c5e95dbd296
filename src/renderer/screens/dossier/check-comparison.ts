// When a check's row shows two values one above the other with their differing characters
// marked: only for a comparison of two values (it carries the character diff). A check
// that lists file names (files.format, docs.complete) or a bank name and an account number
// (bank.details) has values too, but comparing them character by character means nothing.
import type { CheckResult } from '../../../core/checks/types';

export function comparedValues(check: CheckResult): [string, string] | null {
  if (check.status !== 'fail' && check.status !== 'warn') return null;
  if (check.diff === undefined) return null;
  const [a, b, ...rest] = check.values ?? [];
  if (rest.length > 0 || typeof a !== 'string' || typeof b !== 'string' || a === b) return null;
  return [a, b];
}
