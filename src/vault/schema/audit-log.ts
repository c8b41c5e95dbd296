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
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
