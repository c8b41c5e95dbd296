// One extracted field of one document: what OCR read, and what a person confirmed.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const ExtractionRecordSchema = z.object({
  /** `${documentId}:${field}`. */
  id: z.string(),
  documentId: z.string(),
  dossierId: z.string(),
  /** Field names come from src/core/documents.ts and are not sensitive. */
  field: z.string(),
  ocrValue: SealedSchema.nullable(),
  confidence: z.number().min(0).max(1),
  /** Box (JSON) sealed: it locates the value on the image. */
  box: SealedSchema.nullable(),
  /** Corrections (JSON array) sealed: they hold values. */
  corrections: SealedSchema.nullable(),
  confirmedValue: SealedSchema.nullable(),
  confirmedBy: SealedSchema.nullable(),
  confirmedAt: z.number().nullable(),
});
export type ExtractionRecord = z.infer<typeof ExtractionRecordSchema>;
