// The keyring: the master secret wrapped by the passphrase-derived key, with the KDF
// parameters and salt beside it so they can be raised later without re-encrypting data.
import * as z from 'zod';
import { KdfParamsSchema, SealedSchema } from './sealed';

export const KEYRING_ID = 'main';

export const KeyringRecordSchema = z.object({
  id: z.literal(KEYRING_ID),
  kdf: KdfParamsSchema,
  wrappedSecret: SealedSchema,
  createdAt: z.number(),
  changedAt: z.number(),
  /**
   * SHA-256 (hex) of the KDF parameters, salt and wrapped secret (keyring.ts), so a damaged
   * record says so instead of reading as a wrong passphrase. Keyrings written before it
   * gain it on their next unlock.
   */
  checksum: z.string().optional(),
  /**
   * A key rotation under way (rotation.ts): the new master secret wrapped by the same
   * passphrase-derived key, and how far re-sealing has come. Every record of the tables
   * before `table`, and of `table` up to the primary key `after`, is sealed with the new
   * secret; every other record with the old one. Absent when no rotation is running.
   */
  rotation: z
    .object({
      wrappedSecret: SealedSchema,
      table: z.string(),
      after: z.string().nullable(),
      done: z.number().int().min(0),
      total: z.number().int().min(0),
      startedAt: z.number(),
    })
    .optional(),
});
export type KeyringRecord = z.infer<typeof KeyringRecordSchema>;
