// The OCR's other readings of a value's characters offered as proposals (extraction's
// steps after reading, index.ts): a compared value whose character the recogniser also
// read as another one, trusted below 0.9; a free text value's unsure characters.
import type { Correction } from '../extraction';
import {
  CLOSE_SECOND_CONFIDENCE,
  CLOSE_SECOND_P,
  closeSecondChoices,
  NAME_SECOND_P,
  unsureCharacters,
  type ValueAlternatives,
} from './alternatives';
import type { Draft } from './draft';
import { couldBePersonName, startsWithSurname } from './surnames';
import { isPersonNameField } from './value-types';
import { COMPARED_FIELDS } from './width-confirmation';

/**
 * Free text fields neither compared character for character nor checked by a checksum:
 * the address (compared with the declared office, width folded), types, amounts, scope.
 */
const TEXT_FIELDS = [
  'address',
  'companyType',
  'registeredCapital',
  'businessScope',
  'bankName',
  'issuingAuthority',
] as const;

/** A value the OCR also read otherwise: `choose`'s readings proposed, trusted below 0.9. */
export function proposeCloseSeconds(
  draft: Draft,
  name: string,
  choose: (value: string, alternatives: ValueAlternatives) => Correction[],
): void {
  const value = draft.fields[name];
  const alternatives = draft.alternativesOf(name);
  if (typeof value !== 'string' || alternatives === null) return;
  const proposals = draft.unproposed(choose(value, alternatives));
  if (proposals.length === 0) return;
  draft.corrections.push(...proposals);
  draft.capConfidence(name, CLOSE_SECOND_CONFIDENCE);
}

/** A compared value whose character the OCR also read as another one (余 with 佘 close behind). */
export function proposeComparedSeconds(draft: Draft): void {
  for (const name of COMPARED_FIELDS)
    proposeCloseSeconds(draft, name, (value, alternatives) => {
      const personName = isPersonNameField(name);
      // A reading no person could have (锤 for the surname) is not worth a person's look.
      // A name's surname read as a common surname with another surname behind it (逢 with 逄
      // at 2.3%, 全 with 仝 at 2.1%): that one first, before a given name's runner-up however
      // probable (骁 with 晓 at 16.5%). Surnames are a closed set, and there the recogniser's
      // preference for the common character hides the rare one.
      const surnameFirst = (i: number, t: string): boolean =>
        personName && i === 0 && startsWithSurname(value) && startsWithSurname(t);
      return closeSecondChoices(
        name,
        value,
        alternatives,
        personName ? NAME_SECOND_P : CLOSE_SECOND_P,
        surnameFirst,
      ).filter((p) => !personName || couldBePersonName(p.to));
    });
}

/**
 * A free text value holding a character the OCR itself was unsure of (样列 with 列 at
 * 0.87, 例 behind at 5%) is below 0.9 already (a value is as sure as its weakest
 * character): the OCR's other readings of that character are offered as proposals.
 */
export function proposeUnsureText(draft: Draft): void {
  for (const name of TEXT_FIELDS) {
    const value = draft.fields[name];
    const alternatives = draft.alternativesOf(name);
    if (typeof value !== 'string' || alternatives === null) continue;
    draft.corrections.push(
      ...draft.unproposed(closeSecondChoices(name, value, unsureCharacters(alternatives))),
    );
  }
}
