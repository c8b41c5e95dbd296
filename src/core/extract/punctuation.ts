// Look-alikes OCR returns for the enumeration comma 、: 丶 (the dot stroke, an ideograph of
// its own) and ～ (a wave dash). In a business scope or an address a 、 is what was
// printed, so the repair is made; in a name or another compared field it is only
// proposed, with its reason, for a person to accept (like the checksum proposals).
// And for the ideographic full stop 。, which faces draw as a small circle low at the
// left (Song, Hei) or centred (Ming faces of the Taiwan tradition, as AR PL UMing): OCR
// then reads a Latin full stop or a middle dot. A business scope is Chinese prose, where
// neither stands between ideographs: there it was a 。.
import type { Correction } from '../extraction';

/** Fields repaired in place: lists of items, compared (if at all) width-folded. */
const REPAIRED_FIELDS: ReadonlySet<string> = new Set(['businessScope', 'address']);

/** 丶 anywhere; ～ or ~ unless it stands between two digits (a range: 1～3号). */
const LOOK_ALIKE = /丶|(?<![0-9０-９])[～~]|[～~](?![0-9０-９])/gu;

export function repairEnumerationCommas(value: string): string {
  return value.replace(LOOK_ALIKE, '、');
}

/**
 * . · • ・ ｡ after an ideograph or a closing bracket, before an ideograph, an opening
 * bracket or the end: never a decimal point (that stands between digits) nor a name's
 * separator (a scope names no person).
 */
const FULL_STOP_LOOK_ALIKE = /(?<=[\p{Script=Han}）)])\s*[.·•・｡]\s*(?=[\p{Script=Han}（(]|$)/gu;

/** The business scope with its look-alike full stops made 。 again. */
export function repairScopeFullStops(value: string): string {
  return value.replace(FULL_STOP_LOOK_ALIKE, '。');
}

/**
 * A field's value with its look-alike commas repaired where that is safe, and the
 * proposal for a field where a person must decide.
 */
export function lookAlikePunctuation(
  field: string,
  value: string,
): { value: string; correction: Correction | null } {
  const commas = repairEnumerationCommas(value);
  const repaired = field === 'businessScope' ? repairScopeFullStops(commas) : commas;
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
