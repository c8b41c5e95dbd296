// The desktop reminders' schedule in Node with a fake clock (the Electron shell around it
// needs the binary): what a notification names on a day, that it shows at once on the
// first send of a day and not again on later sends, then daily at 09:00 while running,
// that working days follow the loaded holiday schedule, and that opting out forgets all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledWorkingDayCalendar, parseHolidaySchedule } from '../../src/core/deadlines';
import {
  ReminderScheduler,
  reminderNotice,
  remindersOn,
  type ReminderNotice,
} from '../../src/main/reminder-schedule';
import { gateIpcRequest, APP_ORIGIN } from '../../src/main/policy';
import type { RemindersRequest } from '../../src/shared/ipc';
import { REPO_ROOT } from '../cli/run-cli';

const calendar = bundledWorkingDayCalendar();
const reminders = [
  { key: 'a.change', date: '2026-12-04', title: '向平台报备变更截止: 青梧屿' },
  { key: 'a.bank', date: '2026-12-08', title: '通知开户银行截止: 青梧屿' },
  { key: 'b.id', date: '2026-11-30', title: '法人身份证到期: 南岭' },
  { key: 'c.license', date: '2027-03-01', title: '营业执照到期: 东川' },
];

/** A clock whose timers run when the test moves time forward. */
function fakeClock(start: Date) {
  let now = start.getTime();
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    clock: {
      now: () => new Date(now),
      setTimer: (run: () => void, ms: number) => {
        timers.set(next, { at: now + ms, run });
        return next++;
      },
      clearTimer: (handle: unknown) => void timers.delete(handle as number),
    },
    pending: () => [...timers.values()].map((t) => new Date(t.at)),
    advanceTo(date: Date) {
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= date.getTime())
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = date.getTime();
    },
  };
}

function request(over: Partial<RemindersRequest> = {}): RemindersRequest {
  return { enabled: true, language: 'zh', reminders, schedules: null, ...over };
}

describe('which deadlines a reminder names', () => {
  it('those within 2 working days, passed ones included, nearest first', () => {
    // Wednesday 2 December: Friday the 4th is 2 working days away, Tuesday the 8th is 4.
    expect(remindersOn(reminders, '2026-12-02', calendar).map((r) => r.key)).toEqual([
      'b.id',
      'a.change',
    ]);
    // Friday 4 December: the weekend does not count, Tuesday the 8th is 2 working days away.
    expect(remindersOn(reminders, '2026-12-04', calendar).map((r) => r.key)).toEqual([
      'b.id',
      'a.change',
      'a.bank',
    ]);
    const notice = reminderNotice(
      remindersOn(reminders, '2026-12-02', calendar),
      '2026-12-02',
      'zh',
    );
    expect(notice?.title).toBe('资料保险箱：2 项期限在 2 个工作日内（1 项已过期）');
    expect(notice?.body).toBe(
      '2026-11-30 法人身份证到期: 南岭\n2026-12-04 向平台报备变更截止: 青梧屿',
    );
    expect(reminderNotice([], '2026-12-02', 'en')).toBeNull();
  });

  it('counts working days with a loaded schedule: the 2027 sample’s New Year days are off', () => {
    const sample = parseHolidaySchedule(
      JSON.parse(readFileSync(join(REPO_ROOT, 'docs/holidays-2027.sample.json'), 'utf8')),
    );
    const due = [{ key: 'x', date: '2027-01-05', title: 'x' }];
    // Thursday 31 December → Tuesday 5 January: Monday to Friday assumed, 3 working days
    // (1, 4, 5 January); with the sample, 1 January is a holiday, so 2.
    expect(remindersOn(due, '2026-12-31', calendar)).toEqual([]);
    expect(remindersOn(due, '2026-12-31', calendar.withSchedule(sample))).toEqual(due);
  });
});

describe('ReminderScheduler', () => {
  it('shows at once on the first send of a day, not on later sends nor at 09:00 that day, then daily at 09:00', () => {
    const time = fakeClock(new Date(2026, 11, 2, 8, 15));
    const shown: { at: Date; notice: ReminderNotice }[] = [];
    const scheduler = new ReminderScheduler(time.clock, (notice) =>
      shown.push({ at: time.clock.now(), notice }),
    );
    expect(scheduler.update(request())).toEqual({ watching: 4, dueToday: 2 });
    expect(shown.map((s) => s.notice.title)).toEqual([
      '资料保险箱：2 项期限在 2 个工作日内（1 项已过期）',
    ]);
    // A change in the vault sends the list again: no second notification that day.
    scheduler.update(request());
    expect(shown.length).toBe(1);
    // One timer only, at 09:00 today (the first run was before nine).
    expect(time.pending()).toEqual([new Date(2026, 11, 2, 9, 0)]);
    time.advanceTo(new Date(2026, 11, 4, 12, 0));
    expect(shown.map((s) => [s.at.toString(), s.notice.body.split('\n').length])).toEqual([
      [new Date(2026, 11, 2, 8, 15).toString(), 2],
      [new Date(2026, 11, 3, 9, 0).toString(), 2],
      [new Date(2026, 11, 4, 9, 0).toString(), 3],
    ]);
    expect(time.pending()).toEqual([new Date(2026, 11, 5, 9, 0)]);
  });

  it('shows nothing on a day nothing is due, and forgets everything when turned off', () => {
    const time = fakeClock(new Date(2026, 10, 2, 10, 0));
    const shown: ReminderNotice[] = [];
    const scheduler = new ReminderScheduler(time.clock, (n) => shown.push(n));
    expect(scheduler.update(request())).toEqual({ watching: 4, dueToday: 0 });
    expect(shown).toEqual([]);
    expect(time.pending().length).toBe(1);
    expect(scheduler.update(request({ enabled: false }))).toEqual({ watching: 0, dueToday: 0 });
    expect(time.pending()).toEqual([]);
    time.advanceTo(new Date(2026, 11, 4, 12, 0));
    expect(shown).toEqual([]);
  });

  it('main accepts only a well-formed reminder list over IPC', () => {
    const app = { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true, isAppWindow: true };
    expect(gateIpcRequest('setReminders', app, request()).ok).toBe(true);
    for (const bad of [
      request({ reminders: [{ key: 'k', date: '4 Dec', title: 't' }] }),
      { ...request(), extra: 1 },
      request({ schedules: { '2027': { holidays: [], workingDays: [] } } }),
    ])
      expect(gateIpcRequest('setReminders', app, bad).ok).toBe(false);
  });
});
