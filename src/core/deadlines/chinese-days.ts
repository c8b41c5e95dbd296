// The bundled holiday data: the npm package `chinese-days` (2004 to its last year), read
// from its raw JSON rather than its functions, because those silently answer Monday-Friday
// for years the data does not cover (spec §4) and we must know where the data ends.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { WorkingDayCalendar } from './calendar';
import { parseHolidaySchedule, type HolidaySchedule } from './schedule';

/** The package's data: date → "English name,中文名,n" for days off and adjusted working days. */
interface ChineseDaysData {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

/** Groups the package's dates by their own year into a validated HolidaySchedule. */
export function scheduleFromChineseDays(data: ChineseDaysData = chineseDays): HolidaySchedule {
  const schedule: Record<string, { holidays: string[]; workingDays: string[]; source: string }> =
    {};
  const yearOf = (date: string) =>
    (schedule[date.slice(0, 4)] ??= { holidays: [], workingDays: [], source: 'npm chinese-days' });
  for (const date of Object.keys(data.holidays).sort()) yearOf(date).holidays.push(date);
  for (const date of Object.keys(data.workdays).sort()) yearOf(date).workingDays.push(date);
  return parseHolidaySchedule(schedule);
}

let bundled: WorkingDayCalendar | undefined;

/** The calendar of the bundled data; built once, then shared (it is immutable). */
export function bundledWorkingDayCalendar(): WorkingDayCalendar {
  bundled ??= WorkingDayCalendar.fromSchedule(scheduleFromChineseDays());
  return bundled;
}
