// A date as an ID card front prints its birth date, `1983 年 4 月 4 日`, found on a line
// whose small 年 月 日 labels a photo or a copy lost (`1983  4  4`): the classifier
// and the card front's field-order fallbacks both look for it.
import type { Line } from './lines';
import { parseDate } from './values';

/** Digits further apart than this share of the line's height are two numbers. */
const NUMBER_GAP = 0.5;

/** The runs of digits on a line: split by any other character and by a gap. */
function digitGroups(line: Line): string[] {
  const groups: string[] = [];
  let current = '';
  let last: Line['glyphs'][number] | undefined;
  for (const g of line.glyphs) {
    const digit = /^\d$/u.test(g.key);
    const apart = last !== undefined && g.x0 - last.x1 > NUMBER_GAP * line.h;
    if (!digit || apart) {
      if (current !== '') groups.push(current);
      current = '';
    }
    if (digit) current += g.key;
    last = g;
  }
  if (current !== '') groups.push(current);
  return groups;
}

/**
 * Whether the line prints the date `iso` (YYYY-MM-DD): parsed from its text, or, its
 * labels lost, as exactly three numbers, the year, the month and the day. The year may
 * carry one digit more in front of it: the label before it read as a digit and run into
 * it (出生 read `#1` on a blurred photo: `#11996年10年15日`).
 */
export function linePrintsDate(line: Line, iso: string): boolean {
  if (parseDate(line.glyphs.map((g) => g.ch).join('')) === iso) return true;
  const groups = digitGroups(line);
  const first = groups[0] ?? '';
  if (groups.length !== 3 || (first.length !== 4 && first.length !== 5)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [first.slice(-4), groups[1], groups[2]].map(Number).join('-') === `${y}-${m}-${d}`;
}

/**
 * Whether the line prints a part of the date `iso` and no other number: its year (four
 * digits) first, then its month or its day or both, in that order (`1986` with its small
 * 年 1 月 8 日 lost on a photo of a copy, `1987 12` with its month lost).
 */
export function linePrintsDatePart(line: Line, iso: string): boolean {
  const groups = digitGroups(line);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (groups[0]?.length !== 4 || Number(groups[0]) !== y) return false;
  const rest = groups.slice(1).map(Number).join('-');
  return [``, `${m}`, `${d}`, `${m}-${d}`].includes(rest);
}
