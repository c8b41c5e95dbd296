// Look-alikes OCR returns for the enumeration comma 、: 丶 (the dot stroke, an ideograph of
// its own) and ～ (a wave dash). In a business scope or an address a 、 is what was
// printed, so the repair is made; in a name or another compared field it is only
// proposed, with its reason, for a person to accept (like the checksum proposals).
import type { Correction } from '../extraction';

/** Fields repaired in place: lists of items, compared (if at all) width-folded. */
const REPAIRED_FIELDS: ReadonlySet<string> = new Set(['businessScope', 'address']);

/** 丶 anywhere; ～ or ~ unless it stands between two digits (a range: 1～3号). */
const LOOK_ALIKE = /丶|(?<![0-9０-９])[～~]|[～~](?![0-9０-９])/gu;

export function repairEnumerationCommas(value: string): string {
  return value.replace(LOOK_ALIKE, '、');
}

/**
 * A field's value with its look-alike commas repaired where that is safe, and the
 * proposal for a field where a person must decide.
 */
export function lookAlikePunctuation(
  field: string,
  value: string,
): { value: string; correction: Correction | null } {
  const repaired = repairEnumerationCommas(value);
  if (repaired === value) return { value, correction: null };
  if (REPAIRED_FIELDS.has(field)) return { value: repaired, correction: null };
  return {
    value,
    correction: {
      field,
      from: value,
      to: repaired,
      reason: 'look-alike-punctuation',
      note: 'OCR often reads 、 as 丶 or ～; the value is compared character for character, so check it against the image.',
    },
  };
}
