// Working-day deadlines of a change: the bundled calendar, the filing deadlines and the
// holiday schedules a user loads (expiry and a dossier's deadlines:
// deadlines-dossier.test.ts).
import { describe, expect, it } from 'vitest';
import {
  ChangeEventSchema,
  WorkingDayCalendar,
  bundledWorkingDayCalendar,
  changeDeadline,
  parseHolidaySchedule,
} from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';

const pack = loadRulePack();
const calendar = bundledWorkingDayCalendar();

/**
 * A 2027 schedule for the tests, shaped like the State Council's notice but NOT the
 * official one: New Year off 1-3 January, one adjusted Saturday working day.
 */
const TEST_2027 = {
  '2027': {
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
    workingDays: ['2027-02-20'],
    source: 'test data, not the official 2027 schedule',
  },
};

function deadlineOf(changeDate: string, cal = calendar) {
  const { deadline, unlinkOn, uncovered } = changeDeadline(changeDate, cal, pack);
  return { deadline, unlinkOn, uncovered };
}

describe('the bundled calendar (chinese-days)', () => {
  it('covers 2004 to 2026 and nothing after', () => {
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears.at(-1)).toBe(2026);
    expect(calendar.coveredYears).toHaveLength(23);
    expect(calendar.covers(2027)).toBe(false);
  });

  it('knows weekends, holidays and adjusted working days', () => {
    expect(calendar.day('2026-11-24')).toEqual({
      date: '2026-11-24',
      working: true,
      reason: 'weekday',
      covered: true,
    });
    expect(calendar.day('2026-11-22')).toMatchObject({ working: false, reason: 'weekend' });
    // National Day 2026 falls on a Thursday; the Saturday after it is worked.
    expect(calendar.day('2026-10-01')).toMatchObject({ working: false, reason: 'holiday' });
    expect(calendar.day('2026-10-10')).toMatchObject({
      working: true,
      reason: 'adjusted-working-day',
    });
    // Spring Festival 2026: 15-23 February off, Saturdays 14 and 28 February worked.
    expect(calendar.day('2026-02-23')).toMatchObject({ working: false, reason: 'holiday' });
    expect(calendar.day('2026-02-14')).toMatchObject({
      working: true,
      reason: 'adjusted-working-day',
    });
    expect(calendar.day('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: true,
      reason: 'weekday',
      covered: false,
    });
  });

  it('counts working days between two dates either way', () => {
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-26').value).toBe(3);
    expect(calendar.workingDaysBetween('2026-11-26', '2026-11-26').value).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-26').value).toBe(-1);
    // Saturday to Monday: only the Monday counts.
    expect(calendar.workingDaysBetween('2026-11-21', '2026-11-23').value).toBe(1);
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-04')).toEqual({
      value: 3,
      uncovered: [2027],
    });
  });
});

