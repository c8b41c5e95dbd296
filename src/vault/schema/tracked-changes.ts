// A change the company must file with the platform within N working days (spec §4: new
// license address, new legal representative, closed bank account). Added in version 3.
// The dates tell when something happened to the company, so kind and dates are sealed
// together as one JSON (AAD = trackedChanges/id/change); only ids and the creation time
// stay plain.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const TrackedChangeRecordSchema = z.object({
  id: z.string(),
  /** Indexed so that a dossier's list and purge find its changes. */
  dossierId: z.string(),
  createdAt: z.number(),
  /** { kind, occurredOn, filedOn? } (core ChangeEvent without its id) as JSON. */
  change: SealedSchema,
});
export type TrackedChangeRecord = z.infer<typeof TrackedChangeRecordSchema>;
