// A document's file bytes, sealed (AAD = blobs/documentId/data).
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const BlobRecordSchema = z.object({
  documentId: z.string(),
  data: SealedSchema,
});
export type BlobRecord = z.infer<typeof BlobRecordSchema>;
