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
 * it (出生 read `#1` on a blurred photo: `#11996年10年15日`), or one less (printsYear).
 * Or as two numbers, two of its three run together where the label between them was lost
 * (runTogether).
 */
export function linePrintsDate(line: Line, iso: string): boolean {
  if (parseDate(line.glyphs.map((g) => g.ch).join('')) === iso) return true;
  const groups = digitGroups(line);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (groups.length === 2) return runTogether(groups as [string, string], y, m, d);
  return (
    groups.length === 3 &&
    printsYear(groups[0]!, y) &&
    Number(groups[1]) === m &&
    Number(groups[2]) === d
  );
}

/**
 * Whether a number is the year `y` as a blurred label beside it leaves it: one digit more
 * in front (the label read as a digit), or its first digit lost (its narrow 1 read into the
 * label before it: 出生 1986 read `生986`).
 */
function printsYear(s: string, y: number): boolean {
  const year = `${y}`;
  return s === year || (s.length === 5 && s.slice(1) === year) || s === year.slice(1);
}

/** The ways a month or a day is printed: `9` or `09`. */
const spellings = (n: number): string[] => [...new Set([`${n}`, `${n}`.padStart(2, '0')])];

/**
 * Two numbers where the date's 年 or its 月 was lost and the numbers either side ran
 * together (`19889月22日`, `#1988年922日`): the year and the month as one number, then
 * the day, or the year, then the month and the day as one; the year as printsYear
 * allows. Only ever asked of a known date.
 */
function runTogether([a, b]: [string, string], y: number, m: number, d: number): boolean {
  const monthThenDay = spellings(m).some(
    (mm) => a.endsWith(mm) && printsYear(a.slice(0, -mm.length), y) && Number(b) === d,
  );
  const dayRunOn =
    printsYear(a, y) && spellings(m).some((mm) => spellings(d).some((dd) => b === mm + dd));
  return monthThenDay || dayRunOn;
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
