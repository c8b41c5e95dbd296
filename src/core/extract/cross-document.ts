// Cross-document value search (issue 13): the same value is printed on several documents
// of a dossier (the company's name on the license and the bank form, the legal
// representative on three). Where one document's value was not read (its label lost,
// wrapped or misread) or read only weakly, the value read on another document is searched
// for on this document's page, fuzzily (an edit distance over characters, within one
// line), and the characters actually on the page are reported, never the other
// document's: the comparison then still sees every real difference (a bracket's width,
// 逄 for 逢; locate-value.ts). Such a value is below 0.9 confidence, so a person confirms it, and says how
// it was found (`found: {field: 'cross-document'}`). A person's name or a company's name
// the page's OCR doubted and a code failing its checksum are then settled by the other
// documents' readings (name-agreement.ts, code-agreement.ts), and a value two documents read alike, each on
// its own, is corroborated (cross-corroboration.ts).
import type { DocumentKind } from '../documents';
import type { DocumentText, ExtractedDocument } from '../extraction';
import { hasWidthAmbiguity } from '../text/normalise';
import { checkAuthorityPlaces } from './authority-place';
import { agreeCodes, SAME_CODE_FIELDS } from './code-agreement';
import { corroborateAcrossDocuments } from './cross-corroboration';
import { withDoubts } from './doubts';
import { locateValue, type LocatedValue } from './locate-value';
import { agreeCompanyNames, agreeNames } from './name-agreement';
import { isPersonNameField, neverValue, typeOf } from './value-types';

/** Fields that print one and the same value on documents of different kinds. */
export const SAME_VALUE_FIELDS: readonly (readonly { kind: DocumentKind; field: string }[])[] = [
  [
    { kind: 'business-license', field: 'companyName' },
    { kind: 'bank-permit', field: 'accountName' },
  ],
  [
    { kind: 'business-license', field: 'legalRepresentative' },
    { kind: 'bank-permit', field: 'legalRepresentative' },
    { kind: 'id-card-front', field: 'name' },
  ],
];

/** A reading below this is weak (a type search, a wrong type): the search may replace it. */
export const WEAK_CONFIDENCE = 0.65;

/** A document as read, with the text its fields were read from (absent: not searched). */
export interface ReadDocumentWithText {
  document: ExtractedDocument;
  text?: DocumentText;
}

/** A value of another document to search for, best first. */
interface SourceValue {
  value: string;
  kind: DocumentKind;
  field: string;
  /** 2: a person confirmed it; else its reading's confidence. */
  trust: number;
}

