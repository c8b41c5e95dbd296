// A dossier's upcoming deadlines in one list, nearest first: ID card and license expiry
// (spec §4 expiry watch) and the filing deadline of each pending change. The dossier list
// shows the first item as the dossier's status and sorts dossiers by its date.
import { daysBetween, isDateOrLongTerm, isIsoDate } from '../dates';
import type { RulePack } from '../rule-pack';
import type { WorkingDayCalendar } from './calendar';
import {
  bankNotificationDeadline,
  changeDeadline,
  type ChangeEvent,
  type ChangeKind,
} from './change';
import { expiryStatus, type ExpiryLevel } from './expiry';
import { daysEn, formatDateZh, type Bilingual } from './messages';

export interface DossierDeadlineInput {
  /** The legal representative's ID card validity end (ISO or `long-term`), when known. */
  idCardValidUntil?: string | null;
  /** The business license validity end (ISO or `long-term`), when known. */
  licenseValidUntil?: string | null;
  changes?: readonly ChangeEvent[];
}

export interface ExpiryDeadlineItem {
  kind: 'id-card-expiry' | 'license-expiry';
  /** The last valid day. */
  date: string;
  /** Calendar days from today to `date`. */
  daysLeft: number;
  level: Exclude<ExpiryLevel, 'long-term'>;
  message: Bilingual;
  warning: null;
}

/** due: today is on or before the deadline; overdue: after it; unlinked: on or after unlinkOn. */
export type ChangeFilingLevel = 'due' | 'overdue' | 'unlinked';

export interface ChangeDeadlineItem {
  kind: 'change-filing';
  changeId: string;
  changeKind: ChangeKind;
  /** The last day to file. */
  date: string;
  unlinkOn: string;
  /** Calendar days from today to `date`. */
  daysLeft: number;
  /** Working days from today to `date` (0: today, negative: passed). */
  workingDaysLeft: number;
  level: ChangeFilingLevel;
  /** Years the holiday data does not cover that the deadline computation crossed. */
  uncovered: number[];
  message: Bilingual;
  /** Set when `uncovered` is not empty: the dates assume Monday to Friday there. */
  warning: Bilingual | null;
}

/** When the bank must be told of a pending change (spec §4: 5 working days). */
export interface BankNotificationItem {
  kind: 'bank-notification';
  changeId: string;
  changeKind: ChangeKind;
  /** The last day to tell the bank. */
  date: string;
  /** Calendar days from today to `date`. */
  daysLeft: number;
  /** Working days from today to `date` (0: today, negative: passed). */
  workingDaysLeft: number;
  level: 'due' | 'overdue';
  uncovered: number[];
  message: Bilingual;
  warning: Bilingual | null;
}

export type DeadlineItem = ExpiryDeadlineItem | ChangeDeadlineItem | BankNotificationItem;

/** Whether the item counts working days (a change's platform or bank deadline). */
export function isChangeDeadline(
  item: DeadlineItem,
): item is ChangeDeadlineItem | BankNotificationItem {
  return item.kind === 'change-filing' || item.kind === 'bank-notification';
}

export interface DossierDeadlineOptions {
  /**
   * Expiries further than this many days away are left out; by default the pack's widest
   * warning (90 days). Pass Infinity to list every dated expiry. Pending changes are
   * always listed.
   */
  horizonDays?: number;
}

const KIND_ORDER: Record<DeadlineItem['kind'], number> = {
  'change-filing': 0,
  'bank-notification': 1,
  'id-card-expiry': 2,
  'license-expiry': 3,
};

/**
 * The dossier's deadlines on `today`, nearest date first (passed ones first of all). A
 * filed change, a long-term validity and an unknown or unreadable validity end give no
 * item (the checks report unreadable dates). Throws one sentence when today is not ISO.
 */
