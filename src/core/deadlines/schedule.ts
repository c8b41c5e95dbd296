// The official Chinese holiday schedule of some years, as data: per year, the public
// holidays (every day off of each holiday period, weekend days included) and the adjusted
// working days (调休, weekend days that are worked). The State Council publishes each year's
// schedule in November or December; a user loads it in this shape when the bundled data
// does not cover the year yet (spec §4).
import * as z from 'zod';
import { isIsoDate, parseIsoDate } from '../dates';

const IsoDateSchema = z
  .string({ error: 'dates must be ISO strings (YYYY-MM-DD)' })
  .refine(isIsoDate, {
    error: (issue) => `${String(issue.input)} is not a real ISO date (YYYY-MM-DD)`,
  });

export const YearScheduleSchema = z
  .object({
    /** Days off: each day of each public holiday period, weekend days included. */
    holidays: z.array(IsoDateSchema, { error: 'each year needs a "holidays" list of ISO dates' }),
    /** Adjusted working days (调休): weekend days that are worked. */
    workingDays: z.array(IsoDateSchema, {
      error: 'each year needs a "workingDays" list of ISO dates',
    }),
    /** Where the data comes from, e.g. the State Council notice (国务院办公厅通知). */
    source: z.string().optional(),
    /** The day the source was published (e.g. the notice's date), when known. */
    published: IsoDateSchema.optional(),
  })
  .strict();
export type YearSchedule = z.infer<typeof YearScheduleSchema>;

function isWeekend(iso: string): boolean {
  const day = parseIsoDate(iso)?.getDay();
  return day === 0 || day === 6;
}

/** Year (four digits, e.g. "2027") → that year's schedule. */
export const HolidayScheduleSchema = z
  .record(z.string(), YearScheduleSchema)
  .superRefine((schedule, ctx) => {
    const years = Object.keys(schedule);
    if (years.length === 0) ctx.addIssue({ code: 'custom', message: 'it lists no year' });
    for (const year of years) {
      // Checked here rather than as the record's key schema, whose error names no key.
      if (!/^\d{4}$/.test(year)) {
        ctx.addIssue({
          code: 'custom',
          message: `years must be four-digit keys such as "2027", not "${year}"`,
        });
        continue;
      }
      const { holidays, workingDays } = schedule[year] ?? { holidays: [], workingDays: [] };
      // An empty year would quietly mean "Monday to Friday", which is what loading the
      // official schedule is meant to rule out.
      if (holidays.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: [year, 'holidays'],
          message: `${year} lists no public holidays`,
        });
      const seen = new Set<string>();
      const check = (date: string, list: 'holidays' | 'workingDays'): void => {
        const issue = (message: string): void =>
          ctx.addIssue({ code: 'custom', path: [year, list], message });
        if (!date.startsWith(`${year}-`))
          issue(`${date} is listed under ${year} but is not in ${year}`);
        else if (seen.has(date))
          issue(
            holidays.includes(date) && workingDays.includes(date)
              ? `${date} is listed both as a holiday and as an adjusted working day`
              : `${date} is listed twice`,
          );
        // Adjusted working days exist only to make a weekend day a working day; a weekday
        // here is a typo for another date.
        else if (list === 'workingDays' && !isWeekend(date))
          issue(`${date} is listed as an adjusted working day but is already a weekday`);
        seen.add(date);
      };
      for (const date of holidays) check(date, 'holidays');
      for (const date of workingDays) check(date, 'workingDays');
    }
  });
export type HolidaySchedule = z.infer<typeof HolidayScheduleSchema>;

/**
 * The schedule in raw (e.g. a user's JSON file), validated; throws one sentence naming the
 * first problem when it is malformed or inconsistent.
 */
export function parseHolidaySchedule(raw: unknown): HolidaySchedule {
  const parsed = HolidayScheduleSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Our own consistency messages name the year and date already; zod's need the path.
  const where =
    issue === undefined || issue.code === 'custom' || issue.path.length === 0
      ? ''
      : ` at ${issue.path.map(String).join('.')}`;
  const why = (issue?.message ?? 'it is not a holiday schedule').replace(/\.$/, '');
  throw new Error(`The holiday schedule was refused${where}: ${why}.`);
}
