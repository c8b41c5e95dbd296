// changeEvents: who changed which field of a dossier from what to what (values sealed).
import type { VaultContext } from '../context';
import { newId } from '../ids';
import type { ChangeEventRecord } from '../schema/change-events';
import { openFields, sealFields } from '../sealed-fields';
import type { HistoryEntry } from '../types';

/** One field's change, as the writes describe it (plain before and after). */
export interface FieldChange {
  kind: ChangeEventRecord['kind'];
  /** Table and record the change applies to. */
  entity: string;
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
}

export async function sealChange(
  ctx: VaultContext,
  dossierId: string,
  at: number,
  change: FieldChange,
): Promise<ChangeEventRecord> {
  const id = newId();
  const { before, after, ...plain } = change;
  return {
    id,
    dossierId,
    at,
    ...plain,
    ...(await sealFields(ctx.keys.data, 'changeEvents', id, { before, after })),
  };
}

/** A dossier's history, oldest first. */
export async function listChanges(ctx: VaultContext, dossierId: string): Promise<HistoryEntry[]> {
  const rows = (await ctx.db.changeEvents.where('dossierId').equals(dossierId).toArray()).sort(
    (a, b) => a.at - b.at || (a.id < b.id ? -1 : 1),
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind,
      entity: r.entity,
      entityId: r.entityId,
      field: r.field,
      ...(await openFields(ctx.keys.data, 'changeEvents', r.id, r)),
    })),
  );
}
