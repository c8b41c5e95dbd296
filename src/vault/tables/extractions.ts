// extractions: what OCR read for each field of a document (value, box, corrections) and
// what a person confirmed, with who and when.
import type { z } from 'zod';
import type { VaultContext } from '../context';
import { openExtraction, replaceSource, withDerived } from '../dossier-source';
import { VaultNotFoundError } from '../errors';
import { recordEdit, type Edit } from '../record-edit';
import type { ExtractionRecord } from '../schema/extractions';
import { sealFields } from '../sealed-fields';
import { ExtractedFieldInputSchema, type ExtractedField, type ExtractedFieldInput } from '../types';

type FieldInput = z.output<typeof ExtractedFieldInputSchema>;

/**
 * OCR values sealed for storage (saveExtraction, and importFile in its own transaction);
 * a field already in `existing` keeps what a person confirmed.
 */
export async function extractionRecords(
  ctx: VaultContext,
  documentId: string,
  dossierId: string,
  fields: readonly FieldInput[],
  existing: ReadonlyMap<string, ExtractionRecord>,
): Promise<ExtractionRecord[]> {
  return Promise.all(
    fields.map(async (input) => {
      const id = `${documentId}:${input.field}`;
      const old = existing.get(input.field);
      return {
        id,
        documentId,
        dossierId,
        field: input.field,
        confidence: input.confidence,
        ...(await sealFields(ctx.keys.data, 'extractions', id, {
          ocrValue: input.value,
          box: input.box,
          corrections: input.corrections,
        })),
        confirmedValue: old?.confirmedValue ?? null,
        confirmedBy: old?.confirmedBy ?? null,
        confirmedAt: old?.confirmedAt ?? null,
      };
    }),
  );
}

/** Stores what OCR read (replacing earlier OCR values, keeping confirmations). */
export async function saveExtraction(
  ctx: VaultContext,
  documentId: string,
  fields: ExtractedFieldInput[],
): Promise<void> {
  const doc = await ctx.db.documents.get(documentId);
  if (!doc) throw new VaultNotFoundError('document', documentId);
  const existing = new Map(
    (await ctx.db.extractions.where('documentId').equals(documentId).toArray()).map((r) => [
      r.field,
      r,
    ]),
  );
  const parsed = fields.map((f) => ExtractedFieldInputSchema.parse(f));
  const records = await extractionRecords(ctx, documentId, doc.dossierId, parsed, existing);
  const read = new Map(parsed.map((f) => [f.field, f]));
  const edit: Edit = {
    dossierId: doc.dossierId,
    action: 'edit',
    entityId: documentId,
    detail: `read ${records.length} field(s)`,
    tables: [ctx.db.extractions],
    write: () => ctx.db.extractions.bulkPut(records),
    // OCR's work, not a person's change to the content.
    moves: false,
  };
  await recordEdit(
    ctx,
    await withDerived(ctx, edit, (sources) =>
      replaceSource(sources, documentId, (s) => {
        const kept = s.fields.filter((f) => !read.has(f.field));
        const replaced = s.fields.filter((f) => read.has(f.field));
        const confirmedOf = new Map(replaced.map((f) => [f.field, f]));
        return {
          ...s,
          fields: [
            ...kept,
            ...parsed.map((f) => ({
              ...f,
              value: f.value,
              confirmedValue: confirmedOf.get(f.field)?.confirmedValue ?? null,
              confirmedBy: confirmedOf.get(f.field)?.confirmedBy ?? null,
              confirmedAt: confirmedOf.get(f.field)?.confirmedAt ?? null,
            })),
          ],
        };
      }),
    ),
  );
}

export async function listExtractions(
  ctx: VaultContext,
  documentId: string,
): Promise<ExtractedField[]> {
  const rows = await ctx.db.extractions.where('documentId').equals(documentId).toArray();
  return Promise.all(rows.map((r) => openExtraction(ctx, r)));
}

/** A person confirms a field's value against the image; recorded with who and when. */
export function confirm(
  ctx: VaultContext,
  documentId: string,
  field: string,
  value: string,
  by: string,
): Promise<void> {
  return confirmMany(ctx, documentId, [{ field, value }], by);
}

/**
 * A person confirms several fields of one document at once (the confirm-all dialog): one
 * edit (one transaction; an audit and a history entry per field, as one by one),
 * and each of the dossier's records read once: the values before come from the same
 * read of the dossier's documents that derives its values.
 */
export async function confirmMany(
  ctx: VaultContext,
  documentId: string,
  fields: readonly { field: string; value: string }[],
  by: string,
): Promise<void> {
  if (fields.length === 0) return;
  const doc = await ctx.db.documents.get(documentId);
  if (!doc) throw new VaultNotFoundError('document', documentId);
  const ids = fields.map((f) => `${documentId}:${f.field}`);
  const olds = await ctx.db.extractions.bulkGet(ids);
  const at = ctx.now();
  const records: ExtractionRecord[] = await Promise.all(
    fields.map(async ({ field, value }, i) => {
      const old = olds[i];
      return {
        id: ids[i]!,
        documentId,
        dossierId: doc.dossierId,
        field,
        ocrValue: old?.ocrValue ?? null,
        confidence: old?.confidence ?? 0,
        box: old?.box ?? null,
        corrections: old?.corrections ?? null,
        ...(await sealFields(ctx.keys.data, 'extractions', ids[i]!, {
          confirmedValue: value,
          confirmedBy: by,
        })),
        confirmedAt: at,
      };
    }),
  );
  const confirmed = { confirmedBy: by, confirmedAt: at };
  const valueOf = new Map(fields.map((f) => [f.field, f.value]));
  /** Each field's confirmed value before, from the dossier's documents as read once. */
  const before = new Map<string, string | null>();
  const derived = await withDerived(
    ctx,
    {
      dossierId: doc.dossierId,
      action: 'confirm',
      entityId: documentId,
      detail: fields.map((f) => f.field).join(', '),
      details: fields.map((f) => f.field),
      tables: [ctx.db.extractions],
      write: () => ctx.db.extractions.bulkPut(records),
      at,
      // As before the split: a confirmation does not reorder the dossier list.
      moves: false,
    },
    (sources) =>
      replaceSource(sources, documentId, (s) => {
        for (const f of s.fields) if (valueOf.has(f.field)) before.set(f.field, f.confirmedValue);
        const known = new Set(s.fields.map((f) => f.field));
        return {
          ...s,
          fields: [
            ...s.fields.map((f) =>
              valueOf.has(f.field)
                ? { ...f, confirmedValue: valueOf.get(f.field)!, ...confirmed }
                : f,
            ),
            ...fields
              .filter((f) => !known.has(f.field))
              .map((f) => ({
                field: f.field,
                value: null,
                confidence: 0,
                box: null,
                corrections: [],
                confirmedValue: f.value,
                ...confirmed,
              })),
          ],
        };
      }),
  );
  await recordEdit(ctx, {
    ...derived,
    changes: [
      ...fields.map(({ field, value }, i) => ({
        kind: 'confirm' as const,
        entity: 'extractions' as const,
        entityId: ids[i]!,
        field,
        before: before.get(field) ?? null,
        after: value,
      })),
      ...(derived.changes ?? []),
    ],
  });
}
