// A dossier's documents as the checks read them (metadata, fields, reading), each record
// decrypted once; and the dossier values derived from them (credit code, legal
// representative, ID number: the list, the search and the `id.reuse` blind index), which
// the writes that change them recompute inside their own transaction (withDerived).
import { effectiveFields, fieldOf } from '../core/checks/context';
import { isImageConfirmation, type Confirmed } from '../core/dossier';
import { DocumentKindSchema } from '../core/documents';
import { BoxSchema, CorrectionSchema, type ExtractedDocument } from '../core/extraction';
import type { VaultContext } from './context';
import type { Edit } from './record-edit';
import type { DocumentRecord } from './schema/documents';
import type { ExtractionRecord } from './schema/extractions';
import type { ReadingRecord } from './schema/readings';
import { openFields } from './sealed-fields';
import { dossierChanges, getDossier } from './tables/dossiers';
import {
  DocumentReadingSchema,
  type DocumentInfo,
  type DocumentReading,
  type ExtractedField,
} from './types';

/** One document with what was read from it and what a person confirmed. */
export interface DocumentSource {
  info: DocumentInfo;
  fields: ExtractedField[];
  reading: DocumentReading | null;
}

export async function openDocumentInfo(
  ctx: VaultContext,
  r: DocumentRecord,
): Promise<DocumentInfo> {
  return {
    id: r.id,
    dossierId: r.dossierId,
    kind: r.kind,
    mime: r.mime,
    size: r.size,
    pages: r.pages,
    createdAt: r.createdAt,
    ...(await openFields(ctx.keys.data, 'documents', r.id, r)),
  };
}

export async function openExtraction(
  ctx: VaultContext,
  r: ExtractionRecord,
): Promise<ExtractedField> {
  const opened = await openFields(ctx.keys.data, 'extractions', r.id, r);
  return {
    field: r.field,
    value: opened.ocrValue,
    confidence: r.confidence,
    box: opened.box === null ? null : BoxSchema.parse(opened.box),
    corrections:
      opened.corrections === null ? [] : CorrectionSchema.array().parse(opened.corrections),
    confirmedValue: opened.confirmedValue,
    confirmedBy: opened.confirmedBy,
    confirmedAt: r.confirmedAt,
  };
}

export async function openReading(ctx: VaultContext, r: ReadingRecord): Promise<DocumentReading> {
  const { reading } = await openFields(ctx.keys.data, 'readings', r.documentId, r);
  return DocumentReadingSchema.parse(reading);
}

const byCreation = (a: DocumentInfo, b: DocumentInfo) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** The dossier's live documents (and `alsoId`, deleted or not), oldest first, decrypted once. */
export async function readDocumentSources(
  ctx: VaultContext,
  dossierId: string,
  alsoId?: string,
): Promise<DocumentSource[]> {
  const { db } = ctx;
  const [docs, extractions, readings] = await Promise.all([
    db.documents.where('dossierId').equals(dossierId).toArray(),
    db.extractions.where('dossierId').equals(dossierId).toArray(),
    db.readings.where('dossierId').equals(dossierId).toArray(),
  ]);
  const live = docs.filter((d) => d.deletedAt === 0 || d.id === alsoId);
  const sources = await Promise.all(
    live.map(async (d) => ({
      info: await openDocumentInfo(ctx, d),
      fields: await Promise.all(
        extractions.filter((e) => e.documentId === d.id).map((e) => openExtraction(ctx, e)),
      ),
      reading: await (async () => {
        const r = readings.find((x) => x.documentId === d.id);
        return r ? openReading(ctx, r) : null;
      })(),
    })),
  );
  return sources.sort((a, b) => byCreation(a.info, b.info));
}

