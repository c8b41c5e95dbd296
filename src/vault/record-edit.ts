// The one way a dossier's content changes: the write itself, the history of each field
// changed, the audit entry, the dossier's updatedAt and any value derived from the edit
// (a blind index, a derived field) in one IndexedDB transaction; then the dossier list
// in memory follows.
import type { Table } from 'dexie';
import { appendAudit } from './audit';
import type { VaultContext } from './context';
import type { AuditAction } from './schema/audit-log';
import type { DossierRecord } from './schema/dossiers';
import { sealChange, type FieldChange } from './tables/history';
import type { DossierSummary } from './types';

export interface Edit {
  dossierId: string;
  action: AuditAction;
  /** The record the audit entry names (null: the dossier as a whole). */
  entityId: string | null;
  /** Non-secret audit detail (field names, counts, check ids; never a value). */
  detail: string;
  /** Several audit entries of the same action, one per detail (several fields confirmed at once). */
  details?: readonly string[];
  /** History: each field's plain before and after, sealed before the transaction. */
  changes?: readonly FieldChange[];
  /** The tables `write` touches (the dossiers, history and audit tables are always in). */
  tables?: readonly Table[];
  /**
   * Table calls only: IndexedDB commits a transaction left idle across an await that is
   * not its own request (WebCrypto), so everything sealed is sealed before this runs.
   */
  write?: () => Promise<unknown>;
  /** Values derived from the edit, written to the dossier record in the same transaction. */
  dossier?: Partial<DossierRecord>;
  /** The same derived values as the list shows them. */
  summary?: Partial<DossierSummary>;
  /** The edit's time (default: now). */
  at?: number;
  /** False for a write that is not a user change to the content (default true: updatedAt moves). */
  moves?: boolean;
}

/** Applies an edit; returns its time. */
export async function recordEdit(ctx: VaultContext, edit: Edit): Promise<number> {
  const at = edit.at ?? ctx.now();
  const moves = edit.moves ?? true;
  const { db } = ctx;
  const events = await Promise.all(
    (edit.changes ?? []).map((c) => sealChange(ctx, edit.dossierId, at, c)),
  );
  const patch: Partial<DossierRecord> = { ...edit.dossier, ...(moves ? { updatedAt: at } : {}) };
  await db.transaction(
    'rw',
    [...(edit.tables ?? []), db.dossiers, db.changeEvents, db.auditLog],
    async () => {
      await edit.write?.();
      if (Object.keys(patch).length > 0) await db.dossiers.update(edit.dossierId, patch);
      if (events.length > 0) await db.changeEvents.bulkAdd(events);
      for (const detail of edit.details ?? [edit.detail])
        await appendAudit(ctx, edit.action, edit.dossierId, edit.entityId, detail);
    },
  );
  ctx.list.changed(edit.dossierId, { ...edit.summary, ...(moves ? { updatedAt: at } : {}) });
  return at;
}
