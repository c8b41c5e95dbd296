import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/core/dates';
import {
  ChangeEventSchema,
  WorkingDayCalendar,
  bundledWorkingDayCalendar,
  changeDeadline,
  dossierDeadlines,
  expiryStatus,
  parseHolidaySchedule,
  type DeadlineItem,
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

describe('expiry watch', () => {
  const today = '2026-11-24';
  const at = (days: number) => expiryStatus(addDaysIso(today, days), today, pack);

  it.each([
    [91, 'ok', null],
    [90, 'notice', 90],
    [31, 'notice', 90],
    [30, 'warning', 30],
    [8, 'warning', 30],
    [7, 'critical', 7],
    [0, 'critical', 7],
    [-1, 'expired', null],
  ] as const)('%i days left is %s', (days, level, threshold) => {
    expect(at(days)).toEqual({ daysLeft: days, level, threshold });
  });

  it('long-term never expires; a value that is not a date is refused', () => {
    expect(expiryStatus('long-term', today, pack)).toEqual({
      daysLeft: null,
      level: 'long-term',
      threshold: null,
    });
    expect(() => expiryStatus('长期', today, pack)).toThrow(
      'The validity end "长期" is neither an ISO date (YYYY-MM-DD) nor long-term.',
    );
  });

  it('follows the pack thresholds in any order', () => {
    expect(expiryStatus('2026-12-04', today, { expiryWarningDays: [10, 60] }).level).toBe(
      'critical',
    );
    expect(expiryStatus('2026-12-14', today, { expiryWarningDays: [60, 10] }).level).toBe(
      'warning',
    );
  });
});

describe('a dossier’s deadlines', () => {
  const today = '2026-11-24';
  const summary = (items: DeadlineItem[]) => items.map((i) => [i.kind, i.date, i.level]);

  it('lists pending changes and near expiries, nearest first, with a sentence in each language', () => {
    const items = dossierDeadlines(
      {
        idCardValidUntil: '2026-12-06',
        licenseValidUntil: '2030-01-01',
        changes: [
          {
            id: 'bank',
            kind: 'bank-account-closed',
            occurredOn: '2026-11-02',
            filedOn: '2026-11-03',
          },
          { id: 'addr', kind: 'address', occurredOn: '2026-11-23' },
        ],
      },
      today,
      calendar,
      pack,
    );
    expect(summary(items)).toEqual([
      ['change-filing', '2026-11-26', 'due'],
      ['bank-notification', '2026-11-30', 'due'],
      ['id-card-expiry', '2026-12-06', 'warning'],
    ]);
    expect(items[0]).toMatchObject({
      changeId: 'addr',
      workingDaysLeft: 2,
      daysLeft: 2,
      unlinkOn: '2026-11-27',
      warning: null,
    });
    expect(items[0]?.message).toEqual({
      zh: '营业执照地址变更须在 2 个工作日内报备（截止2026年11月26日），否则平台将于2026年11月27日解除全部账户关联并冻结提现',
      en: 'The license address change must be filed within 2 working days (by 2026-11-26); otherwise on 2026-11-27 the platform unlinks all accounts and freezes withdrawals.',
    });
    expect(items[2]?.message).toEqual({
      zh: '法人身份证将于 12 天后到期（2026年12月06日）',
      en: "The legal representative's ID card expires in 12 days (2026-12-06).",
    });
  });

  it('lists far expiries when asked, and skips long-term and unreadable values', () => {
    const input = { idCardValidUntil: 'long-term', licenseValidUntil: '2030-01-01' };
    expect(dossierDeadlines(input, today, calendar, pack)).toEqual([]);
    const all = dossierDeadlines(input, today, calendar, pack, { horizonDays: Infinity });
    expect(summary(all)).toEqual([['license-expiry', '2030-01-01', 'ok']]);
    expect(all[0]?.message.en).toBe('The business license expires in 1134 days (2030-01-01).');
    expect(dossierDeadlines({ idCardValidUntil: '2026-13-01' }, today, calendar, pack)).toEqual([]);
  });

  it('puts passed deadlines first and says what happened', () => {
    const items = dossierDeadlines(
      {
        licenseValidUntil: '2026-11-23',
        idCardValidUntil: '2026-11-24',
        changes: [
          { id: 'rep', kind: 'legal-representative', occurredOn: '2026-11-13' },
          { id: 'bank', kind: 'bank-account-closed', occurredOn: '2026-11-18' },
        ],
      },
      today,
      calendar,
      pack,
    );
    expect(summary(items)).toEqual([
      ['change-filing', '2026-11-18', 'unlinked'],
      ['bank-notification', '2026-11-20', 'overdue'],
      ['change-filing', '2026-11-23', 'unlinked'],
      ['license-expiry', '2026-11-23', 'expired'],
      ['id-card-expiry', '2026-11-24', 'critical'],
    ]);
    expect(items.map((i) => i.message.en)).toEqual([
      'The legal representative change was not filed by 2026-11-18, so on 2026-11-19 the platform unlinked all accounts and froze withdrawals.',
      'The bank should have been told of the legal representative change by 2026-11-20.',
      'The bank account closure was not filed by 2026-11-23, so on 2026-11-24 the platform unlinked all accounts and froze withdrawals.',
      'The business license expired 1 day ago (2026-11-23).',
      "The legal representative's ID card expires today (2026-11-24).",
    ]);
    expect(items[3]?.message.zh).toBe('营业执照已过期 1 天（2026年11月23日到期）');
  });

  it('between the deadline and the unlinking day the filing is overdue', () => {
    // Changed Tuesday 24 November: due Friday 27; on Saturday 28 the platform has not
    // unlinked yet, and the deadline reads -1 working day, never 0.
    const [item] = dossierDeadlines(
      { changes: [{ id: 'rep', kind: 'legal-representative', occurredOn: '2026-11-24' }] },
      '2026-11-28',
      calendar,
      pack,
    );
    expect(item).toMatchObject({
      date: '2026-11-27',
      unlinkOn: '2026-11-30',
      level: 'overdue',
      workingDaysLeft: -1,
    });
    expect(item?.message).toEqual({
      zh: '法定代表人变更的报备已逾期（截止2026年11月27日），平台将于2026年11月30日解除全部账户关联并冻结提现',
      en: 'Legal representative change filing was due by 2026-11-27; on 2026-11-30 the platform unlinks all accounts and freezes withdrawals.',
    });
  });

  it('carries the uncovered-year warning of a deadline in 2027', () => {
    const [item] = dossierDeadlines(
      { changes: [{ id: 'c', kind: 'address', occurredOn: '2026-12-30' }] },
      '2026-12-30',
      calendar,
      pack,
    );
    expect(item).toMatchObject({
      kind: 'change-filing',
      date: '2027-01-04',
      uncovered: [2027],
      workingDaysLeft: 3,
    });
    expect(item?.warning?.en).toMatch(/without the official holiday schedule for 2027/);
  });
});
