// The document kinds and the fields the app extracts from each (spec/linking-rules.md §2).
// Field names here are the stable names of the CLI's JSON output.
import * as z from 'zod';
import { DOCUMENT_KINDS, type FIELDS_BY_KIND } from './document-fields';

// The plain values live in document-fields.ts, which needs no zod: the CLI's extract
// reads files without loading zod and these schemas.
export {
  DATE_FIELDS,
  DOCUMENT_KINDS,
  emptyFields,
  FIELDS_BY_KIND,
  LONG_TERM,
} from './document-fields';

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** A recognised kind, or `unknown` when the content matches none. */
export const DetectedKindSchema = z.union([DocumentKindSchema, z.literal('unknown')]);
export type DetectedKind = z.infer<typeof DetectedKindSchema>;

export type FieldName<K extends DocumentKind = DocumentKind> = (typeof FIELDS_BY_KIND)[K][number];

/** A field that was not found is `null`, never guessed. */
export const FieldValuesSchema = z.record(z.string(), z.string().nullable());
export type FieldValues = z.infer<typeof FieldValuesSchema>;
