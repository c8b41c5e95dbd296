// The document kinds, their fields and the values fields share, as plain constants:
// documents.ts builds its schemas from them, and code that only reads documents (the
// CLI's extract, src/core/extract) imports them from here without loading zod.
import type { DocumentKind, FieldValues } from './documents';

export const DOCUMENT_KINDS = ['business-license', 'id-card-front', 'id-card-back', 'bank-permit'] as const;

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

/** Fields whose values are dates (ISO or `long-term`). */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'establishedOn',
  'validFrom',
  'validUntil',
  'birthDate',
]);

/** An empty field map for a kind: every field present and null. */
export function emptyFields(kind: DocumentKind): FieldValues {
  return Object.fromEntries(FIELDS_BY_KIND[kind].map((f) => [f, null]));
}
