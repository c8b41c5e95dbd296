// A marketplace account to link (src/core/dossier.ts AccountSchema), every field sealed.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const AccountRecordSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  createdAt: z.number(),
  store: SealedSchema,
  phone: SealedSchema,
  email: SealedSchema,
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;
