// Field extraction from positioned text (a PDF text layer or OCR words/lines): the
// document's kind, then each field's value: candidates from its label's geometry, from
// sentences and from its value type over the page, one picked by scoring.ts; parsed to
// the field's format, with per-field confidence and box, checksum-guided correction
// proposals for codes and look-alike punctuation proposals for compared fields. The steps
// after reading each have their module (draft.ts says which).
import { emptyFields } from '../document-fields';
import type { DetectedKind, DocumentKind } from '../documents';
import type { DocumentText, ExtractedDocument } from '../extraction';
import { classifyLines } from '../classify';
import { proposeCodeDigits, proposeCodeRepairs } from './code-proposals';
import { proposeCompletions } from './completions';
import { CORROBORATED_CONFIDENCE, corroborations } from './corroboration';
import { startDraft } from './draft';
import { readFallbacks } from './fallbacks';
import { LABELS } from './labels';
import { pageLines, type WorkCounter } from './lines';
import { doubtPersonNames } from './name-doubts';
import { layoutPage } from './page-layout';
import { readFields } from './scoring';
import { proposeComparedSeconds, proposeUnsureText } from './second-choices';
import { withTolerantLabels } from './tolerant-labels';
import { widthToConfirm } from './width-confirmation';
import { doubtKnownWording } from './wording-doubts';

export { LABELS, KIND_KEYWORDS } from './labels';
export type { LabelDef, LabelTarget } from './labels';
export { parseDate, parseTerm } from './values';
export type { WorkCounter } from './lines';

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
  const { placeProposals, warnings } = readFallbacks(kind, layouts, readings);
  const draft = startDraft(
    kind,
    text,
    pageLinesOf,
    emptyFields(kind),
    readings,
    placeProposals,
    warnings,
  );
  const { fields, confidence, boxes, corrections } = draft;
  proposeCodeRepairs(draft);
  doubtPersonNames(draft);
  doubtKnownWording(draft);
  proposeComparedSeconds(draft);
  proposeCodeDigits(draft);
  proposeCompletions(draft);
  proposeUnsureText(draft);
  for (const name of REQUIRED[kind]) {
    if (fields[name] === null) warnings.push(`${name} was not found on the document`);
  }

  // A value independent evidence confirms (a checksum, the ID number's birth date) is
  // legible however unsure the OCR was of its characters; never sure enough for 0.9.
  const corroborated =
    text.source === 'pdf-text'
      ? {}
      : corroborations({
          kind,
          fields,
          boxes,
          completed: draft.completedByRule,
          alternativesOf: draft.alternativesOf,
        });
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
