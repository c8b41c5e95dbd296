// Expiry watch (spec §4): how close the legal representative's ID card or the business
// license is to the end of its validity, in the levels of the pack's `expiryWarningDays`.
import { daysBetween, isIsoDate, isLongTerm } from '../dates';
import type { RulePack } from '../rule-pack';

export const EXPIRY_LEVELS = [
  'expired',
  'critical',
  'warning',
  'notice',
  'ok',
  'long-term',
] as const;
export type ExpiryLevel = (typeof EXPIRY_LEVELS)[number];

export interface ExpiryStatus {
  /** Calendar days from today to the last valid day (0: valid through today); null for long-term. */
  daysLeft: number | null;
  level: ExpiryLevel;
  /** The warning threshold (in days) the document is within, or null. */
  threshold: number | null;
}

// The pack's thresholds, tightest first, name these levels; any beyond the third are notices.
const LEVEL_BY_RANK = ['critical', 'warning', 'notice'] as const;

/**
 * The expiry status of a document valid until `validUntil` (ISO, the last valid day, or
 * `long-term`) on `today`. With thresholds [90, 30, 7]: ≤ 7 days critical, ≤ 30 warning,
 * ≤ 90 notice, below 0 expired. Throws one sentence when a date is not ISO.
 */
export function expiryStatus(
  validUntil: string,
  today: string,
  pack: Pick<RulePack, 'expiryWarningDays'>,
): ExpiryStatus {
  if (!isIsoDate(today))
    throw new Error(`Today's date "${today}" is not an ISO date (YYYY-MM-DD).`);
  if (isLongTerm(validUntil)) return { daysLeft: null, level: 'long-term', threshold: null };
  if (!isIsoDate(validUntil))
    throw new Error(
      `The validity end "${validUntil}" is neither an ISO date (YYYY-MM-DD) nor long-term.`,
    );
  const daysLeft = daysBetween(today, validUntil);
  if (daysLeft < 0) return { daysLeft, level: 'expired', threshold: null };
  const thresholds = [...new Set(pack.expiryWarningDays)].sort((a, b) => a - b);
  const rank = thresholds.findIndex((days) => daysLeft <= days);
  if (rank === -1) return { daysLeft, level: 'ok', threshold: null };
  return { daysLeft, level: LEVEL_BY_RANK[rank] ?? 'notice', threshold: thresholds[rank] ?? null };
}
