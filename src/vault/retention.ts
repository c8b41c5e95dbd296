// Retention: a dossier or document is first hidden (soft delete, deletedAt = the time),
// can be brought back within the undo window, and is then purged for good with
// everything that belongs to it.
import { appendAudit } from './audit';
import type { StoreContext, VaultContext } from './context';
import { VaultError, VaultNotFoundError } from './errors';
import { replaceSource, withDerived } from './dossier-source';
import { recordEdit, type Edit } from './record-edit';
import { openDossier } from './tables/dossiers';
import type { UndoTicket } from './types';

type Deletable = UndoTicket['table'];
const ENTITY = { dossiers: 'dossier', documents: 'document' } as const;

async function softDeletable(
  ctx: VaultContext,
  table: Deletable,
  id: string,
): Promise<{ deletedAt: number; dossierId: string } | undefined> {
  const record = await ctx.db
    .table<{ deletedAt: number; dossierId?: string }, string>(table)
    .get(id);
  if (!record) return undefined;
  return { deletedAt: record.deletedAt, dossierId: table === 'dossiers' ? id : record.dossierId! };
}

/** Hides a dossier (and with it its documents) or a document; returns the undo ticket. */
export async function softDelete(
  ctx: VaultContext,
  table: Deletable,
  id: string,
  undoWindowMs: number,
): Promise<UndoTicket> {
  const record = await softDeletable(ctx, table, id);
  if (!record || record.deletedAt !== 0) throw new VaultNotFoundError(ENTITY[table], id);
  const at = ctx.now();
  const edit: Edit = {
    dossierId: record.dossierId,
    action: 'delete',
    entityId: id,
    detail: table,
    tables: [ctx.db.table(table)],
    write: () => ctx.db.table(table).update(id, { deletedAt: at }),
    at,
    // The dossier list keeps its order; a deleted dossier leaves it below.
    moves: false,
  };
  // A document's values no longer count for the dossier's derived values.
  await recordEdit(
    ctx,
    table === 'documents'
      ? await withDerived(ctx, edit, (sources) => replaceSource(sources, id, () => null))
      : edit,
  );
  if (table === 'dossiers') ctx.list.removed(id);
  return { table, id, undoUntil: at + undoWindowMs };
}

/** Brings back a soft-deleted dossier or document while its undo window is open. */
export async function undoDelete(
  ctx: VaultContext,
  ticket: Pick<UndoTicket, 'table' | 'id'>,
  undoWindowMs: number,
): Promise<void> {
  const record = await softDeletable(ctx, ticket.table, ticket.id);
  if (!record || record.deletedAt === 0 || ctx.now() > record.deletedAt + undoWindowMs)
    throw new VaultError('The undo window has closed; the item was removed.', 'undo-closed');
  const edit: Edit = {
    dossierId: record.dossierId,
    action: 'undo-delete',
    entityId: ticket.id,
    detail: ticket.table,
    tables: [ctx.db.table(ticket.table)],
    write: () => ctx.db.table(ticket.table).update(ticket.id, { deletedAt: 0 }),
    moves: false,
  };
  await recordEdit(
    ctx,
    ticket.table === 'documents'
      ? await withDerived(ctx, edit, (sources) => sources, ticket.id)
      : edit,
  );
  if (ticket.table === 'dossiers') {
    const row = await ctx.db.dossiers.get(ticket.id);
    if (row) ctx.list.set(await openDossier(ctx, row));
  }
}

/**
 * Removes for good what was deleted before `cutoff`: the record, its sealed blob,
 * extractions and reading, and (for a dossier) accounts, declared values, accepted
 * exceptions, tracked changes and history. Returns how many dossiers and documents went.
 */
export async function purgeDeletedBefore(ctx: StoreContext, cutoff: number): Promise<number> {
  const { db } = ctx;
  const tables = [
    db.dossiers,
    db.documents,
    db.blobs,
    db.extractions,
    db.accounts,
    db.declared,
    db.changeEvents,
    db.readings,
    db.exceptions,
    db.trackedChanges,
    db.auditLog,
  ];
  return db.transaction('rw', tables, async () => {
    const dossiers = await db.dossiers
      .where('deletedAt')
      .between(1, cutoff, true, true)
      .primaryKeys();
    const docsOfDossiers = await db.documents.where('dossierId').anyOf(dossiers).primaryKeys();
    const documents = await db.documents
      .where('deletedAt')
      .between(1, cutoff, true, true)
      .primaryKeys();
    const allDocs = [...new Set([...docsOfDossiers, ...documents])];
    if (dossiers.length === 0 && allDocs.length === 0) return 0;
    await db.blobs.bulkDelete(allDocs);
    await db.extractions.where('documentId').anyOf(allDocs).delete();
    await db.readings.bulkDelete(allDocs);
    await db.readings.where('dossierId').anyOf(dossiers).delete();
    await db.exceptions.where('dossierId').anyOf(dossiers).delete();
    await db.trackedChanges.where('dossierId').anyOf(dossiers).delete();
    await db.documents.bulkDelete(allDocs);
    await db.accounts.where('dossierId').anyOf(dossiers).delete();
    await db.declared.bulkDelete(dossiers);
    await db.changeEvents.where('dossierId').anyOf(dossiers).delete();
    await db.dossiers.bulkDelete(dossiers);
    const detail = `${dossiers.length} dossier(s), ${allDocs.length} document(s)`;
    await appendAudit(ctx, 'purge', null, null, detail);
    return dossiers.length + documents.length;
  });
}
