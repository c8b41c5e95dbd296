// Evidence independent of the characters' own probabilities that a value was read right.
// A blurred or watermarked but legible card reads a character at 0.6-0.7 (男 at 0.66,
// 壮 at 0.64 with 牡 and 社 behind it) whose value nothing else could be: the ID number's
// checksum holds and its digit 17 says 男, or the ethnicity is one of the 56 names and no
// other reading the OCR saw there is. Such a value earns CORROBORATED_CONFIDENCE (the
// rule pack's legibility floor, 0.8, is met; 0.9, where nobody looks, is not), and
// files.legible counts it as legible. The evidence, per field:
// - checksum: a credit code or an ID number whose check character holds (and, for the ID
//   number, whose digits 7-14 are the birth date read on the card, where one was read);
// - id-number: a birth date or sex read on the card that the ID number (checksum holding)
//   also gives;
// - validity-rule: an ID card back's two dates 5, 10 or 20 years apart to the day;
// - closed-list: an ethnicity that is one of the 56, that no other one holds (土 is in
//   土家: a character may be lost), and for which the OCR saw no reading making another.
// Only a value read where it is printed is corroborated: one derived from the ID number
// (it has no box) or completed by the rule that would corroborate it is not.
import type { DocumentKind, FieldValues } from '../documents';
import type { Box, Corroboration } from '../extraction';
import { birthDateFromIdNumber, validateIdNumber } from '../codes/id-number';
import { validateUscc } from '../codes/uscc';
import { holdsInOrder } from '../text/in-order';
import type { ValueAlternatives } from './alternatives';
import { ETHNICITIES } from './value-types';

/** What a corroborated value is trusted at least: above the legibility floor, below 0.9. */
export const CORROBORATED_CONFIDENCE = 0.85;

/** An ID card is valid 5, 10 or 20 years from its issue, to the same day. */
const VALIDITY_YEARS = [5, 10, 20] as const;

/** Whether `until` is 5, 10 or 20 years after `from`, to the day (both ISO dates). */
function cardValidityRule(from: string, until: string): boolean {
  const f = /^(\d{4})(-\d{2}-\d{2})$/u.exec(from);
  const u = /^(\d{4})(-\d{2}-\d{2})$/u.exec(until);
  if (f === null || u === null || f[2] !== u[2]) return false;
  return VALIDITY_YEARS.some((n) => Number(f[1]) + n === Number(u[1]));
}

/** An ethnicity nothing else the OCR read could have been (see the file comment). */
function onlyEthnicity(value: string, alternatives: ValueAlternatives | null): boolean {
  if (!ETHNICITIES.includes(value)) return false;
  if (ETHNICITIES.some((e) => e !== value && holdsInOrder(e, value))) return false;
  const chars = [...value];
  return chars.every((_, i) =>
    (alternatives?.[i]?.options ?? []).every((o) => {
      const other = [...chars.slice(0, i), o.text, ...chars.slice(i + 1)].join('');
      return other === value || !ETHNICITIES.includes(other);
    }),
  );
}

export interface CorroborationInput {
  kind: DocumentKind;
  fields: FieldValues;
  /** Where each field was read: a field without one was not read where it is printed. */
  boxes: Readonly<Record<string, Box>>;
  /** Fields whose value a rule completed rather than the OCR read (see FieldReading). */
  completed: ReadonlySet<string>;
  alternativesOf: (field: string) => ValueAlternatives | null;
}

/** The fields of one document read by OCR that independent evidence corroborates. */
export function corroborations({
  kind,
  fields,
  boxes,
  completed,
  alternativesOf,
}: CorroborationInput): Record<string, Corroboration> {
  const out: Record<string, Corroboration> = {};
  const read = (field: string): string | null => {
    const value = fields[field];
    return typeof value === 'string' && boxes[field] !== undefined && !completed.has(field)
      ? value
      : null;
  };
  const creditCode = read('creditCode');
  if (creditCode !== null && validateUscc(creditCode).valid) out.creditCode = 'checksum';
  const idNumber = read('idNumber');
  const birthDate = read('birthDate');
  if (idNumber !== null && validateIdNumber(idNumber, birthDate).valid) {
    out.idNumber = 'checksum';
    if (birthDate !== null && birthDateFromIdNumber(idNumber) === birthDate)
      out.birthDate = 'id-number';
    const sex = read('sex');
    if (sex !== null && sex === (Number(idNumber.charAt(16)) % 2 === 1 ? '男' : '女'))
      out.sex = 'id-number';
  }
  const ethnicity = read('ethnicity');
  if (ethnicity !== null && onlyEthnicity(ethnicity, alternativesOf('ethnicity')))
    out.ethnicity = 'closed-list';
  // A license's term follows no such rule.
  const from = read('validFrom');
  const until = read('validUntil');
  if (kind === 'id-card-back' && from !== null && until !== null && cardValidityRule(from, until)) {
    out.validFrom = 'validity-rule';
    out.validUntil = 'validity-rule';
  }
  return out;
}
