// A check failure a person accepted with a written reason (spec/linking-rules.md §3).
// Added in version 3. The check id and the time are not sensitive; reason and name are.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const ExceptionRecordSchema = z.object({
  /** `${dossierId}:${check}`: one accepted exception per check and dossier. */
  id: z.string(),
  dossierId: z.string(),
  /** A check id from src/core/checks (e.g. `license.creditCode`). */
  check: z.string(),
  /** ISO 8601, as AcceptedException.at (src/core/dossier.ts). */
  at: z.string(),
  reason: SealedSchema,
  by: SealedSchema,
});
export type ExceptionRecord = z.infer<typeof ExceptionRecordSchema>;
