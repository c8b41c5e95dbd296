// The append-only audit log. Entries are plaintext (unlock failures are logged while
// locked) and therefore hold no secret: actions, ids, counts, types and sizes only.
import * as z from 'zod';

export const AuditActionSchema = z.enum([
  // The vault's own history (Settings), in the order its filter offers them …
  'create-vault',
  'unlock',
  'unlock-failed',
  'lock',
  'change-passphrase',
  /** A weaker keyring wrapped again at the policy's parameters on unlock; detail: before → after. */
  'kdf-upgrade',
  /** The master secret replaced and every record sealed again (rotation.ts); detail: counts. */
  'rotate-keys',
  /** Settings changed; detail: the names of the settings that changed. */
  'settings',
  'backup',
  'restore',
  'integrity-failure',
  // … then a dossier's, in the order its audit tab offers them (purge is in both).
  'create-dossier',
  'import',
  'import-refused',
  'edit',
  'confirm',
  'export',
  'delete',
  'undo-delete',
  'purge',
  /** Accepting or revoking a check exception; detail: `accepted <check>` / `revoked <check>`. */
  'exception',
  /** A document set aside (detail `on`) or used again (`off`); entityId: the document. */
  'set-aside',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/**
 * Whose history an action is in: a dossier's (its audit tab), the vault's (Settings'
 * history), or both (a purge: of a dossier's deleted records, or by the retention policy).
 * Typed by the schema, so a new action cannot be left out of every history's filter.
 */
const AUDIT_ACTION_SCOPE: Readonly<Record<AuditAction, 'dossier' | 'vault' | 'both'>> = {
  'create-vault': 'vault',
  unlock: 'vault',
  'unlock-failed': 'vault',
  lock: 'vault',
  'change-passphrase': 'vault',
  'kdf-upgrade': 'vault',
  'rotate-keys': 'vault',
  settings: 'vault',
  backup: 'vault',
  restore: 'vault',
  'integrity-failure': 'vault',
  'create-dossier': 'dossier',
  import: 'dossier',
  'import-refused': 'dossier',
  edit: 'dossier',
  confirm: 'dossier',
  export: 'dossier',
  delete: 'dossier',
  'undo-delete': 'dossier',
  purge: 'both',
  exception: 'dossier',
  'set-aside': 'dossier',
};

/** The actions of a dossier's or of the vault's history, in the schema's order. */
export const auditActionsOf = (scope: 'dossier' | 'vault'): readonly AuditAction[] =>
  AuditActionSchema.options.filter((a) => [scope, 'both'].includes(AUDIT_ACTION_SCOPE[a]));

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
