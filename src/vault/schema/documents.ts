// A document's metadata; its bytes live in `blobs` so that listing never loads them.
import * as z from 'zod';
import { DocumentKindSchema } from '../../core/documents';
import { DeletedAtSchema, SealedSchema } from './sealed';

export const DocumentKindOrUnknownSchema = z.union([DocumentKindSchema, z.literal('unknown')]);

export const DocumentRecordSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  kind: DocumentKindOrUnknownSchema,
  /** From the file's magic bytes, never its name. */
  mime: z.string(),
  size: z.number().int().min(0),
  pages: z.number().int().min(1),
  createdAt: z.number(),
  /** Added in version 2 (soft delete with undo). */
  deletedAt: DeletedAtSchema,
  fileName: SealedSchema,
  /** SHA-256 of the plaintext, hex, kept only sealed. */
  sha256: SealedSchema,
  /** HMAC of the plaintext's SHA-256: duplicate detection without a plain hash. */
  fingerprint: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;
export const DocumentRecordV1Schema = DocumentRecordSchema.omit({ deletedAt: true });
