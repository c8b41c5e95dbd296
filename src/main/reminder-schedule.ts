// The desktop reminders' schedule (issue 18 §5), pure so that Node tests drive it with a
// fake clock: which deadlines a notification names today, and when it runs. The renderer
// sends the deadlines after each unlock and change (the vault is the renderer's; main
// keeps them in memory only, so the daily run works while the vault is locked); a
// notification is shown at once on the first send of a day ("on start"), then at 09:00
// each day while the app runs. Electron's Notification is wired in ./reminders.ts.
import { localIsoDate } from '../core/dates';
import {
  bundledWorkingDayCalendar,
  msUntilNextRun,
  workingDaysUntil,
  type WorkingDayCalendar,
} from '../core/deadlines';
import type { Reminder, RemindersRequest } from '../shared/ipc';

/** Deadlines within this many working days are named (passed ones included). */
export const REMINDER_WORKING_DAYS = 2;

/** The reminders due on `today`, nearest first. */
export function remindersOn(
  reminders: readonly Reminder[],
  today: string,
  calendar: WorkingDayCalendar,
  withinWorkingDays = REMINDER_WORKING_DAYS,
): Reminder[] {
  return reminders
    .filter((r) => workingDaysUntil(r.date, today, calendar) <= withinWorkingDays)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

export interface ReminderNotice {
  title: string;
  body: string;
}

const SHOWN_LINES = 4;

/** The notification naming these reminders, or null when there is none. */
export function reminderNotice(
  due: readonly Reminder[],
  today: string,
  language: 'zh' | 'en',
): ReminderNotice | null {
  if (due.length === 0) return null;
  const passed = due.filter((r) => r.date < today).length;
  const title =
    language === 'zh'
      ? `资料保险箱：${due.length} 项期限在 ${REMINDER_WORKING_DAYS} 个工作日内${passed > 0 ? `（${passed} 项已过期）` : ''}`
      : `Dossier Vault: ${due.length} deadline${due.length === 1 ? '' : 's'} within ${REMINDER_WORKING_DAYS} working days${passed > 0 ? ` (${passed} passed)` : ''}`;
  const lines = due.slice(0, SHOWN_LINES).map((r) => `${r.date} ${r.title}`);
  if (due.length > SHOWN_LINES)
    lines.push(
      language === 'zh'
        ? `另有 ${due.length - SHOWN_LINES} 项`
        : `and ${due.length - SHOWN_LINES} more`,
    );
  return { title, body: lines.join('\n') };
}

export interface ReminderClock {
  now(): Date;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class ReminderScheduler {
  // TypeScript-private fields, not #private: the security scanner's parser cannot read them.
  private request: RemindersRequest | null = null;
  private calendar: WorkingDayCalendar = bundledWorkingDayCalendar();
  private timer: unknown = null;
  /** The day a notification was last shown (or found nothing to show). */
  private ranOn: string | null = null;

  constructor(
    private readonly clock: ReminderClock,
    private readonly notify: (notice: ReminderNotice) => void,
  ) {}

  /**
   * The deadlines to watch (replacing the earlier ones). Runs at once if nothing ran
   * today, and keeps the daily run scheduled; `enabled: false` forgets everything.
   */
  update(request: RemindersRequest): { watching: number; dueToday: number } {
    if (!request.enabled) {
      this.stop();
      return { watching: 0, dueToday: 0 };
    }
    this.request = request;
    this.calendar =
      request.schedules === null
        ? bundledWorkingDayCalendar()
        : bundledWorkingDayCalendar().withSchedule(request.schedules);
    const today = localIsoDate(this.clock.now());
    const dueToday = remindersOn(request.reminders, today, this.calendar).length;
    if (this.ranOn !== today) this.run();
    else this.schedule();
    return { watching: request.reminders.length, dueToday };
  }

  /** Shows today's notification (if anything is due) and schedules the next run. */
  run(): void {
    if (this.request === null) return;
    const today = localIsoDate(this.clock.now());
    const notice = reminderNotice(
      remindersOn(this.request.reminders, today, this.calendar),
      today,
      this.request.language,
    );
    this.ranOn = today;
    if (notice !== null) this.notify(notice);
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.request = null;
    this.ranOn = null;
  }

  private schedule(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      // Started at 08:15 and shown then: the same day's 09:00 run would only repeat it.
      if (this.ranOn === localIsoDate(this.clock.now())) this.schedule();
      else this.run();
    }, msUntilNextRun(this.clock.now()));
  }
}
