// Expiry against the pack's watch thresholds, and every deadline of a dossier: its
// documents' expiry and its recorded changes' filing (split from deadlines.test.ts).
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/core/dates';
import {
  bundledWorkingDayCalendar,
  dossierDeadlines,
  expiryStatus,
  type DeadlineItem,
} from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';

const pack = loadRulePack();
const calendar = bundledWorkingDayCalendar();

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
