// The document kinds and the fields the app extracts from each (spec/linking-rules.md §2).
// Field names here are the stable names of the CLI's JSON output.
import * as z from 'zod';

export const DOCUMENT_KINDS = ['business-license', 'id-card-front', 'id-card-back', 'bank-permit'] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** A recognised kind, or `unknown` when the content matches none. */
export const DetectedKindSchema = z.union([DocumentKindSchema, z.literal('unknown')]);
export type DetectedKind = z.infer<typeof DetectedKindSchema>;

/** ISO date `YYYY-MM-DD` or the value `long-term` (长期). */
export const LONG_TERM = 'long-term';

export const FIELDS_BY_KIND = {
  'business-license': [
    'creditCode',
    'companyName',
    'companyType',
    'legalRepresentative',
    'registeredCapital',
    'establishedOn',
    'validFrom',
    'validUntil',
    'address',
    'businessScope',
  ],
  'id-card-front': ['name', 'sex', 'ethnicity', 'birthDate', 'address', 'idNumber'],
  'id-card-back': ['issuingAuthority', 'validFrom', 'validUntil'],
  'bank-permit': [
    'approvalNumber',
    'accountCode',
    'serialNumber',
    'accountName',
    'legalRepresentative',
    'bankName',
    'accountNumber',
    'creditCode',
  ],
} as const satisfies Record<DocumentKind, readonly string[]>;

export type FieldName<K extends DocumentKind = DocumentKind> = (typeof FIELDS_BY_KIND)[K][number];

/** Fields whose values are dates (ISO or `long-term`). */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'establishedOn',
  'validFrom',
  'validUntil',
  'birthDate',
]);

/** A field that was not found is `null`, never guessed. */
export const FieldValuesSchema = z.record(z.string(), z.string().nullable());
export type FieldValues = z.infer<typeof FieldValuesSchema>;

/** An empty field map for a kind: every field present and null. */
export function emptyFields(kind: DocumentKind): FieldValues {
  return Object.fromEntries(FIELDS_BY_KIND[kind].map((f) => [f, null]));
}
