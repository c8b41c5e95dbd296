// Storage of the holiday schedules a user loads (spec §4): one plain record per year in
// the holidaySchedules table (version 4). The calendar every deadline uses is the bundled
// data with these years laid over it.
import {
  bundledWorkingDayCalendar,
  parseHolidaySchedule,
  type WorkingDayCalendar,
} from '../core/deadlines';
import { appendAudit } from './audit';
import type { VaultContext } from './context';
import type { VaultDB } from './db';
import { VaultError } from './errors';
import type { HolidayScheduleRecord } from './schema/holiday-schedules';

/**
 * Validates a schedule file's JSON and stores each of its years (a year loaded again
 * replaces the earlier load). Returns the years, ascending. Throws a VaultError with one
 * sentence when the file is not a valid schedule; nothing is stored then.
 */
export async function saveHolidaySchedule(
  db: VaultDB,
  raw: unknown,
  fileName: string,
  loadedAt: number,
): Promise<string[]> {
  let schedule;
  try {
    schedule = parseHolidaySchedule(raw);
  } catch (error) {
    throw new VaultError(error instanceof Error ? error.message : String(error));
  }
  const records: HolidayScheduleRecord[] = Object.entries(schedule).map(([year, entry]) => ({
    year,
    schedule: entry,
    loadedAt,
    fileName,
  }));
  await db.holidaySchedules.bulkPut(records);
  return records.map((r) => r.year).sort();
}

/** The loaded years, ascending. */
export async function listHolidaySchedules(db: VaultDB): Promise<HolidayScheduleRecord[]> {
  return db.holidaySchedules.orderBy('year').toArray();
}

export async function removeHolidaySchedule(db: VaultDB, year: string): Promise<void> {
  await db.holidaySchedules.delete(year);
}

/** Stores the years of a schedule file (validated) as a person's setting; audited. */
export async function loadHolidaySchedule(
  ctx: VaultContext,
  raw: unknown,
  fileName: string,
): Promise<string[]> {
  const years = await saveHolidaySchedule(ctx.db, raw, fileName, ctx.now());
  await appendAudit(ctx, 'settings', null, null, `holiday schedule ${years.join(', ')}`);
  return years;
}

/** Removes a loaded year (the bundled data applies to it again); audited. */
export async function dropHolidaySchedule(ctx: VaultContext, year: string): Promise<void> {
  await removeHolidaySchedule(ctx.db, year);
  await appendAudit(ctx, 'settings', null, null, `holiday schedule ${year} removed`);
}

/** The bundled calendar with the loaded years over it. */
export function calendarWith(records: readonly HolidayScheduleRecord[]): WorkingDayCalendar {
  const bundled = bundledWorkingDayCalendar();
  if (records.length === 0) return bundled;
  return bundled.withSchedule(Object.fromEntries(records.map((r) => [r.year, r.schedule])));
}
