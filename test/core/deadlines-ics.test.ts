// The ICS export of deadlines (RFC 5545), read back with ical.js.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  bundledWorkingDayCalendar,
  deadlineUid,
  deadlinesIcs,
  dossierDeadlines,
  type CalendarDeadline,
} from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';

const pack = loadRulePack();
const calendar = bundledWorkingDayCalendar();

function entries(idCardValidUntil: string, today = '2026-12-02'): CalendarDeadline[] {
  return dossierDeadlines(
    { idCardValidUntil, changes: [{ id: 'c-1', kind: 'address', occurredOn: '2026-12-01' }] },
    today,
    calendar,
    pack,
  ).map((item) => ({ dossierKey: 'dossier/42 a', dossierName: '青梧屿科技有限公司', item }));
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return root.getAllSubcomponents('vevent').map((c) => ({
    uid: String(c.getFirstPropertyValue('uid')),
    start: new ICAL.Event(c).startDate.toString(),
    stamp: String(c.getFirstPropertyValue('dtstamp')),
    summary: String(c.getFirstPropertyValue('summary')),
    days: c
      .getAllSubcomponents('valarm')
      .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 3600),
  }));
}

describe('deadlines as an ICS calendar', () => {
  it('gives each deadline an all-day event with alarms at 09:00 the day before and on the day', () => {
    const now = new Date('2026-12-02T02:00:00Z');
    const events = parse(deadlinesIcs(entries('2026-12-20'), { language: 'zh', now }));
    expect(events.map((e) => [e.start, e.summary, e.days])).toEqual([
      ['2026-12-04', '向平台报备变更截止: 青梧屿科技有限公司', [-15, 9]],
      ['2026-12-08', '通知开户银行截止: 青梧屿科技有限公司', [-15, 9]],
      // Expiry: also 90, 30 and 7 days before, at 09:00.
      [
        '2026-12-20',
        '法人身份证到期: 青梧屿科技有限公司',
        [-(90 * 24 - 9), -(30 * 24 - 9), -(7 * 24 - 9), -15, 9],
      ],
    ]);
    expect(events.every((e) => e.stamp === '2026-12-02T02:00:00Z')).toBe(true);
  });

  it('keeps UIDs when the dates move (a renewed ID card, a later export), so a re-import updates', () => {
    const before = parse(deadlinesIcs(entries('2026-12-20'), { language: 'en' }));
    const after = parse(deadlinesIcs(entries('2027-01-15', '2026-12-03'), { language: 'en' }));
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after[2]?.start).toBe('2027-01-15');
    expect(before.map((e) => e.uid)).toEqual([
      'dossier_2F42_20a.change-filing.c-1@dossier-vault',
      'dossier_2F42_20a.bank-notification.c-1@dossier-vault',
      'dossier_2F42_20a.id-card-expiry@dossier-vault',
    ]);
    const [first] = entries('2026-12-20');
    expect(first && deadlineUid(first)).toBe(before[0]?.uid);
  });
});
