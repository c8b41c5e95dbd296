// The scheduling logic of the desktop reminders, in Node (the Electron shell around it
// needs the binary, which this machine does not have).
import { describe, expect, it } from 'vitest';
import {
  bundledWorkingDayCalendar,
  dossierDeadlines,
  msUntilNextRun,
  remindersDue,
} from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';

const calendar = bundledWorkingDayCalendar();
const pack = loadRulePack();

function entries(today: string) {
  return dossierDeadlines(
    {
      // Friday 4 December: 2 working days after Wednesday 2 December.
      idCardValidUntil: '2026-12-04',
      licenseValidUntil: '2026-12-07',
      changes: [{ id: 'c', kind: 'address', occurredOn: '2026-12-01' }],
    },
    today,
    calendar,
    pack,
  ).map((item) => ({ dossierKey: 'd', dossierName: '公司', item }));
}

describe('desktop reminders', () => {
  it('names the deadlines within 2 working days, passed ones included', () => {
    // Platform due Fri 4 Dec (2 working days), bank Tue 8 Dec (4), ID Fri 4 (2), license Mon 7 (3).
    expect(
      remindersDue(entries('2026-12-02'), '2026-12-02', calendar).map((e) => e.item.kind),
    ).toEqual(['change-filing', 'id-card-expiry']);
    // On Friday 4 December the weekend does not count: Monday and Tuesday are 1 and 2.
    expect(
      remindersDue(entries('2026-12-04'), '2026-12-04', calendar).map((e) => [
        e.item.kind,
        e.item.date,
      ]),
    ).toEqual([
      ['change-filing', '2026-12-04'],
      ['id-card-expiry', '2026-12-04'],
      ['license-expiry', '2026-12-07'],
      ['bank-notification', '2026-12-08'],
    ]);
    expect(
      remindersDue(entries('2026-12-09'), '2026-12-09', calendar, 0).map((e) => e.item.level),
    ).toEqual(['unlinked', 'expired', 'expired', 'overdue']);
  });

  it('runs daily at 09:00 local time', () => {
    expect(msUntilNextRun(new Date(2026, 11, 2, 8, 30))).toBe(30 * 60 * 1000);
    expect(msUntilNextRun(new Date(2026, 11, 2, 9, 0))).toBe(24 * 3600 * 1000);
    expect(msUntilNextRun(new Date(2026, 11, 2, 17, 0))).toBe(16 * 3600 * 1000);
  });
});
