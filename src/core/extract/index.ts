// Field extraction from positioned text (a PDF text layer or OCR words/lines): the
// document's kind, then each field's value: candidates from its label's geometry, from
// sentences and from its value type over the page, one picked by scoring.ts; parsed to
// the field's format, with per-field confidence and box, checksum-guided correction
// proposals for codes and look-alike punctuation proposals for compared fields.
import { emptyFields } from '../document-fields';
import type { DetectedKind, DocumentKind, FieldValues } from '../documents';
import type { Box, Correction, DocumentText, ExtractedDocument } from '../extraction';
import {
  proposeIdNumberCorrections,
  proposeUsccCorrections,
  type OcrOptions,
} from '../codes/correct';
import { validateIdNumber } from '../codes/id-number';
import { birthDateByIdNumber } from './birth-date-agreement';
import { validateUscc } from '../codes/uscc';
import { classifyLines } from '../classify';
import {
  addressBlockFallback,
  birthLineFallback,
  idNumberFallback,
  nameLineFallback,
  sexLineFallback,
  unlabelledIdNumber,
} from './id-fallbacks';
import { authorityLineFallback, termRunFallback, validityRuleFallback } from './id-back-fallbacks';
import { completedAmount } from './amounts';
import { LABELS } from './labels';
import { layoutPage } from './page-layout';
import { withTolerantLabels } from './tolerant-labels';
import { pageLines, type WorkCounter } from './lines';
import {
  charDoubts,
  CLOSE_SECOND_CONFIDENCE,
  CLOSE_SECOND_P,
  closeSecondChoices,
  DIGIT,
  NAME_SECOND_P,
  unsureCharacters,
  valueAlternatives,
  type ValueAlternatives,
} from './alternatives';
import { knownWordingDoubt, KNOWN_WORDING_FIELDS, type PlaceGlyph } from './known-wording';
import { itemsUnder, scopeConfidence } from './scope-confidence';
import { confusableNameCharacters, judgedName } from './confusables';
import { CORROBORATED_CONFIDENCE, corroborations } from './corroboration';
import { ethnicityFallback, ethnicityProposal } from './ethnicity';
import { lookAlikePunctuation } from './punctuation';
import {
  NO_SURNAME_CONFIDENCE,
  couldBePersonName,
  startsWithSurname,
  surnameCheck,
} from './surnames';
import { readFields } from './scoring';
import { isPersonNameField, VALUE_TYPES } from './value-types';
import { COMPARED_FIELDS, widthToConfirm } from './width-confirmation';

export { LABELS, KIND_KEYWORDS } from './labels';
export type { LabelDef, LabelTarget } from './labels';
export { parseDate, parseTerm } from './values';
export type { WorkCounter } from './lines';

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

/** Fields holding a person's name (a Han name starts with a surname). */
const PERSON_FIELDS = ['legalRepresentative', 'name'] as const;

/** Codes of digits with no checksum: nothing but the OCR tells one of their digits. */
const UNCHECKED_CODE_FIELDS = ['accountNumber', 'approvalNumber', 'accountCode'] as const;

/** The most a code failing its checksum is trusted (below the 0.9 of a confident reading). */
const INVALID_CODE_CONFIDENCE = 0.5;

/** Fields every document of a kind prints; a missing one is worth a warning. */
const REQUIRED: Record<DocumentKind, readonly string[]> = {
  'business-license': ['creditCode', 'companyName', 'legalRepresentative', 'validUntil', 'address'],
  'id-card-front': ['name', 'birthDate', 'idNumber'],
  'id-card-back': ['validFrom', 'validUntil'],
  'bank-permit': ['accountName', 'bankName', 'accountNumber'],
};

export interface ExtractOptions {
  /** Skip classification: read the text as this kind. */
  kind?: DocumentKind;
  /** Counts the elementary steps of reading the page's lines (tests bound the work). */
  work?: WorkCounter;
}

/** A birth date settled by its ID number among the OCR's readings: at the legibility floor. */
const SETTLED_BIRTH_DATE_CONFIDENCE = 0.8;

/**
 * One document's fields from its text. `file` is echoed into the result. Fields not
 * found are null; codes that fail their checksum get correction proposals, never silent fixes.
 */