export function dossierDeadlines(
  input: DossierDeadlineInput,
  today: string,
  calendar: WorkingDayCalendar,
  pack: Pick<RulePack, 'changes' | 'expiryWarningDays'>,
  options: DossierDeadlineOptions = {},
): DeadlineItem[] {
  if (!isIsoDate(today))
    throw new Error(`Today's date "${today}" is not an ISO date (YYYY-MM-DD).`);
  const horizon = options.horizonDays ?? Math.max(0, ...pack.expiryWarningDays);
  const items: DeadlineItem[] = [];
  const expiries = [
    ['id-card-expiry', input.idCardValidUntil],
    ['license-expiry', input.licenseValidUntil],
  ] as const;
  for (const [kind, validUntil] of expiries) {
    if (validUntil === null || validUntil === undefined || !isDateOrLongTerm(validUntil)) continue;
    const status = expiryStatus(validUntil, today, pack);
    if (status.level === 'long-term' || status.daysLeft === null || status.daysLeft > horizon)
      continue;
    items.push({
      kind,
      date: validUntil,
      daysLeft: status.daysLeft,
      level: status.level,
      message: expiryMessage(kind, validUntil, status.daysLeft),
      warning: null,
    });
  }
  for (const change of input.changes ?? []) {
    const bank = bankNotificationDeadline(change.kind, change.occurredOn, calendar, pack);
    if (bank !== null && change.bankNotifiedOn === undefined) {
      const bankDaysLeft = bank.workingDaysLeft(today);
      const bankLevel = today > bank.deadline ? 'overdue' : 'due';
      items.push({
        kind: 'bank-notification',
        changeId: change.id,
        changeKind: change.kind,
        date: bank.deadline,
        daysLeft: daysBetween(today, bank.deadline),
        workingDaysLeft: bankDaysLeft,
        level: bankLevel,
        uncovered: bank.uncovered,
        message: bankMessage(change.kind, bankLevel, bankDaysLeft, bank.deadline),
        warning: bank.warning,
      });
    }
    if (change.filedOn !== undefined) continue;
    const due = changeDeadline(change.occurredOn, calendar, pack);
    const workingDaysLeft = due.workingDaysLeft(today);
    const level: ChangeFilingLevel =
      today >= due.unlinkOn ? 'unlinked' : today > due.deadline ? 'overdue' : 'due';
    items.push({
      kind: 'change-filing',
      changeId: change.id,
      changeKind: change.kind,
      date: due.deadline,
      unlinkOn: due.unlinkOn,
      daysLeft: daysBetween(today, due.deadline),
      workingDaysLeft,
      level,
      uncovered: due.uncovered,
      message: changeMessage(change.kind, level, workingDaysLeft, due.deadline, due.unlinkOn),
      warning: due.warning,
    });
  }
  return items.sort(
    (a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

const DOCUMENT_NAMES = {
  'id-card-expiry': { zh: '法人身份证', en: "The legal representative's ID card" },
  'license-expiry': { zh: '营业执照', en: 'The business license' },
} as const;

function expiryMessage(
  kind: ExpiryDeadlineItem['kind'],
  date: string,
  daysLeft: number,
): Bilingual {
  const name = DOCUMENT_NAMES[kind];
  const zhDate = formatDateZh(date);
  if (daysLeft < 0)
    return {
      zh: `${name.zh}已过期 ${-daysLeft} 天（${zhDate}到期）`,
      en: `${name.en} expired ${daysEn(-daysLeft, 'day')} ago (${date}).`,
    };
  if (daysLeft === 0)
    return { zh: `${name.zh}今天到期（${zhDate}）`, en: `${name.en} expires today (${date}).` };
  if (daysLeft === 1)
    return { zh: `${name.zh}明天到期（${zhDate}）`, en: `${name.en} expires tomorrow (${date}).` };
  return {
    zh: `${name.zh}将于 ${daysLeft} 天后到期（${zhDate}）`,
    en: `${name.en} expires in ${daysEn(daysLeft, 'day')} (${date}).`,
  };
}

const CHANGE_NAMES: Record<ChangeKind, Bilingual> = {
  address: { zh: '营业执照地址变更', en: 'license address change' },
  'legal-representative': { zh: '法定代表人变更', en: 'legal representative change' },
  'bank-account-closed': { zh: '银行账户注销', en: 'bank account closure' },
};

function changeMessage(
  kind: ChangeKind,
  level: ChangeFilingLevel,
  workingDaysLeft: number,
  deadline: string,
  unlinkOn: string,
): Bilingual {
  const name = CHANGE_NAMES[kind];
  const [zhDeadline, zhUnlink] = [formatDateZh(deadline), formatDateZh(unlinkOn)];
  const En = name.en.charAt(0).toUpperCase() + name.en.slice(1);
  if (level === 'unlinked')
    return {
      zh: `${name.zh}未在${zhDeadline}前报备，平台已于${zhUnlink}解除全部账户关联并冻结提现`,
      en: `The ${name.en} was not filed by ${deadline}, so on ${unlinkOn} the platform unlinked all accounts and froze withdrawals.`,
    };
  if (level === 'overdue')
    return {
      zh: `${name.zh}的报备已逾期（截止${zhDeadline}），平台将于${zhUnlink}解除全部账户关联并冻结提现`,
      en: `${En} filing was due by ${deadline}; on ${unlinkOn} the platform unlinks all accounts and freezes withdrawals.`,
    };
  const within =
    workingDaysLeft === 0
      ? { zh: '须于今天报备', en: 'must be filed today' }
      : {
          zh: `须在 ${workingDaysLeft} 个工作日内报备`,
          en: `must be filed within ${daysEn(workingDaysLeft, 'working day')}`,
        };
  return {
    zh: `${name.zh}${within.zh}（截止${zhDeadline}），否则平台将于${zhUnlink}解除全部账户关联并冻结提现`,
    en: `The ${name.en} ${within.en} (by ${deadline}); otherwise on ${unlinkOn} the platform unlinks all accounts and freezes withdrawals.`,
  };
}

function bankMessage(
  kind: ChangeKind,
  level: BankNotificationItem['level'],
  workingDaysLeft: number,
  deadline: string,
): Bilingual {
  const name = CHANGE_NAMES[kind];
  const zhDeadline = formatDateZh(deadline);
  if (level === 'overdue')
    return {
      zh: `${name.zh}应于${zhDeadline}前通知开户银行，已逾期`,
      en: `The bank should have been told of the ${name.en} by ${deadline}.`,
    };
  const within =
    workingDaysLeft === 0
      ? { zh: '须于今天通知开户银行', en: 'must be reported to the bank today' }
      : {
          zh: `须在 ${workingDaysLeft} 个工作日内通知开户银行`,
          en: `must be reported to the bank within ${daysEn(workingDaysLeft, 'working day')}`,
        };
  return {
    zh: `${name.zh}${within.zh}（截止${zhDeadline}，人民币银行结算账户管理办法）`,
    en: `The ${name.en} ${within.en} (by ${deadline}, People's Bank settlement-account rules).`,
  };
}