describe('change filing deadlines', () => {
  it('does not count the day of the change: a Monday change is due on Thursday', () => {
    expect(deadlineOf('2026-11-23')).toEqual({
      deadline: '2026-11-26',
      unlinkOn: '2026-11-27',
      uncovered: [],
    });
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('skips weekends, and a change on a weekend counts from Monday', () => {
    expect(deadlineOf('2026-11-20')).toEqual({
      deadline: '2026-11-25',
      unlinkOn: '2026-11-26',
      uncovered: [],
    });
    expect(deadlineOf('2026-11-21')).toEqual({
      deadline: '2026-11-25',
      unlinkOn: '2026-11-26',
      uncovered: [],
    });
    // A change on a worked Sunday (2026-09-20) still does not count that Sunday.
    expect(deadlineOf('2026-09-20').deadline).toBe('2026-09-23');
  });

  it('National Day 2025: counts the worked Sunday before and the worked Saturday after', () => {
    // Thursday 25 September: Fri 26 (1), Sun 28 worked (2), Mon 29 (3); Tue 30 unlinks.
    expect(deadlineOf('2025-09-25')).toEqual({
      deadline: '2025-09-29',
      unlinkOn: '2025-09-30',
      uncovered: [],
    });
    // Tuesday 30 September: 1-8 October off, Thu 9 (1), Fri 10 (2), Sat 11 worked (3).
    expect(deadlineOf('2025-09-30')).toEqual({
      deadline: '2025-10-11',
      unlinkOn: '2025-10-13',
      uncovered: [],
    });
  });

  it('Mid-autumn and National Day 2026: the deadline lands after the holiday', () => {
    // Thursday 24 September: 25-27 off (Mid-autumn), Mon 28, Tue 29, Wed 30; 1-7 October off.
    expect(deadlineOf('2026-09-24')).toEqual({
      deadline: '2026-09-30',
      unlinkOn: '2026-10-08',
      uncovered: [],
    });
    // Tuesday 29 September: Wed 30, Thu 8 Oct, Fri 9 Oct; the platform unlinks on the worked Saturday.
    expect(deadlineOf('2026-09-29')).toEqual({
      deadline: '2026-10-09',
      unlinkOn: '2026-10-10',
      uncovered: [],
    });
  });

  it('Spring Festival 2026: counts the worked Saturday, then waits out 15-23 February', () => {
    expect(deadlineOf('2026-02-12')).toEqual({
      deadline: '2026-02-24',
      unlinkOn: '2026-02-25',
      uncovered: [],
    });
  });

  it('says when the computation reaches a year the data does not cover, instead of guessing silently', () => {
    const due = changeDeadline('2026-12-30', calendar, pack);
    expect(due).toMatchObject({
      deadline: '2027-01-04',
      unlinkOn: '2027-01-05',
      uncovered: [2027],
    });
    expect(due.warning?.en).toBe(
      'Computed without the official holiday schedule for 2027: the deadline 2027-01-04 and the unlinking day 2027-01-05 assume Monday to Friday are working days there; load the official 2027 holiday schedule to confirm.',
    );
    expect(due.warning?.zh).toContain('未按2027年官方节假日安排计算');
    // Only the unlinking day crosses into 2027: still a warning.
    expect(deadlineOf('2026-12-28')).toEqual({
      deadline: '2026-12-31',
      unlinkOn: '2027-01-01',
      uncovered: [2027],
    });
    expect(changeDeadline('2026-11-23', calendar, pack).warning).toBeNull();
  });

  it('loading a schedule for 2027 removes the warning and changes the result', () => {
    const with2027 = calendar.withSchedule(TEST_2027);
    expect(with2027.coveredYears.at(-1)).toBe(2027);
    const due = changeDeadline('2026-12-30', with2027, pack);
    // 1 January 2027 is now a holiday: Thu 31 Dec (1), Mon 4 Jan (2), Tue 5 Jan (3).
    expect(due).toMatchObject({
      deadline: '2027-01-05',
      unlinkOn: '2027-01-06',
      uncovered: [],
      warning: null,
    });
    // The calendar it was loaded into is unchanged.
    expect(calendar.covers(2027)).toBe(false);
    expect(with2027.day('2027-02-20')).toMatchObject({
      working: true,
      reason: 'adjusted-working-day',
    });
  });

  it('reports the working days left until the deadline', () => {
    const due = changeDeadline('2026-11-23', calendar, pack);
    expect(due.workingDaysLeft('2026-11-23')).toBe(3);
    expect(due.workingDaysLeft('2026-11-26')).toBe(0);
    expect(due.workingDaysLeft('2026-11-27')).toBe(-1);
    // Past the deadline: minus the working days in [deadline, today) (Thu and Fri).
    expect(due.workingDaysLeft('2026-11-28')).toBe(-2);
    expect(due.workingDaysLeft('2026-11-30')).toBe(-2);
    expect(due.workingDaysLeft('2026-12-01')).toBe(-3);
    // A weekend day before the deadline still has all of it ahead.
    expect(changeDeadline('2026-11-20', calendar, pack).workingDaysLeft('2026-11-22')).toBe(3);
    expect(JSON.parse(JSON.stringify(due))).toEqual({
      changeDate: '2026-11-23',
      workingDays: 3,
      deadline: '2026-11-26',
      unlinkOn: '2026-11-27',
      uncovered: [],
      warning: null,
    });
  });

  it('follows the pack and refuses a date that is not ISO in one sentence', () => {
    expect(
      changeDeadline('2026-11-23', calendar, {
        changes: { ...pack.changes, fileWithinWorkingDays: 1 },
      }).deadline,
    ).toBe('2026-11-24');
    expect(() => changeDeadline('2026/11/23', calendar, pack)).toThrow(
      'The change date "2026/11/23" is not an ISO date (YYYY-MM-DD).',
    );
  });

  it('validates change events', () => {
    expect(
      ChangeEventSchema.safeParse({ id: 'c1', kind: 'address', occurredOn: '2026-11-23' }).success,
    ).toBe(true);
    expect(
      ChangeEventSchema.safeParse({ id: 'c1', kind: 'name', occurredOn: '2026-11-23' }).success,
    ).toBe(false);
    expect(
      ChangeEventSchema.safeParse({ id: 'c1', kind: 'address', occurredOn: '2026-02-30' }).success,
    ).toBe(false);
    expect(
      ChangeEventSchema.safeParse({
        id: 'c1',
        kind: 'bank-account-closed',
        occurredOn: '2026-11-23',
        filedOn: '2026-11-24',
      }).success,
    ).toBe(true);
  });
});

describe('holiday schedules a user loads', () => {
  const refused = (raw: unknown): string => {
    try {
      parseHolidaySchedule(raw);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('the schedule was accepted');
  };
  const year = (holidays: string[], workingDays: string[] = []) => ({
    '2027': { holidays, workingDays },
  });

  it('accepts a well-formed schedule', () => {
    expect(parseHolidaySchedule(TEST_2027)['2027']?.holidays).toHaveLength(3);
  });

  it.each([
    ['not an object', 'holidays.json', /^The holiday schedule was refused: /],
    ['no year', {}, /^The holiday schedule was refused: it lists no year\.$/],
    [
      'a two-digit year',
      { '27': { holidays: ['2027-01-01'], workingDays: [] } },
      /: years must be four-digit keys such as "2027", not "27"\.$/,
    ],
    [
      'a date outside the year',
      year(['2027-01-01', '2026-12-31']),
      /: 2026-12-31 is listed under 2027 but is not in 2027\.$/,
    ],
    [
      'a date both holiday and working day',
      year(['2027-01-01', '2027-02-20'], ['2027-02-20']),
      /: 2027-02-20 is listed both as a holiday and as an adjusted working day\.$/,
    ],
    [
      'a weekday as adjusted working day',
      year(['2027-01-01'], ['2027-02-22']),
      /2027-02-22 is listed as an adjusted working day but is already a weekday\.$/,
    ],
    [
      'a date that does not exist',
      year(['2027-02-30']),
      /: 2027-02-30 is not a real ISO date \(YYYY-MM-DD\)\.$/,
    ],
    ['a year without holidays', year([]), /: 2027 lists no public holidays\.$/],
    ['a date listed twice', year(['2027-01-01', '2027-01-01']), /: 2027-01-01 is listed twice\.$/],
    [
      'a missing list',
      { '2027': { holidays: ['2027-01-01'] } },
      /at 2027\.workingDays: each year needs a "workingDays" list/,
    ],
    [
      'an unknown key',
      { '2027': { holidays: ['2027-01-01'], workingDays: [], extra: 1 } },
      /^The holiday schedule was refused at 2027: /,
    ],
  ])('refuses %s with one sentence', (_name, raw, expected) => {
    const message = refused(raw);
    expect(message).toMatch(expected);
    expect(message).toMatch(/^The holiday schedule was refused[^\n]*\.$/);
    expect(message.split('. ')).toHaveLength(1);
  });

  it('builds a calendar of its own years alone', () => {
    const only2027 = WorkingDayCalendar.fromSchedule(TEST_2027);
    expect(only2027.coveredYears).toEqual([2027]);
    expect(only2027.day('2026-10-01')).toMatchObject({ working: true, covered: false });
    expect(only2027.schedule).toEqual(TEST_2027);
  });

  it('refuses it when loaded into a calendar, leaving the calendar as it was', () => {
    expect(() => calendar.withSchedule(year(['2026-12-31']))).toThrow(/is not in 2027/);
    expect(calendar.covers(2027)).toBe(false);
  });
});
