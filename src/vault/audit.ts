// The audit log (auditLog table): append-only, plaintext with no secret, so unlock failures
// are logged while locked. Every entry goes through appendAudit.
import type { StoreContext } from './context';
import type { VaultDB } from './db';
import { newId } from './ids';
import type { AuditAction, AuditEntry } from './schema/audit-log';

export async function appendAudit(
  ctx: StoreContext,
  action: AuditAction,
  dossierId: string | null,
  entityId: string | null,
  detail: string,
): Promise<void> {
  await ctx.db.auditLog.add({ id: newId(), at: ctx.now(), action, dossierId, entityId, detail });
}

/** The audit log, oldest first, or only one action's entries. */
export async function listAudit(db: VaultDB, action?: AuditAction): Promise<AuditEntry[]> {
  const entries = action
    ? await db.auditLog
        .where('[action+at]')
        .between([action, -Infinity], [action, Infinity])
        .toArray()
    : await db.auditLog.toArray();
  return entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
