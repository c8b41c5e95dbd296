// Field extraction from positioned text (a PDF text layer or OCR words/lines): the
// document's kind, then each label's value read by layout, parsed to the field's format,
// with per-field confidence and box, and checksum-guided correction proposals for codes.
import { emptyFields, type DetectedKind, type DocumentKind, type FieldValues } from '../documents';
import type { Box, Correction, DocumentText, ExtractedDocument } from '../extraction';
import { proposeIdNumberCorrections, proposeUsccCorrections } from '../codes/correct';
import { validateIdNumber } from '../codes/id-number';
import { validateUscc } from '../codes/uscc';
import { hasWidthAmbiguity } from '../text/normalise';
import { classifyDocument } from '../classify';
import { LABELS, type LabelDef } from './labels';
import { findLabels, findRuns, pageLines, readValue, type LabelHit, type Line } from './layout';
import {
  parseAccountCode,
  parseAccountNumber,
  parseCreditCode,
  parseDate,
  parseEthnicity,
  parseIdNumber,
  parseSerialNumber,
  parseSex,
  parseTerm,
  parseText,
  parseBusinessScope,
} from './values';

export { LABELS, KIND_KEYWORDS } from './labels';
export type { LabelDef, LabelTarget } from './labels';
export { parseDate, parseTerm } from './values';

const PARSERS: Record<string, (text: string) => string | null> = {
  creditCode: parseCreditCode,
  idNumber: parseIdNumber,
  accountNumber: parseAccountNumber,
  approvalNumber: parseAccountCode,
  accountCode: parseAccountCode,
  serialNumber: parseSerialNumber,
  sex: parseSex,
  ethnicity: parseEthnicity,
  establishedOn: parseDate,
  birthDate: parseDate,
  businessScope: parseBusinessScope,
};

/** Fields the checks compare character for character (the address is compared width-folded). */
const COMPARED_FIELDS = new Set(['companyName', 'accountName', 'legalRepresentative', 'name']);

/** The most a code failing its checksum is trusted (below the 0.9 of a confident reading). */
const INVALID_CODE_CONFIDENCE = 0.5;

/**
 * The most an ID number found without its label is trusted: its checksum holds, but
 * nothing on the page says which field it is.
 */
const UNLABELLED_CONFIDENCE = 0.8;

/** An ID number as a run of its own: 17 digits and a digit or X. */
const ID_NUMBER_RUN = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/g;

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
}

interface FieldReading {
  value: string;
  confidence: number;
  box: Box;
}

/** Reads each label's value on every page; the first page that gives a field wins. */
function readFields(text: DocumentText, defs: readonly LabelDef[]): Map<string, FieldReading> {
  const readings = new Map<string, FieldReading>();
  for (const page of text.pages) {
    const lines: Line[] = pageLines(page);
    const hits: LabelHit[] = findLabels(lines, defs);
    // Top-left first, so that a label printed twice is read where it appears first.
    hits.sort((a, b) => a.line.y0 - b.line.y0 || a.x0 - b.x0);
    for (const hit of hits) {
      const target = hit.def.target;
      if (target === null) continue;
      const region = readValue(hit, hits, lines);
      if (!region) continue;
      const confidence = hit.exact ? region.confidence : Math.min(region.confidence, 0.8);
      if ('term' in target) {
        const [from, until] = parseTerm(region.text);
        const [fromField, untilField] = target.term;
        if (from !== null && !readings.has(fromField))
          readings.set(fromField, { value: from, confidence, box: region.box });
        if (until !== null && !readings.has(untilField))
          readings.set(untilField, { value: until, confidence, box: region.box });
        continue;
      }
      if (readings.has(target.field)) continue;
      const value = (PARSERS[target.field] ?? parseText)(region.text);
      if (value !== null) readings.set(target.field, { value, confidence, box: region.box });
    }
  }
  return readings;
}

/**
 * The ID number of a card front whose 公民身份号码 label was not read (small grey print on
 * a photocopy or a blurred photo): the one run of 18 code characters on the page that
 * passes the checksum (and matches the birth date when that was read). Only when exactly
 * one such run exists, so a second number on the page never gets picked.
 */
function unlabelledIdNumber(text: DocumentText, birthDate: string | null): FieldReading | null {
  const found = text.pages.flatMap((page) =>
    findRuns(pageLines(page), ID_NUMBER_RUN).filter(
      (run) => validateIdNumber(run.text, birthDate).valid,
    ),
  );
  const distinct = new Set(found.map((run) => run.text));
  const run = found[0];
  if (!run || distinct.size !== 1) return null;
  return {
    value: run.text,
    confidence: Math.min(run.confidence, UNLABELLED_CONFIDENCE),
    box: run.box,
  };
}

/**
 * 性别 and 民族 of a card front whose small labels were lost (a photocopy, a photo): the
 * card prints them on the line right below the name, the sex first. The sex is a 男/女
 * among that line's first three characters; the ethnicity follows a 民 whose 族 was lost.
 */
