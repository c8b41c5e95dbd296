// The keyring: the master secret wrapped by the passphrase-derived key, with the KDF
// parameters and salt beside it so they can be raised later without re-encrypting data.
import { z } from 'zod';
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
});
export type KeyringRecord = z.infer<typeof KeyringRecordSchema>;
