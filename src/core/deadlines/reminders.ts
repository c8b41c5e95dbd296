// Desktop reminders (issue 18 §5): which deadlines an OS notification names, and when the
// daily run is next. Pure, so that the Electron main process stays a thin timer around it.
import type { WorkingDayCalendar } from './calendar';
import { isChangeDeadline } from './dossier-deadlines';
import type { CalendarDeadline } from './ics';

/**
 * The deadlines within `withinWorkingDays` working days of today (passed ones included:
 * they need action most), nearest first.
 */
export function remindersDue(
  entries: readonly CalendarDeadline[],
  today: string,
  calendar: WorkingDayCalendar,
  withinWorkingDays = 2,
): CalendarDeadline[] {
  return entries
    .filter(({ item }) => {
      const left = isChangeDeadline(item)
        ? item.workingDaysLeft
        : workingDaysUntil(item.date, today, calendar);
      return left <= withinWorkingDays;
    })
    .sort((a, b) => a.item.date.localeCompare(b.item.date));
}

/**
 * Working days from today to `date` (0: today; -1 for any day already passed), for a
 * deadline known only by its date (the desktop reminders count again each day).
 */
export function workingDaysUntil(date: string, today: string, calendar: WorkingDayCalendar): number {
  return date < today ? -1 : calendar.workingDaysBetween(today, date).value;
}

/** Milliseconds from `now` to the next `hour`:00 local time (the daily run while running). */
export function msUntilNextRun(now: Date, hour = 9): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

/** The deadlines falling due within `days` calendar days of today, passed ones included (the unlock banner). */
export function dueWithinDays(
  entries: readonly CalendarDeadline[],
  days: number,
): CalendarDeadline[] {
  return entries.filter(({ item }) => item.daysLeft <= days);
}
