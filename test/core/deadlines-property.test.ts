import fc from 'fast-check';
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween } from '../../src/core/dates';
import { bundledWorkingDayCalendar, changeDeadline } from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';

const pack = loadRulePack();
const calendar = bundledWorkingDayCalendar();
const FIRST = '2004-01-01';
const LAST_COVERED = '2026-12-31';

/** A date from 2004-01-01 to `last`. */
const dateUpTo = (last: string) =>
  fc.integer({ min: 0, max: daysBetween(FIRST, last) }).map((i) => addDaysIso(FIRST, i));

describe('working day properties', () => {
  it('the calendar agrees with chinese-days on every covered day it is asked about', () => {
    // An independent oracle: the package's own isWorkday, which is right inside its years.
    fc.assert(
      fc.property(dateUpTo(LAST_COVERED), (date) => {
        expect(calendar.isWorkingDay(date)).toBe(isWorkday(date));
      }),
      { numRuns: 2000 },
    );
  });

  it('the deadline is a working day, after the change, exactly N working days after it; unlinking is the next one', () => {
    const n = pack.changes.fileWithinWorkingDays;
    fc.assert(
      fc.property(dateUpTo('2030-12-31'), (changeDate) => {
        const due = changeDeadline(changeDate, calendar, pack);
        expect(calendar.isWorkingDay(due.deadline)).toBe(true);
        expect(due.deadline > changeDate).toBe(true);
        expect(calendar.workingDaysBetween(changeDate, due.deadline).value).toBe(n);
        // The day before the deadline is still short of N: the deadline is the first day to reach it.
        expect(calendar.workingDaysBetween(changeDate, addDaysIso(due.deadline, -1)).value).toBe(
          n - 1,
        );
        expect(calendar.isWorkingDay(due.unlinkOn)).toBe(true);
        expect(calendar.workingDaysBetween(due.deadline, due.unlinkOn).value).toBe(1);
        expect(due.workingDaysLeft(changeDate)).toBe(n);
        expect(due.workingDaysLeft(due.deadline)).toBe(0);
        expect(due.workingDaysLeft(due.unlinkOn)).toBe(-1);
        // Never a silent Monday-Friday guess: uncovered years are named, with a warning.
        const crossed = new Set<number>();
        for (let d = addDaysIso(changeDate, 1); d <= due.unlinkOn; d = addDaysIso(d, 1))
          crossed.add(Number(d.slice(0, 4)));
        expect(due.uncovered).toEqual(
          [...crossed].filter((y) => !calendar.covers(y)).sort((a, b) => a - b),
        );
        expect(due.warning === null).toBe(due.uncovered.length === 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('holds for any number of working days the pack may ask', () => {
    fc.assert(
      fc.property(dateUpTo('2027-12-31'), fc.integer({ min: 1, max: 30 }), (changeDate, n) => {
        const { value: deadline } = calendar.addWorkingDays(changeDate, n);
        expect(calendar.isWorkingDay(deadline)).toBe(true);
        expect(calendar.workingDaysBetween(changeDate, deadline).value).toBe(n);
        expect(calendar.workingDaysBetween(deadline, changeDate).value).toBe(-n);
      }),
      { numRuns: 500 },
    );
  });
});
