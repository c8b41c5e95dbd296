// Every printed label, folded as values are compared with them: what no field's value is.
import { foldWidth } from '../text/normalise';
import { LABELS } from './labels';

export const compact = (s: string): string => foldWidth(s).replace(/[\s:：]/gu, '');

/** Every label alias of every kind, folded, for "a value is never a label". */
export const ALL_LABELS: readonly string[] = [
  ...new Set(
    Object.values(LABELS)
      .flat()
      .flatMap((def) => def.aliases.map(compact)),
  ),
];