export function extractDocument(
  text: DocumentText,
  file: string,
  options: ExtractOptions = {},
): ExtractedDocument {
  const pageLinesOf = text.pages.map((page) => pageLines(page, options.work));
  const kind: DetectedKind = options.kind ?? classifyLines(pageLinesOf).kind;
  const base: ExtractedDocument = {
    file,
    kind,
    fields: {},
    confidence: {},
    corrections: [],
    warnings: [],
    source: text.source,
  };
  if (kind === 'unknown') {
    return {
      ...base,
      warnings: [
        'the document is not recognised as a business license, an ID card side or a bank form',
      ],
    };
  }

  const defs = LABELS[kind];
  const layouts = text.pages.map((page, i) =>
    withTolerantLabels(layoutPage(page, defs, options.work, pageLinesOf[i]), defs, text.source),
  );
  const readings = readFields(kind, layouts);
  if (kind === 'id-card-front' && !readings.has('idNumber')) {
    const reading = unlabelledIdNumber(layouts, readings.get('birthDate')?.value ?? null);
    if (reading) readings.set('idNumber', reading);
  }
  if (kind === 'id-card-front') birthLineFallback(layouts, readings);
  if (kind === 'id-card-front') nameLineFallback(layouts, readings);
  if (kind === 'id-card-front') addressBlockFallback(layouts, readings);
  if (kind === 'id-card-back') validityRuleFallback(layouts, readings);
  if (kind === 'id-card-back') termRunFallback(layouts, readings);
  if (kind === 'id-card-back') authorityLineFallback(layouts, readings);
  if (kind === 'id-card-front') sexLineFallback(layouts, readings);
  /** Proposals made where a value was looked for (before its field's own, below). */
  const placeProposals: Correction[] = [];
  if (kind === 'id-card-front') ethnicityFallback(layouts, readings, placeProposals);
  const warnings: string[] = [];
  if (kind === 'id-card-front') idNumberFallback(readings, warnings);
  const fields: FieldValues = emptyFields(kind);
  const confidence: Record<string, number> = {};
  const boxes: Record<string, Box> = {};
  const corrections: Correction[] = [...placeProposals];
  const completedByRule = new Set<string>();
  for (const name of Object.keys(fields)) {
    const reading = readings.get(name);
    if (!reading) continue;
    if (reading.completed) completedByRule.add(name);
    const { value, correction } = lookAlikePunctuation(name, reading.value);
    if (correction) corrections.push(correction);
    fields[name] = value;
    confidence[name] = reading.confidence;
    if (reading.box) boxes[name] = reading.box;
  }

  // What the OCR itself doubted in a value's characters (a text layer has no doubts).
  const alternativesOf = (name: string): ValueAlternatives | null => {
    const value = fields[name];
    const box = boxes[name];
    if (text.source === 'pdf-text' || typeof value !== 'string' || box === undefined) return null;
    const i = text.pages.findIndex((p) => p.page === box.page);
    return i < 0 ? null : valueAlternatives(value, box, pageLinesOf[i]!);
  };
  /** The OCR's confidence and runners-up of each character of a value (null: not found). */
  const placeGlyphsOf = (name: string): (PlaceGlyph | null)[] | null => {
    const value = fields[name];
    const box = boxes[name];
    const i = box === undefined ? -1 : text.pages.findIndex((p) => p.page === box.page);
    if (typeof value !== 'string' || box === undefined || i < 0) return null;
    return charDoubts(value, box, pageLinesOf[i]!);
  };
  const ocrOptions = (name: string): OcrOptions | undefined =>
    alternativesOf(name)?.map((a) => a?.options ?? null);

  /** A field is no surer than `cap`. */
  const capConfidence = (name: string, cap: number): void => {
    if (confidence[name] !== undefined) confidence[name] = Math.min(confidence[name], cap);
  };
  /** The proposals not already made (same field, same value). */
  const unproposed = (proposals: readonly Correction[]): Correction[] =>
    proposals.filter((p) => !corrections.some((c) => c.field === p.field && c.to === p.to));

  const creditCode = fields.creditCode;
  if (typeof creditCode === 'string') {
    const proposal = proposeUsccCorrections(creditCode, 'creditCode', ocrOptions('creditCode'));
    corrections.push(...proposal.corrections);
    if (proposal.note !== null) warnings.push(proposal.note);
  }
  // A birth date its ID number (checksum holding) contradicts only in digits the OCR
  // doubted, the number's digit seen behind each: the number's date, the reading proposed.
  const birth = fields.birthDate;
  const birthBox = boxes.birthDate;
  if (typeof birth === 'string' && typeof fields.idNumber === 'string' && birthBox) {
    const at = text.pages.findIndex((p) => p.page === birthBox.page);
    const settled =
      at < 0 || text.source === 'pdf-text'
        ? null
        : birthDateByIdNumber(birth, fields.idNumber, birthBox, pageLinesOf[at]!);
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
      ocrOptions('idNumber'),
    );
    corrections.push(...proposal.corrections);
    if (proposal.note !== null) warnings.push(proposal.note);
  }
  // A code that fails its checksum is wrong somewhere, however sure each glyph looked.
  if (typeof creditCode === 'string' && !validateUscc(creditCode).valid)
    capConfidence('creditCode', INVALID_CODE_CONFIDENCE);
  if (typeof idNumber === 'string' && !validateIdNumber(idNumber, fields.birthDate).valid)
    capConfidence('idNumber', INVALID_CODE_CONFIDENCE);
  // A person's name read by OCR that starts with no surname is misread there: its
  // surname readings the OCR also saw are proposed before any other doubt.
  for (const name of PERSON_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string' || text.source === 'pdf-text') continue;
    const check = surnameCheck(name, value, alternativesOf(name));
    if (!check.doubtful) continue;
    capConfidence(name, NO_SURNAME_CONFIDENCE);
    if (check.chosen === null) {
      corrections.push(...check.corrections);
      continue;
    }
    // The one surname the OCR saw there is read; what it printed first stays a proposal.
    fields[name] = check.chosen;
    corrections.push(
      ...check.corrections
        .filter((c) => c.to !== check.chosen)
        .map((c) => ({ ...c, from: check.chosen! })),
      {
        field: name,
        from: check.chosen,
        to: value,
        reason: 'ocr-alternative',
        note: `The OCR read ${value}, which starts with no Chinese surname; ${[...check.chosen][0]} is the one surname it also saw there: check it against the image.`,
      },
    );
  }
  // A name character whose print the visual judge found likest a rarer look-alike of what
  // PP-OCR read (亓 read 元): the name takes it, but two readers disagree, so it is held
  // below 0.9 with the reading as made proposed.
  for (const name of PERSON_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string' || text.source === 'pdf-text') continue;
    const judged = judgedName(name, value, alternativesOf(name));
    if (judged === null) continue;
    fields[name] = judged.value;
    corrections.push(judged.correction);
    capConfidence(name, CLOSE_SECOND_CONFIDENCE);
  }
  // A name holding a character PP-OCR is known to read for a rarer name character (或
  // for 彧), often with no runner-up kept: not trusted at 0.9, the rarer one proposed
  // (before any other doubt of the OCR: it is the misreading measured for that character).
  for (const name of PERSON_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string' || text.source === 'pdf-text') continue;
    const proposals = unproposed(confusableNameCharacters(name, value, alternativesOf(name)));
    if (proposals.length === 0) continue;
    corrections.push(...proposals);
    capConfidence(name, CLOSE_SECOND_CONFIDENCE);
  }
  // A place slot holding no place (潘圳, 圳市公安局: a glyph misread or lost), an authority
  // with no 公安局, a word measured to be misread (技市), a scope's standard phrase a doubted
  // character made none (技术椎广): the place or the wording is proposed before any other
  // doubt, and the value is held below 0.9 (taken, in a field no check compares exactly,
  // where one place only fits, and a scope's wording, with the reading proposed:
  // known-wording.ts).
  // The scope as read and its glyphs, before its standard wording is taken.
  const scopeRead = fields.businessScope;
  const scopeGlyphs = text.source === 'pdf-text' ? null : placeGlyphsOf('businessScope');
  let scopeSettled: ReadonlySet<number> = new Set();
  for (const name of KNOWN_WORDING_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string' || text.source === 'pdf-text') continue;
    const glyphs = name === 'businessScope' ? scopeGlyphs : placeGlyphsOf(name);
    const doubt = knownWordingDoubt(name, value, glyphs);
    if (doubt === null) continue;
    if (doubt.settled !== undefined) scopeSettled = doubt.settled;
    if (doubt.taken !== undefined) fields[name] = doubt.taken;
    corrections.push(...unproposed(doubt.corrections));
    capConfidence(name, doubt.cap);
  }
  // A headed scope is as sure as its ideographs: not held down by marks its grammar puts
  // back, nor by characters its standard wording settled (scope-confidence.ts).
  const scopeBox = boxes.businessScope;
  if (
    typeof scopeRead === 'string' &&
    scopeGlyphs !== null &&
    scopeBox !== undefined &&
    confidence.businessScope !== undefined
  )
    confidence.businessScope = scopeConfidence(
      scopeRead,
      scopeGlyphs,
      scopeSettled,
      confidence.businessScope,
      itemsUnder(text, scopeBox),
    );
  /** A value the OCR also read otherwise: `choose`'s readings proposed, trusted below 0.9. */
  const proposeCloseSeconds = (
    name: string,
    choose: (value: string, alternatives: ValueAlternatives) => Correction[],
  ): void => {
    const value = fields[name];
    const alternatives = alternativesOf(name);
    if (typeof value !== 'string' || alternatives === null) return;
    const proposals = unproposed(choose(value, alternatives));
    if (proposals.length === 0) return;
    corrections.push(...proposals);
    capConfidence(name, CLOSE_SECOND_CONFIDENCE);
  };
  // A compared value whose character the OCR also read as another one (余 with 佘 close behind).
  for (const name of COMPARED_FIELDS)
    proposeCloseSeconds(name, (value, alternatives) => {
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
  // A code with no checksum whose digit the OCR also read as another digit (…275205, 5 at
  // 0.965 with 3 behind at 2.9%, on a bank form's photo; the truth was …273205): nothing
  // on the page can tell which is printed, so the other digit is proposed. A checksummed
  // code (credit code, ID number) is repaired instead.
  for (const name of UNCHECKED_CODE_FIELDS)
    proposeCloseSeconds(name, (value, alternatives) =>
      closeSecondChoices(name, value, alternatives, CLOSE_SECOND_P, undefined, DIGIT).filter(
        (p) => VALUE_TYPES[name]?.valid(p.to) === true,
      ),
    );
  // An ethnicity read as none of the 56 names (乌改别克) is misread: the one name a
  // character away is proposed (its confidence is already that of a value of no type).
  const ethnicity = fields.ethnicity;
  const nearest = typeof ethnicity === 'string' ? ethnicityProposal(ethnicity) : null;
  if (nearest) corrections.push(nearest);
  // An amount in words ending at 元 lost its 整 (a seal over it, a box that stopped early).
  const capital = fields.registeredCapital;
  const completed = typeof capital === 'string' ? completedAmount(capital) : null;
  if (typeof capital === 'string' && completed !== null)
    corrections.push({
      field: 'registeredCapital',
      from: capital,
      to: completed,
      reason: 'incomplete-value',
      note: `An amount in words that ends at 元 is written with 整: ${completed} unless the image shows 角 or 分 after it.`,
    });
  // A license's term starts on the day the business was established: a term whose start
  // was not read (a stamp over it, the line cut) has the 成立日期 proposed for it.
  const established = fields.establishedOn;
  if (kind === 'business-license' && fields.validFrom === null && typeof established === 'string')
    corrections.push({
      field: 'validFrom',
      from: '',
      to: established,
      reason: 'same-date-elsewhere',
      note: `The term's start was not read; a license's term usually starts on its 成立日期 (${established}): confirm it against the image.`,
    });
  // A free text value holding a character the OCR itself was unsure of (样列 with 列 at
  // 0.87, 例 behind at 5%) is below 0.9 already (a value is as sure as its weakest
  // character): the OCR's other readings of that character are offered as proposals.
  for (const name of TEXT_FIELDS) {
    const value = fields[name];
    const alternatives = alternativesOf(name);
    if (typeof value !== 'string' || alternatives === null) continue;
    corrections.push(
      ...unproposed(closeSecondChoices(name, value, unsureCharacters(alternatives))),
    );
  }
  for (const name of REQUIRED[kind]) {
    if (fields[name] === null) warnings.push(`${name} was not found on the document`);
  }

  // A value independent evidence confirms (a checksum, the ID number's birth date) is
  // legible however unsure the OCR was of its characters; never sure enough for 0.9.
  const corroborated =
    text.source === 'pdf-text'
      ? {}
      : corroborations({ kind, fields, boxes, completed: completedByRule, alternativesOf });
  for (const name of Object.keys(corroborated))
    confidence[name] = Math.max(confidence[name] ?? 0, CORROBORATED_CONFIDENCE);

  // Text from OCR cannot tell （ from ( reliably: such values wait for a person.
  const needsConfirmation = widthToConfirm(fields, text.source);

  return {
    ...base,
    fields,
    confidence,
    corrections,
    warnings,
    boxes,
    ...(needsConfirmation.length > 0 ? { needsConfirmation } : {}),
    ...(Object.keys(corroborated).length > 0 ? { corroborated } : {}),
  };
}
