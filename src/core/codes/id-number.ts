// The citizen identity number (公民身份号码), GB 11643-1999: 6-digit region, 8-digit birth
// date, 3-digit sequence, ISO 7064 MOD 11-2 check digit (spec §6).
import { PROVINCE_PREFIXES } from './regions';
import type { CodeValidation } from './uscc';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
export const ID_NUMBER_LENGTH = 18;
/** Earliest plausible birth year on a card in use. */
const EARLIEST_BIRTH_YEAR = 1900;

export interface IdNumberValidation extends CodeValidation {
  /** Digits 7-14 as an ISO date, when they form a real date. */
  birthDate?: string;
  /** Digits 1-6, the region code of the first registration. */
  region?: string;
}

/** The check digit ('0'-'9' or 'X' for 10) for the first 17 digits of an ID number. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error(`An ID number check digit needs 17 digits, got "${first17}".`);
  }
  let sum = 0;
  for (let i = 0; i < ID_WEIGHTS.length; i++)
    sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Whether y-m-d is a date of the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Digits 7-14 of an ID number as an ISO date, or null when they are not a real date. */
export function birthDateFromIdNumber(id: string): string | null {
  const digits = id.slice(6, 14);
  if (!/^\d{8}$/.test(digits)) return null;
  const [y, m, d] = [
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6, 8)),
  ];
  if (!isRealDate(y, m, d)) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/**
 * Validates an ID number: 18 characters (17 digits and a digit or capital X), a province
 * prefix, a real birth date from 1900 on and not after `today` (when given), equal to
 * `birthDate` (when given, ISO), and the check digit.
 */
export function validateIdNumber(
  id: string,
  birthDate?: string | null,
  today?: string,
): IdNumberValidation {
  const problems: string[] = [];
  const result: IdNumberValidation = { valid: false, problems };
  const chars = [...id];
  if (chars.length !== ID_NUMBER_LENGTH) {
    problems.push(`The ID number has ${chars.length} characters; it must have 18.`);
  }
  const body = chars.slice(0, 17);
  const badBody = body.flatMap((ch, i) => (/^\d$/.test(ch) ? [] : [`${ch} at position ${i + 1}`]));
  if (badBody.length > 0) {
    problems.push(
      `The first 17 characters of an ID number must be digits, but it has ${badBody.join(', ')}.`,
    );
  }
  const last = chars[17];
  if (last !== undefined && !/^[\dX]$/.test(last)) {
    problems.push(
      `The last character of an ID number must be a digit or a capital X, not ${last}.`,
    );
  }

  const region = body.slice(0, 6).join('');
  if (/^\d{6}$/.test(region)) {
    if (PROVINCE_PREFIXES.has(region.slice(0, 2))) result.region = region;
    else
      problems.push(`The ID number's region code ${region} does not start with a province code.`);
  }

  const dateDigits = body.slice(6, 14).join('');
  if (/^\d{8}$/.test(dateDigits)) {
    const parsed = birthDateFromIdNumber(id);
    if (parsed === null) {
      problems.push(`Digits 7-14 of the ID number (${dateDigits}) are not a real date.`);
    } else if (Number(parsed.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
      problems.push(
        `The birth date in the ID number (${parsed}) is before ${EARLIEST_BIRTH_YEAR}.`,
      );
    } else if (today !== undefined && parsed > today) {
      problems.push(`The birth date in the ID number (${parsed}) is in the future.`);
    } else {
      result.birthDate = parsed;
      if (birthDate != null && birthDate !== parsed) {
        problems.push(
          `The birth date in the ID number (${parsed}) differs from the card's birth date (${birthDate}).`,
        );
      }
    }
  }

  if (
    chars.length === ID_NUMBER_LENGTH &&
    badBody.length === 0 &&
    last !== undefined &&
    /^[\dX]$/.test(last)
  ) {
    const expected = idCheckDigit(body.join(''));
    if (expected !== last) {
      problems.push(`The check digit is ${last} but the first 17 digits give ${expected}.`);
    }
  }
  result.valid = problems.length === 0;
  return result;
}

/**
 * Whether 18 characters are shaped as an ID number whatever its check digit: 17 digits and
 * a digit or X, a province code first, digits 7-14 a real birth date from 1900 on. A run
 * of 18 digits holding both by chance is about 1 in 6,000; one misread digit fails the
 * checksum but mostly keeps this shape (and the checksum then proposes the repair).
 */
export function isIdNumberShaped(id: string): boolean {
  if (!/^\d{17}[\dX]$/u.test(id) || !PROVINCE_PREFIXES.has(id.slice(0, 2))) return false;
  const birth = birthDateFromIdNumber(id);
  return birth !== null && Number(birth.slice(0, 4)) >= EARLIEST_BIRTH_YEAR;
}
