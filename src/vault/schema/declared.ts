// What the user states on the platform's form (src/core/dossier.ts DeclaredSchema), sealed.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const DeclaredRecordSchema = z.object({
  dossierId: z.string(),
  updatedAt: z.number(),
  idValidUntil: SealedSchema.nullable(),
  officeAddress: SealedSchema.nullable(),
});
export type DeclaredRecord = z.infer<typeof DeclaredRecordSchema>;
