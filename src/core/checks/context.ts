// What the checks read: each document's fields with a person's confirmed values applied,
// and which fields still wait for confirmation. Shared by the CLI and the pack builder.
import { DOCUMENT_KINDS, type DocumentKind, type FieldValues } from '../documents';
import { confirmedValues, type Confirmed, type DossierInput } from '../dossier';
import type { ExtractedDocument } from '../extraction';

/**
 * A document with confirmed values applied: a confirmed field replaces what was read and
 * no longer needs confirmation. Returns a new object; the input is not changed.
 */
export function applyConfirmed(doc: ExtractedDocument, confirmed: Confirmed): ExtractedDocument {
  if (doc.kind === 'unknown') return doc;
  // Booleans (a confirmed seal) are statements about the image, not field values.
  const byPerson = confirmedValues(confirmed, doc.kind);
  if (Object.keys(byPerson).length === 0) return doc;
  const fields: FieldValues = { ...doc.fields, ...byPerson };
  const needsConfirmation = doc.needsConfirmation?.filter((f) => !(f in byPerson));
  return { ...doc, fields, ...(needsConfirmation === undefined ? {} : { needsConfirmation }) };
}

/** A document's key: its file name, with `#page` for one of several documents in a file. */
export function documentKey(doc: { file: string; page?: number }): string {
  return doc.page === undefined ? doc.file : `${doc.file}#${doc.page}`;
}

/** Whether a person set this document aside: by its key, or by its file for every page. */
export function isSetAside(
  doc: { file: string; page?: number },
  setAside: readonly string[] | undefined,
): boolean {
  if (setAside === undefined || setAside.length === 0) return false;
  const key = documentKey(doc);
  return setAside.some((entry) => entry === key || entry === doc.file);
}

/** One document as the checks see it. */
export interface EffectiveDocument {
  kind: DocumentKind;
  file: string;
  /** documentKey: what `setAside` and a "not read" link name. */
  key: string;
  fields: FieldValues;
  /** Fields read with width-ambiguous characters that no person has confirmed yet. */
  unconfirmed: ReadonlySet<string>;
  /**
   * Per field no person has confirmed, the places (code points) of the characters the OCR
   * read unsurely (ExtractedDocument.doubted); absent: none.
   */
  doubted: ReadonlyMap<string, ReadonlySet<number>>;
  /**
   * Per field no person has confirmed, the other readings the reader proposes for the value
   * as read (its corrections from that value: a runner-up, a measured look-alike, a place).
   */
  proposed: ReadonlyMap<string, readonly string[]>;
  /** Whether its values were read by OCR (not a text layer, not given as values). */
  ocr: boolean;
}

export interface EffectiveFields {
  /** Every readable document of a known kind not set aside, confirmed values applied, in input order. */
  documents: EffectiveDocument[];
  /** The document of each kind that exactly one document claims (the one the checks use). */
  byKind: Partial<Record<DocumentKind, EffectiveDocument>>;
  /**
   * Kinds that two or more documents claim: no check picks one (not by file name, not by
   * order); docs.complete fails naming them until a person sets all but one aside.
   */
  claimants: Partial<Record<DocumentKind, EffectiveDocument[]>>;
}

/**
 * The dossier's documents with confirmed values applied (input.confirmed[kind][field]
 * wins over what was read). Unreadable documents (with an `error`), unknown kinds and the
 * documents a person set aside are left out. A kind claimed by two documents has no
 * document in byKind. Confirmed values for a kind with no readable document are not used:
 * the document itself is what docs.complete asks for.
 */
export function effectiveFields(
  input: Pick<DossierInput, 'documents' | 'confirmed'> & { setAside?: readonly string[] },
): EffectiveFields {
  const documents: EffectiveDocument[] = [];
  for (const raw of input.documents) {
    if (raw.error !== undefined || raw.kind === 'unknown') continue;
    if (isSetAside(raw, input.setAside)) continue;
    const doc = applyConfirmed(raw, input.confirmed);
    if (doc.kind === 'unknown') continue;
    documents.push({
      kind: doc.kind,
      file: doc.file,
      key: documentKey(raw),
      fields: doc.fields,
      unconfirmed: new Set(doc.needsConfirmation ?? []),
      doubted: doubtedOf(raw, confirmedValues(input.confirmed, raw.kind)),
      proposed: proposedOf(raw, confirmedValues(input.confirmed, raw.kind)),
      ocr: raw.source !== undefined && raw.source !== 'pdf-text',
    });
  }
  const byKind: Partial<Record<DocumentKind, EffectiveDocument>> = {};
  const claimants: Partial<Record<DocumentKind, EffectiveDocument[]>> = {};
  for (const kind of DOCUMENT_KINDS) {
    const ofKind = documents.filter((d) => d.kind === kind);
    if (ofKind.length === 1) byKind[kind] = ofKind[0];
    else if (ofKind.length > 1) claimants[kind] = ofKind;
  }
  return { documents, byKind, claimants };
}

/** A document's doubted places per field, but for the fields a person confirmed. */
function doubtedOf(
  doc: ExtractedDocument,
  byPerson: Readonly<Record<string, unknown>>,
): ReadonlyMap<string, ReadonlySet<number>> {
  return new Map(
    Object.entries(doc.doubted ?? {})
      .filter(([field]) => !(field in byPerson))
      .map(([field, places]) => [field, new Set(places)]),
  );
}

/** A document's proposals per field (from the value as read), but for the fields a person confirmed. */
function proposedOf(
  doc: ExtractedDocument,
  byPerson: Readonly<Record<string, unknown>>,
): ReadonlyMap<string, readonly string[]> {
  const proposed = new Map<string, string[]>();
  for (const c of doc.corrections) {
    if (c.field in byPerson || doc.fields[c.field] !== c.from) continue;
    proposed.set(c.field, [...(proposed.get(c.field) ?? []), c.to]);
  }
  return proposed;
}

/** A field's value, or null when the document is absent or the field empty. */
export function fieldOf(doc: EffectiveDocument | undefined, field: string): string | null {
  const value = doc?.fields[field];
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
