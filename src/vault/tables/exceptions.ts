// exceptions: check failures a person accepted with a written reason (spec/linking-rules.md
// §3), one per dossier and check (id `${dossierId}:${check}`), reason and name sealed.
import type { AcceptedException } from '../../core/dossier';
import type { VaultContext } from '../context';
import { VaultError } from '../errors';
import { recordEdit } from '../record-edit';
import type { ExceptionRecord } from '../schema/exceptions';
import { openFields, sealFields } from '../sealed-fields';
import { ExceptionInputSchema, type ExceptionInput } from '../types';
import { liveDossierRecord } from './dossiers';

async function reasonOf(ctx: VaultContext, r: ExceptionRecord): Promise<string> {
  return (await openFields(ctx.keys.data, 'exceptions', r.id, { reason: r.reason })).reason;
}

/** Accepting the same check again replaces the reason; `at` is the vault's clock. */
export async function acceptException(
  ctx: VaultContext,
  dossierId: string,
  exception: ExceptionInput,
): Promise<void> {
  const input = ExceptionInputSchema.parse(exception);
  const reason = input.reason.trim();
  const by = input.by.trim();
  if (!reason) throw new VaultError('Write a reason before accepting an exception.');
  if (!by)
    throw new VaultError(
      'Enter your name in Settings; an accepted exception records who accepted it.',
    );
  await liveDossierRecord(ctx, dossierId);
  const id = `${dossierId}:${input.check}`;
  const old = await ctx.db.exceptions.get(id);
  const before = old ? await reasonOf(ctx, old) : null;
  const at = ctx.now();
  const record: ExceptionRecord = {
    id,
    dossierId,
    check: input.check,
    at: new Date(at).toISOString(),
    ...(await sealFields(ctx.keys.data, 'exceptions', id, { reason, by })),
  };
  await recordEdit(ctx, {
    dossierId,
    action: 'exception',
    entityId: id,
    detail: `accepted ${input.check}`,
    changes: [
      {
        kind: old ? 'edit' : 'create',
        entity: 'exceptions',
        entityId: id,
        field: input.check,
        before,
        after: reason,
      },
    ],
    tables: [ctx.db.exceptions],
    write: () => ctx.db.exceptions.put(record),
    at,
  });
}

/** Withdraws an accepted exception (nothing happens when there is none). */
export async function revokeException(
  ctx: VaultContext,
  dossierId: string,
  check: string,
): Promise<void> {
  const id = `${dossierId}:${check}`;
  const old = await ctx.db.exceptions.get(id);
  if (!old) return;
  const before = await reasonOf(ctx, old);
  await recordEdit(ctx, {
    dossierId,
    action: 'exception',
    entityId: id,
    detail: `revoked ${check}`,
    changes: [
      { kind: 'delete', entity: 'exceptions', entityId: id, field: check, before, after: null },
    ],
    tables: [ctx.db.exceptions],
    write: () => ctx.db.exceptions.delete(id),
  });
}

/** A dossier's accepted exceptions, by check id (the checks' and the pack's input). */
export async function listExceptions(
  ctx: VaultContext,
  dossierId: string,
): Promise<AcceptedException[]> {
  const rows = (await ctx.db.exceptions.where('dossierId').equals(dossierId).toArray()).sort(
    (a, b) => (a.check < b.check ? -1 : a.check > b.check ? 1 : 0),
  );
  return Promise.all(
    rows.map(async (r) => ({
      check: r.check,
      ...(await openFields(ctx.keys.data, 'exceptions', r.id, { reason: r.reason, by: r.by })),
      at: r.at,
    })),
  );
}