function sourcesFor(
  kind: DocumentKind,
  field: string,
  documents: readonly ExtractedDocument[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>>,
): SourceValue[] {
  const group = SAME_VALUE_FIELDS.find((g) => g.some((f) => f.kind === kind && f.field === field));
  if (!group) return [];
  const sources: SourceValue[] = [];
  for (const other of group) {
    if (other.kind === kind) continue;
    const byPerson = confirmed[other.kind]?.[other.field];
    if (typeof byPerson === 'string' && byPerson.trim() !== '') {
      sources.push({ value: byPerson, kind: other.kind, field: other.field, trust: 2 });
      continue;
    }
    for (const doc of documents) {
      if (doc.kind !== other.kind || doc.error !== undefined) continue;
      const value = doc.fields[other.field];
      const confidence = doc.confidence[other.field] ?? 0;
      // Only what was read there: a value itself found by this search proves nothing new.
      if (typeof value !== 'string' || value.trim() === '' || doc.found?.[other.field]) continue;
      if (confidence < WEAK_CONFIDENCE) continue;
      sources.push({ value, kind: other.kind, field: other.field, trust: confidence });
    }
  }
  return sources.sort((a, b) => b.trust - a.trust);
}

/** Whether a field of a document may be searched for: not read, or read weakly, never confirmed. */
function wanting(
  doc: ExtractedDocument,
  field: string,
  confirmed: Record<string, unknown>,
): boolean {
  if (field in confirmed) return false;
  const value = doc.fields[field];
  if (value === undefined) return false;
  return value === null || (doc.confidence[field] ?? 0) < WEAK_CONFIDENCE;
}

/**
 * The dossier's documents with the values of SAME_VALUE_FIELDS that a document did not
 * read (or read weakly) located on its page from another document's value. A confident
 * reading is never replaced; a person's confirmation is never searched for. Documents
 * without text are returned as they are. The input is not changed.
 */
export function crossDocumentFill(
  documents: readonly ReadDocumentWithText[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>> = {},
): ExtractedDocument[] {
  const read = documents.map((d) => d.document);
  const filled = documents.map(({ document: doc, text }) => {
    if (text === undefined || doc.kind === 'unknown' || doc.error !== undefined) return doc;
    const kind = doc.kind;
    const byPerson = confirmed[kind] ?? {};
    let next: ExtractedDocument = doc;
    for (const group of SAME_VALUE_FIELDS) {
      for (const { field } of group.filter((g) => g.kind === kind)) {
        if (!wanting(doc, field, byPerson)) continue;
        // Another field read with confidence holds its own value, not this one.
        const exclude = Object.entries(next.boxes ?? {})
          .filter(([name]) => name !== field && (next.confidence[name] ?? 0) >= WEAK_CONFIDENCE)
          .map(([, box]) => box);
        for (const source of sourcesFor(kind, field, read, confirmed)) {
          const located = locateValue(text, source.value, { exclude });
          if (!located) continue;
          // Still the field's type and nothing it can never be (a label, a notice).
          const wrongType =
            !typeOf(field).valid(located.value) || neverValue(field, located.value) !== null;
          const confidence = wrongType ? Math.min(located.confidence, 0.5) : located.confidence;
          next = withFound(next, field, located, confidence, source, text);
          break;
        }
      }
    }
    return next;
  });
  // A person's name this page's OCR doubted, settled by another document's reading.
  const names = SAME_VALUE_FIELDS.filter((g) => g.every((f) => isPersonNameField(f.field)));
  const agreed = agreeNames(
    filled.map((document, i) => ({ document, text: documents[i]!.text })),
    names,
    confirmed,
  );
  // A company's name whose ideograph this page's OCR doubted, settled the same way.
  const companies = SAME_VALUE_FIELDS.filter((g) => !g.some((f) => isPersonNameField(f.field)));
  const agreedCompanies = agreeCompanyNames(
    agreed.map((document, i) => ({ document, text: documents[i]!.text })),
    companies,
    confirmed,
  );
  // A code failing its checksum, whose proposed repair another document reads.
  const coded = agreeCodes(agreedCompanies, confirmed);
  // A value another document reads independently and identically is legible.
  const corroborated = corroborateAcrossDocuments(
    documents,
    coded,
    [...SAME_VALUE_FIELDS, ...SAME_CODE_FIELDS],
    confirmed,
  );
  // An ID back's authority whose place the front's address names more fully (authority-place.ts).
  const placed = checkAuthorityPlaces(corroborated, confirmed);
  // Where each compared value's reading was unsure, for the comparisons (doubts.ts).
  return placed.map((doc, i) => withDoubts(doc, comparedFields(doc.kind), documents[i]!.text));
}

/** The fields of a kind that SAME_VALUE_FIELDS compares with another document's. */
function comparedFields(kind: ExtractedDocument['kind']): string[] {
  return SAME_VALUE_FIELDS.flatMap((g) => g.filter((f) => f.kind === kind).map((f) => f.field));
}

function withFound(
  doc: ExtractedDocument,
  field: string,
  located: LocatedValue,
  confidence: number,
  source: SourceValue,
  text: DocumentText,
): ExtractedDocument {
  const ambiguousWidth = text.source !== 'pdf-text' && hasWidthAmbiguity(located.value);
  const needsConfirmation = (doc.needsConfirmation ?? []).filter((f) => f !== field);
  if (ambiguousWidth) needsConfirmation.push(field);
  return {
    ...doc,
    fields: { ...doc.fields, [field]: located.value },
    confidence: { ...doc.confidence, [field]: confidence },
    boxes: { ...doc.boxes, [field]: located.box },
    found: { ...doc.found, [field]: 'cross-document' },
    warnings: [
      ...doc.warnings.filter((w) => w !== `${field} was not found on the document`),
      `${field} was located on the page by the ${source.field} of the ${source.kind}${located.edits > 0 ? ` (${located.edits} character${located.edits > 1 ? 's' : ''} differ)` : ''}: confirm it against the image`,
    ],
    ...(needsConfirmation.length > 0 ? { needsConfirmation } : {}),
    corrections: doc.corrections.filter((c) => c.field !== field),
  };
}
