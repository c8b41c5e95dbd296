// Both deadlines of a tracked change (spec §4): the platform's 3 working days and the
// bank's 5, across holiday weeks with their adjusted Saturdays, into a year the bundled
// data does not cover, and with a loaded schedule for that year.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bankNotificationDeadline,
  bundledWorkingDayCalendar,
  changeDeadline,
  dossierDeadlines,
  isChangeDeadline,
  parseHolidaySchedule,
} from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';

const pack = loadRulePack();
const calendar = bundledWorkingDayCalendar();
const SAMPLE_2027 = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../docs/holidays-2027.sample.json'), 'utf8'),
) as unknown;

function both(kind: 'address' | 'legal-representative', on: string, cal = calendar) {
  const platform = changeDeadline(on, cal, pack);
  const bank = bankNotificationDeadline(kind, on, cal, pack);
  return {
    platform: platform.deadline,
    unlinkOn: platform.unlinkOn,
    bank: bank?.deadline,
    uncovered: [...platform.uncovered, ...(bank?.uncovered ?? [])],
  };
}

describe('the bank notification deadline beside the platform one', () => {
  it('comes from the rule pack: 3 and 5 working days, the bank for address and representative only', () => {
    expect(pack.changes).toEqual({
      fileWithinWorkingDays: 3,
      notifyBankWithinWorkingDays: 5,
      notifyBankOf: ['address', 'legal-representative'],
    });
    expect(
      bankNotificationDeadline('bank-account-closed', '2026-11-23', calendar, pack),
    ).toBeNull();
    // An ordinary week: Monday 23 November → platform Thursday 26, bank Monday 30.
    expect(both('address', '2026-11-23')).toEqual({
      platform: '2026-11-26',
      unlinkOn: '2026-11-27',
      bank: '2026-11-30',
      uncovered: [],
    });
  });

  it('National Day 2025: a change on the Friday before counts the worked Sunday, then waits out 1-8 October', () => {
    // Fri 26 Sep: Sun 28 worked (1), Mon 29 (2), Tue 30 (3); 1-8 October off; Thu 9 (4), Fri 10 (5).
    expect(both('legal-representative', '2025-09-26')).toEqual({
      platform: '2025-09-30',
      unlinkOn: '2025-10-09',
      bank: '2025-10-10',
      uncovered: [],
    });
  });

  it('National Day 2026: the Friday before is Mid-autumn, and the worked Saturday after counts', () => {
    // Fri 25 Sep is a holiday: Mon 28 (1), Tue 29 (2), Wed 30 (3); 1-7 October off; Thu 8 (4), Fri 9 (5).
    expect(both('address', '2026-09-25')).toEqual({
      platform: '2026-09-30',
      unlinkOn: '2026-10-08',
      bank: '2026-10-09',
      uncovered: [],
    });
    // Wed 30 Sep: Thu 8 (1), Fri 9 (2), Sat 10 worked (3) → unlink Mon 12; bank Mon 12 (4), Tue 13 (5).
    expect(both('address', '2026-09-30')).toEqual({
      platform: '2026-10-10',
      unlinkOn: '2026-10-12',
      bank: '2026-10-13',
      uncovered: [],
    });
  });

  it('Spring Festival 2026: the worked Saturday before counts, 15-23 February do not', () => {
    // Fri 13 Feb: Sat 14 worked (1), Tue 24 (2), Wed 25 (3); Thu 26 (4), Fri 27 (5).
    expect(both('address', '2026-02-13')).toEqual({
      platform: '2026-02-25',
      unlinkOn: '2026-02-26',
      bank: '2026-02-27',
      uncovered: [],
    });
  });

  it('into 2027 without its schedule: Monday to Friday, flagged with the year', () => {
    const bank = bankNotificationDeadline('address', '2026-12-28', calendar, pack);
    // Tue 29, Wed 30, Thu 31 (3), Fri 1 Jan (4, a guess), Mon 4 Jan (5).
    expect(bank).toMatchObject({ deadline: '2027-01-04', uncovered: [2027] });
    expect(bank?.warning?.en).toBe(
      'Computed without the official holiday schedule for 2027: the deadline 2027-01-04 assumes Monday to Friday are working days there; load the official 2027 holiday schedule to confirm.',
    );
    expect(bank?.warning?.zh).toContain('未按2027年官方节假日安排计算');
    const items = dossierDeadlines(
      { changes: [{ id: 'c1', kind: 'address', occurredOn: '2026-12-28' }] },
      '2026-12-28',
      calendar,
      pack,
    );
    expect(items.map((i) => [i.kind, i.date, i.warning !== null])).toEqual([
      ['change-filing', '2026-12-31', true],
      ['bank-notification', '2027-01-04', true],
    ]);
  });

  it('with a loaded 2027 schedule (the sample file): no longer flagged, and the holidays move the dates', () => {
    const schedule = parseHolidaySchedule(SAMPLE_2027);
    expect(schedule['2027']?.source).toMatch(/^SAMPLE FORMAT ONLY/);
    const loaded = calendar.withSchedule(SAMPLE_2027);
    // 1 January 2027 is a holiday in the loaded schedule: Tue 29, Wed 30, Thu 31, Mon 4, Tue 5.
    expect(both('address', '2026-12-28', loaded)).toEqual({
      platform: '2026-12-31',
      unlinkOn: '2027-01-04',
      bank: '2027-01-05',
      uncovered: [],
    });
    const items = dossierDeadlines(
      { changes: [{ id: 'c1', kind: 'address', occurredOn: '2026-12-28' }] },
      '2026-12-28',
      loaded,
      pack,
    );
    expect(items.every((i) => i.warning === null)).toBe(true);
  });

  it('lists each deadline with its days left until it is recorded as done', () => {
    const change = { id: 'c1', kind: 'legal-representative' as const, occurredOn: '2026-11-23' };
    const items = dossierDeadlines({ changes: [change] }, '2026-11-24', calendar, pack);
    expect(
      items.map((i) =>
        isChangeDeadline(i) ? [i.kind, i.date, i.daysLeft, i.workingDaysLeft] : [],
      ),
    ).toEqual([
      ['change-filing', '2026-11-26', 2, 2],
      ['bank-notification', '2026-11-30', 6, 4],
    ]);
    expect(items[1]?.message.en).toBe(
      "The legal representative change must be reported to the bank within 4 working days (by 2026-11-30, People's Bank settlement-account rules).",
    );
    // Filed with the platform: the bank deadline stays; told the bank as well: nothing left.
    const filed = { ...change, filedOn: '2026-11-24' };
    expect(
      dossierDeadlines({ changes: [filed] }, '2026-11-24', calendar, pack).map((i) => i.kind),
    ).toEqual(['bank-notification']);
    expect(
      dossierDeadlines(
        { changes: [{ ...filed, bankNotifiedOn: '2026-11-25' }] },
        '2026-12-01',
        calendar,
        pack,
      ),
    ).toEqual([]);
    // Passed without telling the bank: overdue.
    const late = dossierDeadlines({ changes: [filed] }, '2026-12-01', calendar, pack)[0];
    expect(late).toMatchObject({
      kind: 'bank-notification',
      level: 'overdue',
      workingDaysLeft: -1,
    });
  });

  it('watches ID card and license expiry at 90, 30 and 7 days and on the day', () => {
    const level = (validUntil: string) =>
      dossierDeadlines({ idCardValidUntil: validUntil }, '2026-12-02', calendar, pack)[0]?.level ??
      'none';
    expect(
      ['2027-03-03', '2027-03-02', '2027-01-01', '2026-12-09', '2026-12-02', '2026-12-01'].map(
        level,
      ),
    ).toEqual(['none', 'notice', 'warning', 'critical', 'critical', 'expired']);
    const today = dossierDeadlines(
      { licenseValidUntil: '2026-12-02' },
      '2026-12-02',
      calendar,
      pack,
    )[0];
    expect(today?.message.en).toBe('The business license expires today (2026-12-02).');
  });
});
