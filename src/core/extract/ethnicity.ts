// The 民族 of a card front is one of a closed list (the 56 ethnic groups' names): a value
// read as none of them is misread, and the one name it is a character away from (乌改别克:
// 乌孜别克 with one character misread; 乌别克: one dropped; 汉族: 族 read on) is proposed,
// never applied: the image decides.
import type { Correction } from '../extraction';
import { ETHNICITIES } from './value-types';

/** Edits (a character replaced, dropped or added) between two strings. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[y.length]!;
}

/**
 * The ethnic group's name a value read as none of them is one edit away from, when it is
 * the only one that near and the value keeps at least one of its characters (a one-character
 * reading, 汊, is one edit from every one-character name: nothing to propose).
 */
export function nearestEthnicity(value: string): string | null {
  if (ETHNICITIES.includes(value)) return null;
  const near = ETHNICITIES.filter(
    (e) => editDistance(value, e) === 1 && [...e].some((ch) => value.includes(ch)),
  );
  return near.length === 1 ? near[0]! : null;
}

/** The proposal for an ethnicity read as no ethnic group's name, or null. */
export function ethnicityProposal(value: string): Correction | null {
  const to = nearestEthnicity(value);
  if (to === null) return null;
  return {
    field: 'ethnicity',
    from: value,
    to,
    reason: 'closed-vocabulary',
    note: `${value} is none of the 56 民族; ${to} is the one a character away: check it against the image.`,
  };
}
