// The codes of a document checked by what they encode (extraction's step after reading,
// index.ts): a credit code or ID number failing its checksum gets correction proposals
// (the OCR's own readings first) and is trusted at INVALID_CODE_CONFIDENCE at most; a
// birth date the ID number contradicts only where the OCR doubted its digits takes the
// number's date; a code with no checksum has the other digits the OCR saw proposed.
import { proposeIdNumberCorrections, proposeUsccCorrections } from '../codes/correct';
import { validateIdNumber } from '../codes/id-number';
import { validateUscc } from '../codes/uscc';
import { CLOSE_SECOND_P, closeSecondChoices, DIGIT } from './alternatives';
import { birthDateByIdNumber } from './birth-date-agreement';
import type { Draft } from './draft';
import { proposeCloseSeconds } from './second-choices';
import { VALUE_TYPES } from './value-types';

/** The most a code failing its checksum is trusted (below the 0.9 of a confident reading). */
const INVALID_CODE_CONFIDENCE = 0.5;

/** A birth date settled by its ID number among the OCR's readings: at the legibility floor. */
const SETTLED_BIRTH_DATE_CONFIDENCE = 0.8;

/** Codes of digits with no checksum: nothing but the OCR tells one of their digits. */
const UNCHECKED_CODE_FIELDS = [
  'accountNumber',
  'approvalNumber',
  'accountCode',
  'serialNumber',
] as const;

/** Checksum repairs of the credit code and ID number, and the birth date they settle. */
export function proposeCodeRepairs(draft: Draft): void {
  const { fields, confidence, boxes, corrections, warnings, text } = draft;
  const creditCode = fields.creditCode;
  if (typeof creditCode === 'string') {
    const proposal = proposeUsccCorrections(
      creditCode,
      'creditCode',
      draft.ocrOptions('creditCode'),
    );
    corrections.push(...proposal.corrections);
    if (proposal.note !== null) warnings.push(proposal.note);
  }
  // A birth date its ID number (checksum holding) contradicts only in digits the OCR
  // doubted, the number's digit seen behind each: the number's date, the reading proposed.
  const birth = fields.birthDate;
  const birthBox = boxes.birthDate;
  if (typeof birth === 'string' && typeof fields.idNumber === 'string' && birthBox) {
    const lines = draft.linesAt(birthBox);
    const settled =
      lines === null || text.source === 'pdf-text'
        ? null
        : birthDateByIdNumber(birth, fields.idNumber, birthBox, lines);
    if (settled !== null) {
      fields.birthDate = settled;
      confidence.birthDate = SETTLED_BIRTH_DATE_CONFIDENCE;
      corrections.push({
        field: 'birthDate',
        from: settled,
        to: birth,
        reason: 'ocr-alternative',
        note: `The OCR read ${birth} and also saw there the digits of the ID number's birth date: check it against the image.`,
      });
      warnings.push(
        "birthDate: read as the ID number's (digits 7-14, its check digit holding) among the OCR's readings: confirm it against the image",
      );
    }
  }
  const idNumber = fields.idNumber;
  if (typeof idNumber === 'string') {
    const proposal = proposeIdNumberCorrections(
      idNumber,
      'idNumber',
      fields.birthDate,
      draft.ocrOptions('idNumber'),
    );
    corrections.push(...proposal.corrections);
    if (proposal.note !== null) warnings.push(proposal.note);
  }
  // A code that fails its checksum is wrong somewhere, however sure each glyph looked.
  if (typeof creditCode === 'string' && !validateUscc(creditCode).valid)
    draft.capConfidence('creditCode', INVALID_CODE_CONFIDENCE);
  if (typeof idNumber === 'string' && !validateIdNumber(idNumber, fields.birthDate).valid)
    draft.capConfidence('idNumber', INVALID_CODE_CONFIDENCE);
}

/**
 * A code with no checksum whose digit the OCR also read as another digit (…275205, 5 at
 * 0.965 with 3 behind at 2.9%, on a bank form's photo; the truth was …273205): nothing
 * on the page can tell which is printed, so the other digit is proposed. A checksummed
 * code (credit code, ID number) is repaired instead.
 */
export function proposeCodeDigits(draft: Draft): void {
  for (const name of UNCHECKED_CODE_FIELDS)
    proposeCloseSeconds(draft, name, (value, alternatives) =>
      closeSecondChoices(name, value, alternatives, CLOSE_SECOND_P, undefined, DIGIT).filter(
        (p) => VALUE_TYPES[name]?.valid(p.to) === true,
      ),
    );
}
