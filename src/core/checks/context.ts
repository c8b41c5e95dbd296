// What the checks read: each document's fields with a person's confirmed values applied,
// and which fields still wait for confirmation. Shared by the CLI and the pack builder.
import { DOCUMENT_KINDS, type DocumentKind, type FieldValues } from '../documents';
import type { Confirmed, DossierInput } from '../dossier';
import type { ExtractedDocument } from '../extraction';

/**
 * A document with confirmed values applied: a confirmed field replaces what was read and
 * no longer needs confirmation. Returns a new object; the input is not changed.
 */
export function applyConfirmed(doc: ExtractedDocument, confirmed: Confirmed): ExtractedDocument {
  if (doc.kind === 'unknown') return doc;
  const byPerson = confirmed[doc.kind];
  if (byPerson === undefined || Object.keys(byPerson).length === 0) return doc;
  const fields: FieldValues = { ...doc.fields, ...byPerson };
  const needsConfirmation = doc.needsConfirmation?.filter((f) => !(f in byPerson));
  return { ...doc, fields, ...(needsConfirmation === undefined ? {} : { needsConfirmation }) };
}

/** One document as the checks see it. */
export interface EffectiveDocument {
  kind: DocumentKind;
  file: string;
  fields: FieldValues;
  /** Fields read with width-ambiguous characters that no person has confirmed yet. */
  unconfirmed: ReadonlySet<string>;
}

export interface EffectiveFields {
  /** Every readable document of a known kind, confirmed values applied, in input order. */
  documents: EffectiveDocument[];
  /** The first document of each kind (the one the comparisons use). */
  byKind: Partial<Record<DocumentKind, EffectiveDocument>>;
}

/**
 * The dossier's documents with confirmed values applied (input.confirmed[kind][field]
 * wins over what was read). Unreadable documents (with an `error`) and unknown kinds are
 * left out. When a kind appears twice, the first document is the one compared.
 * Confirmed values for a kind with no readable document are not used: the document itself
 * is what docs.complete asks for.
 */
export function effectiveFields(
  input: Pick<DossierInput, 'documents' | 'confirmed'>,
): EffectiveFields {
  const documents: EffectiveDocument[] = [];
  for (const raw of input.documents) {
    if (raw.error !== undefined || raw.kind === 'unknown') continue;
    const doc = applyConfirmed(raw, input.confirmed);
    if (doc.kind === 'unknown') continue;
    documents.push({
      kind: doc.kind,
      file: doc.file,
      fields: doc.fields,
      unconfirmed: new Set(doc.needsConfirmation ?? []),
    });
  }
  const byKind: Partial<Record<DocumentKind, EffectiveDocument>> = {};
  for (const kind of DOCUMENT_KINDS) {
    const first = documents.find((d) => d.kind === kind);
    if (first) byKind[kind] = first;
  }
  return { documents, byKind };
}

/** A field's value, or null when the document is absent or the field empty. */
export function fieldOf(doc: EffectiveDocument | undefined, field: string): string | null {
  const value = doc?.fields[field];
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
