// Shapes shared by every entity: sealed (AES-GCM) values and the KDF parameters.
import * as z from 'zod';

export type Bytes = Uint8Array<ArrayBuffer>;

export const BytesSchema = z.custom<Bytes>((v) => v instanceof Uint8Array, 'expected bytes');

/** An AES-256-GCM ciphertext (tag appended) with its 96-bit IV. */
export const SealedSchema = z.object({ iv: BytesSchema, ct: BytesSchema });
export type Sealed = z.infer<typeof SealedSchema>;

export const KdfParamsSchema = z.discriminatedUnion('algorithm', [
  z.object({
    algorithm: z.literal('argon2id'),
    // Ceilings too: a record asking for more than 4 GiB or 64 passes is damage, and
    // deriving with it would hang the app.
    memoryKiB: z.number().int().min(8).max(4_194_304),
    iterations: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt: BytesSchema,
  }),
  z.object({
    algorithm: z.literal('pbkdf2-sha256'),
    iterations: z.number().int().min(1).max(100_000_000),
    salt: BytesSchema,
  }),
]);
export type KdfParams = z.infer<typeof KdfParamsSchema>;

const [ARGON2ID, PBKDF2] = KdfParamsSchema.options;
/** The parameters a caller chooses (the salt is always drawn by the vault). */
export const KdfChoiceSchema = z.discriminatedUnion('algorithm', [
  ARGON2ID.omit({ salt: true }),
  PBKDF2.omit({ salt: true }),
]);
export type KdfChoice = z.infer<typeof KdfChoiceSchema>;

/** Epoch milliseconds of a soft delete; 0 for a live record (IndexedDB does not index null). */
export const DeletedAtSchema = z.number().int().min(0);
