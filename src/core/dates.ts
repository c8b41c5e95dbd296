// ISO calendar dates (`YYYY-MM-DD`) and the value `long-term`, as documents and the checks
// use them. Dates are calendar days without a time zone: they are built at local midnight
// for date-fns and only ever formatted back to ISO, so the host's zone cannot shift them.
import { addDays, addYears, differenceInCalendarDays, differenceInYears } from 'date-fns';
import { LONG_TERM } from './documents';

export { LONG_TERM };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether v is the value `long-term` (长期). */
export function isLongTerm(v: string | null | undefined): boolean {
  return v === LONG_TERM;
}

/** The local-midnight Date of an ISO date, or null when s is not a real ISO date. */
export function parseIsoDate(s: string): Date | null {
  const m = ISO_DATE.exec(s);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setFullYear, unlike the constructor, does not read years 0-99 as 1900-1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day);
  // 2023-02-30 rolls over to March; a real date survives the round trip.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)
    return null;
  return date;
}

/** Whether s is a real ISO date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/** The ISO form of a Date's local calendar day. */
export function toIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function requireIso(s: string): Date {
  const date = parseIsoDate(s);
  if (date === null) throw new Error(`"${s}" is not an ISO date (YYYY-MM-DD).`);
  return date;
}

/** iso + n calendar days. Throws one sentence when iso is not an ISO date. */
export function addDaysIso(iso: string, days: number): string {
  return toIsoDate(addDays(requireIso(iso), days));
}

/** iso + n years; 29 February becomes 28 February in a common year. */
export function addYearsIso(iso: string, years: number): string {
  return toIsoDate(addYears(requireIso(iso), years));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(requireIso(to), requireIso(from));
}

/** Full years of age on `on` of someone born on `birth`. */
export function ageOn(birth: string, on: string): number {
  return differenceInYears(requireIso(on), requireIso(birth));
}

/** Whether v is an ISO date or `long-term`. */
export function isDateOrLongTerm(v: string): boolean {
  return isLongTerm(v) || isIsoDate(v);
}

/**
 * Compares two validity ends where `long-term` is later than any date:
 * negative when a ends first, 0 when equal, positive when b ends first.
 */
export function compareValidityEnd(a: string, b: string): number {
  if (isLongTerm(a) || isLongTerm(b)) return (isLongTerm(a) ? 1 : 0) - (isLongTerm(b) ? 1 : 0);
  return daysBetween(b, a);
}

/** The calendar date of `date` in the host's time zone, ISO (today by default). */
export function localIsoDate(date: Date = new Date()): string {
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${m}-${d}`;
}

/** Now as ISO 8601 with the machine's UTC offset, e.g. 2026-11-24T16:40:00+08:00. */
export function localTimestamp(date = new Date()): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