function sexLineFallback(text: DocumentText, readings: Map<string, FieldReading>): void {
  for (const page of text.pages) {
    const lines = pageLines(page);
    const hits = findLabels(lines, LABELS['id-card-front']);
    const name = hits.find((h) => h.def.id === 'name');
    if (!name) continue;
    const below = lines[lines.indexOf(name.line) + 1];
    if (!below || below.y0 - name.line.y1 > 2.5 * name.line.h) return;
    // Stop at the first label read on the line (民族 found, 性别 not).
    const end = hits
      .filter((h) => h.line === below)
      .reduce((min, h) => Math.min(min, h.from), below.glyphs.length);
    const glyphs = below.glyphs.slice(0, end);
    const at = glyphs.slice(0, 3).findIndex((g) => g.ch === '男' || g.ch === '女');
    const sex = glyphs[at];
    if (at < 0 || !sex) return;
    const fallback = (field: string, value: string, gs: typeof glyphs): void => {
      if (readings.has(field)) return;
      readings.set(field, {
        value,
        confidence: Math.min(UNLABELLED_CONFIDENCE, ...gs.map((g) => g.confidence)),
        box: {
          page: page.page,
          x: gs[0]!.x0,
          y: below.y0,
          w: gs.at(-1)!.x1 - gs[0]!.x0,
          h: below.y1 - below.y0,
        },
      });
    };
    fallback('sex', sex.ch, [sex]);
    const rest = glyphs.slice(at + 1);
    const label = rest.findIndex((g) => g.ch === '民');
    const value = rest.slice(label + 1);
    const ethnicity = parseEthnicity(value.map((g) => g.ch).join(''));
    if (label >= 0 && ethnicity !== null)
      fallback('ethnicity', ethnicity, value.slice(0, [...ethnicity].length));
    return;
  }
}

/**
 * One document's fields from its text. `file` is echoed into the result. Fields not
 * found are null; codes that fail their checksum get correction proposals, never silent fixes.
 */
export function extractDocument(
  text: DocumentText,
  file: string,
  options: ExtractOptions = {},
): ExtractedDocument {
  const kind: DetectedKind = options.kind ?? classifyDocument(text);
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

  const readings = readFields(text, LABELS[kind]);
  if (kind === 'id-card-front' && !readings.has('idNumber')) {
    const reading = unlabelledIdNumber(text, readings.get('birthDate')?.value ?? null);
    if (reading) readings.set('idNumber', reading);
  }
  if (kind === 'id-card-front' && !readings.has('sex')) sexLineFallback(text, readings);
  const fields: FieldValues = emptyFields(kind);
  const confidence: Record<string, number> = {};
  const boxes: Record<string, Box> = {};
  for (const name of Object.keys(fields)) {
    const reading = readings.get(name);
    if (!reading) continue;
    fields[name] = reading.value;
    confidence[name] = reading.confidence;
    boxes[name] = reading.box;
  }

  const corrections: Correction[] = [];
  const warnings: string[] = [];
  const creditCode = fields.creditCode;
  if (typeof creditCode === 'string') {
    const proposal = proposeUsccCorrections(creditCode);
    corrections.push(...proposal.corrections);
    if (proposal.note !== null) warnings.push(proposal.note);
  }
  const idNumber = fields.idNumber;
  if (typeof idNumber === 'string') {
    const proposal = proposeIdNumberCorrections(idNumber, 'idNumber', fields.birthDate);
    corrections.push(...proposal.corrections);
    if (proposal.note !== null) warnings.push(proposal.note);
  }
  // A code that fails its checksum is wrong somewhere, however sure each glyph looked.
  if (
    typeof creditCode === 'string' &&
    !validateUscc(creditCode).valid &&
    confidence.creditCode !== undefined
  )
    confidence.creditCode = Math.min(confidence.creditCode, INVALID_CODE_CONFIDENCE);
  if (
    typeof idNumber === 'string' &&
    !validateIdNumber(idNumber, fields.birthDate).valid &&
    confidence.idNumber !== undefined
  )
    confidence.idNumber = Math.min(confidence.idNumber, INVALID_CODE_CONFIDENCE);
  for (const name of REQUIRED[kind]) {
    if (fields[name] === null) warnings.push(`${name} was not found on the document`);
  }

  // Text from OCR cannot tell （ from ( reliably: such values wait for a person.
  const needsConfirmation =
    text.source === 'pdf-text'
      ? []
      : Object.entries(fields)
          .filter(
            ([name, value]) =>
              COMPARED_FIELDS.has(name) && value !== null && hasWidthAmbiguity(value),
          )
          .map(([name]) => name);

  return {
    ...base,
    fields,
    confidence,
    corrections,
    warnings,
    boxes,
    ...(needsConfirmation.length > 0 ? { needsConfirmation } : {}),
  };
}
