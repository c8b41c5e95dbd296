// The history of a dossier's values: who changed which field from what to what (sealed).
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const ChangeKindSchema = z.enum(['create', 'edit', 'confirm', 'delete', 'restore']);

export const ChangeEventRecordSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  at: z.number(),
  kind: ChangeKindSchema,
  /** Table and record the change applies to. */
  entity: z.string(),
  entityId: z.string(),
  field: z.string(),
  before: SealedSchema.nullable(),
  after: SealedSchema.nullable(),
});
export type ChangeEventRecord = z.infer<typeof ChangeEventRecordSchema>;
