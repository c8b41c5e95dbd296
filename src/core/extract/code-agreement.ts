// A code printed on two documents of a dossier (the credit code on the license and the
// bank form), as evidence for the repair of a reading that fails its checksum (issue 13).
// The reader never changes a code silently: where the OCR's own second reading (or the
// one missing check character) makes it valid, that repair is only proposed. When another
// document read exactly the repaired code, two things independent of each other say the
// same (this page's OCR saw those characters, and the other page printed them), and the
// checksum says the code as read cannot be: the repair is taken, below 0.9 and with the
// page's own reading kept as a proposal, so a person still confirms it. Nothing is ever
// taken from the other document that this page's reader did not propose itself.
import type { DocumentKind } from '../documents';
import type { Correction, ExtractedDocument } from '../extraction';
import { foldWidth } from '../text/normalise';

/** Fields that print one and the same checksummed code on documents of different kinds. */
export const SAME_CODE_FIELDS: readonly (readonly { kind: DocumentKind; field: string }[])[] = [
  [
    { kind: 'business-license', field: 'creditCode' },
    { kind: 'bank-permit', field: 'creditCode' },
  ],
];

/** A reading at least this sure may speak for another document's. */
const SOURCE_CONFIDENCE = 0.65;
/** The least a repair that another document's reading seconds is trusted. */
const AGREED_CONFIDENCE = 0.8;
/** The most: a person confirms it against the image. */
const MOST_CONFIDENCE = 0.85;

const REPAIRS: ReadonlySet<Correction['reason']> = new Set(['checksum', 'missing-check-character']);
const key = (code: string): string => foldWidth(code).toUpperCase().replace(/\s+/gu, '');

/** The repairs the reader proposed for a document's code as read (it fails its checksum). */
function repairsOf(doc: ExtractedDocument, field: string, value: string): Correction[] {
  return doc.corrections.filter(
    (c) => c.field === field && c.from === value && REPAIRS.has(c.reason),
  );
}

/**
 * The documents with each code that fails its checksum replaced by the reader's own
 * proposed repair where another document (or a person's confirmation) reads exactly that
 * code. A code read without a proposed repair, a confirmed one, and a reading the
 * cross-document search located are left alone; a located reading never seconds. The input
 * is not changed.
 */
export function agreeCodes(
  documents: readonly ExtractedDocument[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>> = {},
): ExtractedDocument[] {
  return documents.map((doc) => {
    if (doc.kind === 'unknown' || doc.error !== undefined) return doc;
    let next = doc;
    for (const group of SAME_CODE_FIELDS) {
      const own = group.find((g) => g.kind === doc.kind);
      if (own === undefined || own.field in (confirmed[doc.kind] ?? {})) continue;
      const value = doc.fields[own.field];
      if (typeof value !== 'string') continue;
      const repairs = repairsOf(doc, own.field, value);
      if (repairs.length === 0) continue;
      // What the other documents read (or a person confirmed) for the same code.
      const elsewhere: { code: string; kind: DocumentKind; field: string }[] = [];
      for (const other of group) {
        if (other.kind === doc.kind) continue;
        const byPerson = confirmed[other.kind]?.[other.field];
        if (typeof byPerson === 'string' && byPerson.trim() !== '') {
          elsewhere.push({ code: byPerson, ...other });
          continue;
        }
        for (const d of documents) {
          const code = d.fields[other.field];
          if (d.kind !== other.kind || d.error !== undefined || typeof code !== 'string') continue;
          if (d.found?.[other.field] !== undefined) continue;
          if ((d.confidence[other.field] ?? 0) < SOURCE_CONFIDENCE) continue;
          // A reading that fails its own checksum speaks for nothing.
          if (repairsOf(d, other.field, code).length > 0) continue;
          elsewhere.push({ code, ...other });
        }
      }
      const agreeing = repairs.filter((r) => elsewhere.some((e) => key(e.code) === key(r.to)));
      // Two repairs each read elsewhere (two other documents disagreeing): none is taken.
      if (agreeing.length !== 1) continue;
      const repair = agreeing[0]!;
      const source = elsewhere.find((e) => key(e.code) === key(repair.to))!;
      next = repaired(next, own.field, value, repair, source);
    }
    return next;
  });
}

function repaired(
  doc: ExtractedDocument,
  field: string,
  read: string,
  repair: Correction,
  source: { kind: DocumentKind; field: string },
): ExtractedDocument {
  const confidence = Math.min(
    Math.max(doc.confidence[field] ?? 0, AGREED_CONFIDENCE),
    MOST_CONFIDENCE,
  );
  return {
    ...doc,
    fields: { ...doc.fields, [field]: repair.to },
    confidence: { ...doc.confidence, [field]: confidence },
    found: { ...doc.found, [field]: 'cross-document' },
    corrections: [
      ...doc.corrections.filter((c) => c.field !== field),
      {
        field,
        from: repair.to,
        to: read,
        reason: 'ocr-alternative',
        note: `The OCR read ${read}, which fails its checksum; the repair ${repair.to} is what the ${source.field} of the ${source.kind} reads: check it against the image.`,
      },
    ],
    warnings: [
      ...doc.warnings,
      `${field}: the checksum repair was taken because the ${source.field} of the ${source.kind} reads the same code: confirm it against the image`,
    ],
  };
}
