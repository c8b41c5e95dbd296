// The official holiday schedule of a year a user loaded (spec §4), one record per year.
// Added in version 4. Plain: public data, and the deadlines need it on the list screen.
import * as z from 'zod';
import { YearScheduleSchema } from '../../core/deadlines/schedule';

export const HolidayScheduleRecordSchema = z.object({
  /** Four digits, e.g. "2027". */
  year: z.string().regex(/^\d{4}$/),
  /** The year as validated on load (holidays, working days, source, publication date). */
  schedule: YearScheduleSchema,
  /** When it was loaded (ms since the epoch). */
  loadedAt: z.number(),
  /** The file it came from. */
  fileName: z.string(),
});
export type HolidayScheduleRecord = z.infer<typeof HolidayScheduleRecordSchema>;
