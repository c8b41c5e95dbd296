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

/** Which day of a change a person records: filed with the platform, or told to the bank. */
const DAY_FIELDS = {
  filedOn: { noun: 'filing', done: 'filed', what: 'the update was filed' },
  bankNotifiedOn: {
    noun: 'bank notification',
    done: 'told to the bank',
    what: 'the bank was told',
  },
} as const;

/** Records a day of the change (it may be corrected later); not before the change. */
async function markChangeDay(
  ctx: VaultContext,
  changeId: string,
  field: keyof typeof DAY_FIELDS,
  day: string,
): Promise<void> {
  const words = DAY_FIELDS[field];
  const { record, change } = await getChange(ctx, changeId);
  if (!isIsoDate(day))
    throw new VaultError(`The ${words.noun} date "${day}" is not a date (YYYY-MM-DD).`);
  if (day < change.occurredOn)
    throw new VaultError(
      `The ${words.noun} date ${day} is before the change on ${change.occurredOn}; enter the day ${words.what}.`,
    );
  const sealed = await sealChange(ctx, parseChange({ ...change, [field]: day }));
  await recordEdit(ctx, {
    dossierId: record.dossierId,
    action: 'edit',
    entityId: changeId,
    detail: `change ${change.kind} ${words.done}`,
    changes: [
      {
        kind: 'edit',
        entity: 'trackedChanges',
        entityId: changeId,
        field,
        before: change[field] ?? null,
        after: day,
      },
    ],
    tables: [ctx.db.trackedChanges],
    write: () => ctx.db.trackedChanges.update(changeId, { change: sealed }),
  });
}

/** Records the day the update was filed with the platform. */
export function markChangeFiled(ctx: VaultContext, changeId: string, filedOn: string) {
  return markChangeDay(ctx, changeId, 'filedOn', filedOn);
}

/** Records the day the bank was told of the change (its own deadline, spec §4). */
export function markBankNotified(ctx: VaultContext, changeId: string, notifiedOn: string) {
  return markChangeDay(ctx, changeId, 'bankNotifiedOn', notifiedOn);
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
