// readings: how each document was read (text source, detected kind, warnings, page
// geometry, set-aside flag), one sealed JSON per document.
import type { VaultContext } from '../context';
import { VaultNotFoundError } from '../errors';
import { openReading, replaceSource, withDerived } from '../dossier-source';
import { recordEdit, type Edit } from '../record-edit';
import type { ReadingRecord } from '../schema/readings';
import { sealFields } from '../sealed-fields';
import { DocumentReadingSchema, type DocumentReading, type DocumentReadingInput } from '../types';

/** A reading sealed for storage (saveReading, and importFile in its own transaction). */
export async function readingRecord(
  ctx: VaultContext,
  documentId: string,
  dossierId: string,
  reading: DocumentReading,
  at: number,
): Promise<ReadingRecord> {
  return {
    documentId,
    dossierId,
    updatedAt: at,
    ...(await sealFields(ctx.keys.data, 'readings', documentId, { reading })),
  };
}

/** Stores how a document was read, replacing an earlier reading (audited as an edit). */
export async function saveReading(
  ctx: VaultContext,
  documentId: string,
  input: DocumentReadingInput,
): Promise<void> {
  const reading = DocumentReadingSchema.parse(input);
  const doc = await ctx.db.documents.get(documentId);
  if (!doc) throw new VaultNotFoundError('document', documentId);
  const at = ctx.now();
  const record = await readingRecord(ctx, documentId, doc.dossierId, reading, at);
  await recordEdit(
    ctx,
    await withReading(
      ctx,
      {
        dossierId: doc.dossierId,
        action: 'edit',
        entityId: documentId,
        detail: 'reading',
        tables: [ctx.db.readings],
        write: () => ctx.db.readings.put(record),
        at,
        // A new reading is the reader's work, not a person's change to the content.
        moves: false,
      },
      documentId,
      reading,
    ),
  );
}

/** How a document was read, or null if it never was (VaultIntegrityError when altered). */
export async function getReading(
  ctx: VaultContext,
  documentId: string,
): Promise<DocumentReading | null> {
  const record = await ctx.db.readings.get(documentId);
  return record ? openReading(ctx, record) : null;
}

/** The edit with the dossier values derived from the documents once this reading is stored. */
function withReading(
  ctx: VaultContext,
  edit: Edit,
  documentId: string,
  reading: DocumentReading,
): Promise<Edit> {
  return withDerived(ctx, edit, (sources) =>
    replaceSource(sources, documentId, (s) => ({ ...s, reading })),
  );
}

/**
 * Sets a document aside (two documents claim one kind, spec §3 docs.complete) or uses it
 * again: kept in its sealed reading; audited 'set-aside' (`on` / `off`) with its history.
 */
export async function setDocumentAside(
  ctx: VaultContext,
  documentId: string,
  aside: boolean,
): Promise<void> {
  const doc = await ctx.db.documents.get(documentId);
  if (!doc || doc.deletedAt !== 0) throw new VaultNotFoundError('document', documentId);
  const before = await getReading(ctx, documentId);
  const reading = DocumentReadingSchema.parse({
    ...(before ?? { source: null, detectedKind: 'unknown' }),
    setAside: aside,
  });
  const at = ctx.now();
  const record = await readingRecord(ctx, documentId, doc.dossierId, reading, at);
  const edit: Edit = {
    dossierId: doc.dossierId,
    action: 'set-aside',
    entityId: documentId,
    detail: aside ? 'on' : 'off',
    changes: [
      {
        kind: 'edit',
        entity: 'readings',
        entityId: documentId,
        field: 'setAside',
        before: String(before?.setAside ?? false),
        after: String(aside),
      },
    ],
    tables: [ctx.db.readings],
    write: () => ctx.db.readings.put(record),
    at,
  };
  await recordEdit(ctx, await withReading(ctx, edit, documentId, reading));
}
