// Changes that must be filed with the platform after linking (spec §4): a new license
// address, a new legal representative, or a closed bank account. The update is due within
// N working days (rule pack `changes.fileWithinWorkingDays`); on the next working day the
// platform unlinks every account and freezes withdrawals, without notice.
//
// Counting: the day of the change does not count, whatever time it happened; the first
// working day after it is day 1, and the deadline is the end of day N. This is how "within
// N working days" (N个工作日内) is read in Chinese practice, and the Civil Code's rule for
// periods (民法典第二百零一条: 开始的当日不计入，自下一日开始计算). Counting the change day
// would move every deadline one working day earlier; if the platform ever says so, change
// it here and in the test that pins it.
import * as z from 'zod';
import { addDaysIso, isIsoDate } from '../dates';
import type { RulePack } from '../rule-pack';
import type { WorkingDayCalendar } from './calendar';
import { formatDateZh, type Bilingual } from './messages';

export const CHANGE_KINDS = ['address', 'legal-representative', 'bank-account-closed'] as const;
export const ChangeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

const IsoDateSchema = z.string().refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD)');

/** One change the dossier's company must report to the platform. */
export const ChangeEventSchema = z
  .object({
    id: z.string().min(1),
    kind: ChangeKindSchema,
    /** The day the change took effect (e.g. the new license's issue date). */
    occurredOn: IsoDateSchema,
    /** The day the update was filed with the platform; absent while it is pending. */
    filedOn: IsoDateSchema.optional(),
    /** The day the bank was told of it (spec §4); absent while that is pending. */
    bankNotifiedOn: IsoDateSchema.optional(),
  })
  .strict();
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

export interface ChangeDeadline {
  changeDate: string;
  /** Working days allowed (the pack's `changes.fileWithinWorkingDays`). */
  workingDays: number;
  /** The last day to file: the N-th working day after the change date. */
  deadline: string;
  /** The (N+1)-th working day: the platform unlinks all accounts and freezes withdrawals. */
  unlinkOn: string;
  /**
   * Years between the change and `unlinkOn` that the holiday data does not cover, ascending;
   * the dates then assume Monday to Friday working days there and may be wrong.
   */
  uncovered: number[];
  /** One sentence per language when `uncovered` is not empty, else null. */
  warning: Bilingual | null;
  /**
   * Working days from `today` to the deadline: those in (today, deadline], so 0 on the
   * deadline; once it has passed, minus those in [deadline, today), so the day after is -1
   * even on a weekend and a passed deadline never reads 0. Not serialised to JSON.
   */
  workingDaysLeft(today: string): number;
}

/** The filing deadline of a change on changeDate. Throws one sentence when it is not an ISO date. */
export function changeDeadline(
  changeDate: string,
  calendar: WorkingDayCalendar,
  pack: Pick<RulePack, 'changes'>,
): ChangeDeadline {
  requireChangeDate(changeDate);
  const workingDays = pack.changes.fileWithinWorkingDays;
  const deadline = calendar.addWorkingDays(changeDate, workingDays);
  const unlinkOn = calendar.addWorkingDays(deadline.value, 1);
  const uncovered = [...new Set([...deadline.uncovered, ...unlinkOn.uncovered])].sort(
    (a, b) => a - b,
  );
  return {
    changeDate,
    workingDays,
    deadline: deadline.value,
    unlinkOn: unlinkOn.value,
    uncovered,
    warning:
      uncovered.length === 0 ? null : uncoveredWarning(uncovered, deadline.value, unlinkOn.value),
    workingDaysLeft: (today: string) => workingDaysLeft(calendar, today, deadline.value),
  };
}

/** The bank notification deadline of a change (spec §4: 5 working days, People's Bank rules). */
export type BankNotificationDeadline = Omit<ChangeDeadline, 'unlinkOn'>;

/**
 * When the bank must be told of a change on changeDate (the pack's
 * `changes.notifyBankWithinWorkingDays`, counted like the platform's), or null when the
 * pack does not require it for this kind of change. Throws one sentence when the date is
 * not ISO.
 */
export function bankNotificationDeadline(
  kind: ChangeKind,
  changeDate: string,
  calendar: WorkingDayCalendar,
  pack: Pick<RulePack, 'changes'>,
): BankNotificationDeadline | null {
  requireChangeDate(changeDate);
  if (!pack.changes.notifyBankOf.includes(kind)) return null;
  const workingDays = pack.changes.notifyBankWithinWorkingDays;
  const deadline = calendar.addWorkingDays(changeDate, workingDays);
  return {
    changeDate,
    workingDays,
    deadline: deadline.value,
    uncovered: deadline.uncovered,
    warning:
      deadline.uncovered.length === 0 ? null : uncoveredWarning(deadline.uncovered, deadline.value),
    workingDaysLeft: (today: string) => workingDaysLeft(calendar, today, deadline.value),
  };
}

function requireChangeDate(changeDate: string): void {
  if (!isIsoDate(changeDate))
    throw new Error(`The change date "${changeDate}" is not an ISO date (YYYY-MM-DD).`);
}

function workingDaysLeft(calendar: WorkingDayCalendar, today: string, deadline: string): number {
  if (!isIsoDate(today))
    throw new Error(`Today's date "${today}" is not an ISO date (YYYY-MM-DD).`);
  if (today <= deadline) return calendar.workingDaysBetween(today, deadline).value;
  // [deadline, today) is (deadline - 1, today - 1].
  return -calendar.workingDaysBetween(addDaysIso(deadline, -1), addDaysIso(today, -1)).value;
}

/** "Computed without the official holiday schedule for YEAR", with the dates it concerns. */
function uncoveredWarning(years: number[], deadline: string, unlinkOn?: string): Bilingual {
  const zhYears = years.map((y) => `${y}年`).join('、');
  const enYears = years.join(', ');
  const zhDates =
    unlinkOn === undefined
      ? `截止日期${formatDateZh(deadline)}`
      : `截止日期${formatDateZh(deadline)}和解除关联日期${formatDateZh(unlinkOn)}`;
  const enDates =
    unlinkOn === undefined
      ? `the deadline ${deadline} assumes`
      : `the deadline ${deadline} and the unlinking day ${unlinkOn} assume`;
  return {
    zh: `未按${zhYears}官方节假日安排计算：${zhDates}按周一至周五为工作日推算，请导入${zhYears}官方节假日安排后确认。`,
    en: `Computed without the official holiday schedule for ${enYears}: ${enDates} Monday to Friday are working days there; load the official ${enYears} holiday schedule to confirm.`,
  };
}
