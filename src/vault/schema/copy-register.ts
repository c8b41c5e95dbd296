// The register of where copies went (使用登记): one entry per pack export, added in
// version 4. What was sent to whom is sealed as one JSON (AAD = copyRegister/id/entry);
// the dossier, the blind index of the ID number (to answer "where has this ID been sent"
// across dossiers) and the time stay plain.
import * as z from 'zod';
import { SealedSchema } from './sealed';

export const CopyRegisterEntrySchema = z
  .object({
    /** The purpose: the watermark text printed on every copy. */
    purpose: z.string(),
    /** Who received it (free text: the platform, a colleague). */
    recipient: z.string(),
    /** The day it was sent (ISO). */
    date: z.string(),
    company: z.string(),
    /** The legal representative's ID number the copies show ('' when unknown). */
    idNumber: z.string(),
    /** File names and kinds in the pack. */
    documents: z.array(z.object({ file: z.string(), kind: z.string() })),
    /** SHA-256 of the pack file, hex. */
    packSha256: z.string().regex(/^[0-9a-f]{64}$/),
    packName: z.string(),
  })
  .strict();
export type CopyRegisterEntry = z.infer<typeof CopyRegisterEntrySchema>;

export const CopyRegisterRecordSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  /** blindIndex('idNumber', …) as on dossiers; '' when the ID number is unknown. */
  idNumberIndex: z.string(),
  at: z.number(),
  entry: SealedSchema,
});
export type CopyRegisterRecord = z.infer<typeof CopyRegisterRecordSchema>;
