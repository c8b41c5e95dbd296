// Chinese working days: weekends and public holidays off, adjusted working days (调休) on.
// The calendar knows which years its holiday data covers; outside them it can only assume
// Monday to Friday, and every computation says which uncovered years it crossed so that a
// caller can warn instead of trusting a guess (spec §4).
import { addDaysIso, parseIsoDate } from '../dates';
import { parseHolidaySchedule, type HolidaySchedule } from './schedule';

/** What one day is, and whether the holiday data covers its year. */
export interface WorkingDayInfo {
  date: string;
  working: boolean;
  /** Why: a plain weekday or weekend, a public holiday, or an adjusted working day (调休). */
  reason: 'weekday' | 'weekend' | 'holiday' | 'adjusted-working-day';
  /** False when the year is not covered and `working` is only the Monday-Friday guess. */
  covered: boolean;
}

/** A count or date computed over days, with the uncovered years it crossed (ascending). */
export interface WorkingDaysResult<T> {
  value: T;
  uncovered: number[];
}

interface YearSets {
  holidays: ReadonlySet<string>;
  workingDays: ReadonlySet<string>;
}

function requireDate(iso: string, what: string): Date {
  const date = parseIsoDate(iso);
  if (date === null) throw new Error(`The ${what} "${iso}" is not an ISO date (YYYY-MM-DD).`);
  return date;
}

/** Immutable: loading a schedule returns a new calendar. */
export class WorkingDayCalendar {
  readonly #schedule: HolidaySchedule;
  readonly #years: ReadonlyMap<number, YearSets>;

  private constructor(schedule: HolidaySchedule) {
    this.#schedule = schedule;
    this.#years = new Map(
      Object.entries(schedule).map(([year, { holidays, workingDays }]) => [
        Number(year),
        { holidays: new Set(holidays), workingDays: new Set(workingDays) },
      ]),
    );
  }

  /** A calendar from a holiday schedule (validated; throws one sentence when it is not valid). */
  static fromSchedule(raw: unknown): WorkingDayCalendar {
    return new WorkingDayCalendar(parseHolidaySchedule(raw));
  }

  /**
   * This calendar plus the years of another schedule (e.g. the official schedule of a new
   * year a user loads); a year both have takes the loaded data. Throws one sentence when
   * the schedule is malformed or inconsistent.
   */
  withSchedule(raw: unknown): WorkingDayCalendar {
    return new WorkingDayCalendar({ ...this.#schedule, ...parseHolidaySchedule(raw) });
  }

  /** The schedule behind this calendar, e.g. to store the years a user loaded. */
  get schedule(): HolidaySchedule {
    return copySchedule(this.#schedule);
  }

  /** The years the holiday data covers, ascending. */
  get coveredYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.#years.has(year);
  }

  /** What the day is. Throws one sentence when date is not an ISO date. */
  day(date: string): WorkingDayInfo {
    const weekday = requireDate(date, 'date').getDay();
    const weekend = weekday === 0 || weekday === 6;
    const sets = this.#years.get(Number(date.slice(0, 4)));
    if (sets?.workingDays.has(date))
      return { date, working: true, reason: 'adjusted-working-day', covered: true };
    if (sets?.holidays.has(date)) return { date, working: false, reason: 'holiday', covered: true };
    return {
      date,
      working: !weekend,
      reason: weekend ? 'weekend' : 'weekday',
      covered: sets !== undefined,
    };
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /**
   * The n-th working day after `from` (n ≥ 1); `from` itself never counts, whether or not
   * it is a working day.
   */
  addWorkingDays(from: string, n: number): WorkingDaysResult<string> {
    requireDate(from, 'start date');
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`The number of working days must be a whole number of at least 1, not ${n}.`);
    const uncovered = new Set<number>();
    let date = from;
    for (let counted = 0; counted < n;) {
      date = addDaysIso(date, 1);
      const info = this.day(date);
      if (!info.covered) uncovered.add(Number(date.slice(0, 4)));
      if (info.working) counted += 1;
    }
    return { value: date, uncovered: sortedYears(uncovered) };
  }

  /**
   * Working days from `from` to `to`: those in (from, to] when `to` is later, minus those
   * in (to, from] when it is earlier, 0 when equal. So a deadline today is 0 days away, and
   * a deadline passed yesterday (a working day) is -1.
   */
  workingDaysBetween(from: string, to: string): WorkingDaysResult<number> {
    const start = requireDate(from, 'start date');
    const end = requireDate(to, 'end date');
    const sign = end < start ? -1 : 1;
    const [first, last] = sign === 1 ? [from, to] : [to, from];
    const uncovered = new Set<number>();
    let count = 0;
    for (let date = first; date < last;) {
      date = addDaysIso(date, 1);
      const info = this.day(date);
      if (!info.covered) uncovered.add(Number(date.slice(0, 4)));
      if (info.working) count += 1;
    }
    return { value: sign * count, uncovered: sortedYears(uncovered) };
  }
}

function sortedYears(years: ReadonlySet<number>): number[] {
  return [...years].sort((a, b) => a - b);
}

function copySchedule(schedule: HolidaySchedule): HolidaySchedule {
  return Object.fromEntries(
    Object.entries(schedule).map(([year, entry]) => [
      year,
      { ...entry, holidays: [...entry.holidays], workingDays: [...entry.workingDays] },
    ]),
  );
}
