// The append-only audit log. Entries are plaintext (unlock failures are logged while
// locked) and therefore hold no secret: actions, ids, counts, types and sizes only.
import { z } from 'zod';

export const AuditActionSchema = z.enum([
  'create-vault',
  'unlock',
  'unlock-failed',
  'lock',
  'change-passphrase',
  /** A weaker keyring wrapped again at the policy's parameters on unlock; detail: before → after. */
  'kdf-upgrade',
  'create-dossier',
  'import',
  'import-refused',
  'edit',
  'confirm',
  'export',
  'delete',
  'undo-delete',
  'purge',
  'backup',
  'restore',
  'integrity-failure',
  /** The master secret replaced and every record sealed again (rotation.ts); detail: counts. */
  'rotate-keys',
  /** Accepting or revoking a check exception; detail: `accepted <check>` / `revoked <check>`. */
  'exception',
  /** Settings changed; detail: the names of the settings that changed. */
  'settings',
  /** A document set aside (detail `on`) or used again (`off`); entityId: the document. */
  'set-aside',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  action: AuditActionSchema,
  dossierId: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Non-secret detail: a mime type, a size, a count, a table name. */
  detail: z.string(),
  // The hash chain (audit.ts; version 5): absent only on entries of an older vault or
  // backup until they are chained. `seq` counts from 1 without gaps.
  seq: z.number().int().min(1).optional(),
  /** The previous entry's hash (64 zeros for the first). */
  prev: z.string().optional(),
  /** SHA-256 (hex) of this entry's fields and `prev`. */
  hash: z.string().optional(),
  /** HMAC-SHA-256 (hex) of `hash` under the vault's audit key; null when written locked. */
  mac: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
