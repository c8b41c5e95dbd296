// How a document was read (text source, detected kind, warnings, page geometry): one
// sealed JSON per document (AAD = readings/documentId/reading). Added in version 3.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const ReadingRecordSchema = z.object({
  documentId: z.string(),
  /** Indexed so that a dossier's purge finds its readings. */
  dossierId: z.string(),
  updatedAt: z.number(),
  /** DocumentReading (src/vault/types.ts) as JSON: warnings quote what was read. */
  reading: SealedSchema,
});
export type ReadingRecord = z.infer<typeof ReadingRecordSchema>;