/** The document as the checks see it, rebuilt from the vault's records. */
export function extractedFromVault(source: DocumentSource): ExtractedDocument {
  const { info, fields, reading } = source;
  const values: Record<string, string | null> = {};
  const confidence: Record<string, number> = {};
  const boxes: NonNullable<ExtractedDocument['boxes']> = {};
  const corrections: ExtractedDocument['corrections'] = [];
  for (const f of fields) {
    // The seal checked against the image is a statement beside the fields, not one.
    if (isImageConfirmation(info.kind, f.field)) continue;
    values[f.field] = f.value;
    confidence[f.field] = f.confidence;
    if (f.box) boxes[f.field] = f.box;
    corrections.push(...f.corrections);
  }
  const part = reading?.part;
  const page = part ? reading.pages[part.page] : undefined;
  return {
    file: info.fileName,
    kind: info.kind,
    fields: values,
    confidence,
    corrections,
    warnings: reading?.warnings ?? [],
    boxes,
    needsConfirmation: reading?.needsConfirmation ?? [],
    ...(reading?.source ? { source: reading.source } : {}),
    ...(reading?.error ? { error: reading.error } : {}),
    // The image analysis stored with the reading (lost in 5da3ce1: the checks skipped it).
    ...(reading?.quality ? { quality: reading.quality } : {}),
    ...(reading?.seal ? { seal: reading.seal } : {}),
    ...(part
      ? {
          page: part.page,
          ...(part.pages ? { pages: part.pages } : {}),
          ...(part.region ? { region: part.region } : {}),
          ...(page ? { pageSize: { width: page.width, height: page.height } } : {}),
        }
      : {}),
  };
}

/** What people confirmed, by document kind (the checks' `confirmed`). */
export function confirmedOf(sources: readonly DocumentSource[]): Confirmed {
  const confirmed: Confirmed = {};
  for (const { info, fields } of sources) {
    const kind = DocumentKindSchema.safeParse(info.kind);
    if (!kind.success) continue;
    for (const field of fields) {
      if (field.confirmedValue === null) continue;
      // A seal checked against the image is a statement, not a field's value.
      (confirmed[kind.data] ??= {})[field.field] = isImageConfirmation(kind.data, field.field)
        ? field.confirmedValue === 'true'
        : field.confirmedValue;
    }
  }
  return confirmed;
}

/** The files set aside (the checks' `setAside`). */
export function setAsideOf(sources: readonly DocumentSource[]): string[] {
  return sources.filter((s) => s.reading?.setAside).map((s) => s.info.fileName);
}

/** The dossier values its documents determine. */
export function derivedValues(sources: readonly DocumentSource[]): {
  creditCode: string | null;
  legalRepresentative: string | null;
  idNumber: string | null;
} {
  const { byKind } = effectiveFields({
    documents: sources.map(extractedFromVault),
    confirmed: confirmedOf(sources),
    setAside: setAsideOf(sources),
  });
  return {
    creditCode: fieldOf(byKind['business-license'], 'creditCode'),
    legalRepresentative: fieldOf(byKind['business-license'], 'legalRepresentative'),
    idNumber: fieldOf(byKind['id-card-front'], 'idNumber'),
  };
}

/**
 * An edit to a dossier's documents with the dossier values they determine recomputed for
 * the state after it (`after` turns the sources before into those after), so the values,
 * their blind indexes and their history are written in the edit's own transaction.
 */
export async function withDerived(
  ctx: VaultContext,
  edit: Edit,
  after: (sources: DocumentSource[]) => DocumentSource[],
  alsoId?: string,
): Promise<Edit> {
  const [dossier, sources] = await Promise.all([
    getDossier(ctx, edit.dossierId),
    readDocumentSources(ctx, edit.dossierId, alsoId),
  ]);
  // Only what the documents determine: a value a person entered on the dossier stays
  // while no document says otherwise.
  const values = Object.fromEntries(
    Object.entries(derivedValues(after(sources))).filter(([, v]) => v !== null),
  ) as Partial<ReturnType<typeof derivedValues>>;
  const { record, changes } = await dossierChanges(ctx, dossier, values);
  if (changes.length === 0) return edit;
  const { idNumber: _notListed, ...listed } = values;
  return {
    ...edit,
    changes: [...(edit.changes ?? []), ...changes],
    dossier: { ...edit.dossier, ...record },
    summary: { ...edit.summary, ...listed },
  };
}

/** `sources` with one document's source replaced (or removed when `next` is null). */
export function replaceSource(
  sources: DocumentSource[],
  documentId: string,
  next: (source: DocumentSource) => DocumentSource | null,
): DocumentSource[] {
  return sources.flatMap((s) => {
    if (s.info.id !== documentId) return [s];
    const replaced = next(s);
    return replaced ? [replaced] : [];
  });
}
