// trackedChanges: changes the company must file with the platform within N working days
// (spec §4: new licence address, new legal representative, closed bank account); kind
// and dates sealed as one JSON per change.
import { isIsoDate } from '../../core/dates';
import {
  CHANGE_KINDS,
  ChangeEventSchema,
  ChangeKindSchema,
  type ChangeEvent as TrackedChange,
} from '../../core/deadlines/change';
import type { VaultContext } from '../context';
import { VaultError, VaultIntegrityError, VaultNotFoundError } from '../errors';
import { newId } from '../ids';
import { recordEdit } from '../record-edit';
import type { TrackedChangeRecord } from '../schema/tracked-changes';
import { openFields, sealFields } from '../sealed-fields';
import type { TrackedChangeInput } from '../types';
import { liveDossierRecord } from './dossiers';

/** The core schema checks the change; its errors become one sentence. */
function parseChange(value: TrackedChange): TrackedChange {
  const parsed = ChangeEventSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new VaultError(`The change date "${value.occurredOn}" is not a date (YYYY-MM-DD).`);
}

async function sealChange(ctx: VaultContext, value: TrackedChange) {
  const { id, ...change } = value;
  return (await sealFields(ctx.keys.data, 'trackedChanges', id, { change })).change;
}

async function openChange(ctx: VaultContext, r: TrackedChangeRecord): Promise<TrackedChange> {
  const { change } = await openFields(ctx.keys.data, 'trackedChanges', r.id, r);
  const parsed = ChangeEventSchema.safeParse({ ...(change as object), id: r.id });
  if (parsed.success) return parsed.data;
  // Authentic but not a change: not written by this code, so treated as damage.
  throw new VaultIntegrityError('trackedChanges', r.id, 'change');
}

async function getChange(
  ctx: VaultContext,
  changeId: string,
): Promise<{ record: TrackedChangeRecord; change: TrackedChange }> {
  const record = await ctx.db.trackedChanges.get(changeId);
  if (!record) throw new VaultNotFoundError('tracked change', changeId);
  return { record, change: await openChange(ctx, record) };
}

/** Tracks a change to file; returns its id. */
export async function addTrackedChange(
  ctx: VaultContext,
  dossierId: string,
  input: TrackedChangeInput,
): Promise<string> {
  const kind = ChangeKindSchema.safeParse(input.kind);
  if (!kind.success)
    throw new VaultError(
      `"${String(input.kind)}" is not a change to track; use one of ${CHANGE_KINDS.join(', ')}.`,
    );
  const id = newId();
  const value = parseChange({ id, kind: kind.data, occurredOn: input.occurredOn });
  await liveDossierRecord(ctx, dossierId);
  const at = ctx.now();
  const record: TrackedChangeRecord = {
    id,
    dossierId,
    createdAt: at,
    change: await sealChange(ctx, value),
  };
  await recordEdit(ctx, {
    dossierId,
    action: 'edit',
    entityId: id,
    detail: `change ${value.kind}`,
    changes: [
      {
        kind: 'create',
        entity: 'trackedChanges',
        entityId: id,
        field: value.kind,
        before: null,
        after: value.occurredOn,
      },
    ],
    tables: [ctx.db.trackedChanges],
    write: () => ctx.db.trackedChanges.add(record),
    at,
  });
  return id;
}

/** Records the day the update was filed (it may be corrected later); not before the change. */
export async function markChangeFiled(
  ctx: VaultContext,
  changeId: string,
  filedOn: string,
): Promise<void> {
  const { record, change } = await getChange(ctx, changeId);
  if (!isIsoDate(filedOn))
    throw new VaultError(`The filing date "${filedOn}" is not a date (YYYY-MM-DD).`);
  if (filedOn < change.occurredOn)
    throw new VaultError(
      `The filing date ${filedOn} is before the change on ${change.occurredOn}; enter the day the update was filed.`,
    );
  const sealed = await sealChange(ctx, parseChange({ ...change, filedOn }));
  await recordEdit(ctx, {
    dossierId: record.dossierId,
    action: 'edit',
    entityId: changeId,
    detail: `change ${change.kind} filed`,
    changes: [
      {
        kind: 'edit',
        entity: 'trackedChanges',
        entityId: changeId,
        field: 'filedOn',
        before: change.filedOn ?? null,
        after: filedOn,
      },
    ],
    tables: [ctx.db.trackedChanges],
    write: () => ctx.db.trackedChanges.update(changeId, { change: sealed }),
  });
}

/** Removes a change entered by mistake (its history entry keeps the date it had). */
export async function removeTrackedChange(ctx: VaultContext, changeId: string): Promise<void> {
  const { record, change } = await getChange(ctx, changeId);
  await recordEdit(ctx, {
    dossierId: record.dossierId,
    action: 'edit',
    entityId: changeId,
    detail: `change ${change.kind} removed`,
    changes: [
      {
        kind: 'delete',
        entity: 'trackedChanges',
        entityId: changeId,
        field: change.kind,
        before: change.occurredOn,
        after: null,
      },
    ],
    tables: [ctx.db.trackedChanges],
    write: () => ctx.db.trackedChanges.delete(changeId),
  });
}

/** A dossier's tracked changes, filed or not, by the day they happened. */
export async function listTrackedChanges(
  ctx: VaultContext,
  dossierId: string,
): Promise<TrackedChange[]> {
  const rows = await ctx.db.trackedChanges.where('dossierId').equals(dossierId).toArray();
  const opened = await Promise.all(
    rows.map(async (r) => ({ r, change: await openChange(ctx, r) })),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  opened.sort(
    (a, b) =>
      cmp(a.change.occurredOn, b.change.occurredOn) ||
      a.r.createdAt - b.r.createdAt ||
      (a.r.id < b.r.id ? -1 : 1),
  );
  return opened.map((o) => o.change);
}
