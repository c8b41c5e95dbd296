// documents and blobs: a file's metadata (name and hash sealed, keyed fingerprint for
// duplicates) and its sealed bytes, imported with what was read from it in one transaction.
import { DetectedKindSchema, type DetectedKind } from '../../core/documents';
import { sniffMime } from '../../core/file-type';
import { admit } from '../../core/intake';
import { appendAudit } from '../audit';
import type { VaultContext } from '../context';
import { fileFingerprint, sha256Hex } from '../envelope';
import { DuplicateFileError, ImportRefusedError, VaultError, VaultNotFoundError } from '../errors';
import { newId } from '../ids';
import { openDocumentInfo, replaceSource, withDerived } from '../dossier-source';
import { recordEdit } from '../record-edit';
import type { DocumentRecord } from '../schema/documents';
import type { Bytes } from '../schema/sealed';
import type { VaultSettings } from '../schema/settings';
import { openFields, sealFields } from '../sealed-fields';
import {
  ImportFileSchema,
  ImportReadSchema,
  type DocumentInfo,
  type ImportFile,
  type ImportOptions,
} from '../types';
import { companyOf, liveDossierRecord } from './dossiers';
import { extractionRecords } from './extractions';
import { readingRecord } from './readings';

/** The live document record, or VaultNotFoundError. */
export async function liveDocumentRecord(ctx: VaultContext, id: string): Promise<DocumentRecord> {
  const doc = await ctx.db.documents.get(id);
  if (!doc || doc.deletedAt !== 0) throw new VaultNotFoundError('document', id);
  return doc;
}

/** Live copies of a file (same keyed fingerprint) in live dossiers. */
async function liveCopies(ctx: VaultContext, fingerprint: string): Promise<DocumentRecord[]> {
  const candidates = await ctx.db.documents
    .where('fingerprint')
    .equals(fingerprint)
    .filter((d) => d.deletedAt === 0)
    .toArray();
  const live: DocumentRecord[] = [];
  for (const doc of candidates) {
    if ((await ctx.db.dossiers.get(doc.dossierId))?.deletedAt === 0) live.push(doc);
  }
  return live;
}

async function liveCopyIn(
  ctx: VaultContext,
  fingerprint: string,
  dossierId: string,
): Promise<DocumentRecord | undefined> {
  return (await liveCopies(ctx, fingerprint)).find((d) => d.dossierId === dossierId);
}

/**
 * Imports one file into a dossier in one transaction: refused (ImportRefusedError) by the
 * intake policy (src/core/intake.ts) with this vault's limits; DuplicateFileError when the
 * same bytes are already in this dossier (unless `allowDuplicate`); the same file in
 * other dossiers is normal (otherDossiersWithFile). With `read`, its extraction and reading
 * are stored in that same transaction, so a crash or a refusal never leaves a document
 * without what was read from it.
 */
export async function importFile(
  ctx: VaultContext,
  settings: VaultSettings,
  dossierId: string,
  file: ImportFile,
  options: ImportOptions,
): Promise<DocumentInfo> {
  const input = ImportFileSchema.parse(file);
  // Parsed before anything is written or refused: a bad `read` is the caller's bug.
  const read = options.read ? ImportReadSchema.parse(options.read) : null;
  const bytes = input.bytes;
  const admission = admit(bytes, settings);
  if (!admission.ok) {
    const { reason } = admission.problem;
    const detail = `${reason} ${sniffMime(bytes)} ${bytes.length} bytes`;
    await appendAudit(ctx, 'import-refused', dossierId, null, detail);
    throw new ImportRefusedError(admission.problem, admission.message);
  }
  const { mime } = admission;
  await liveDossierRecord(ctx, dossierId);
  const fingerprint = await fileFingerprint(ctx.keys.mac, bytes);
  if (!options.allowDuplicate) {
    const here = await liveCopyIn(ctx, fingerprint, dossierId);
    if (here) throw new DuplicateFileError(dossierId, here.id, await companyOf(ctx, dossierId));
  }

  const id = newId();
  const at = ctx.now();
  const sha256 = await sha256Hex(bytes);
  const pages = input.pages ?? (mime === 'application/pdf' ? estimatePdfPages(bytes) : 1);
  const record: DocumentRecord = {
    id,
    dossierId,
    kind: input.kind,
    mime,
    size: bytes.length,
    pages,
    createdAt: at,
    deletedAt: 0,
    ...(await sealFields(ctx.keys.data, 'documents', id, { fileName: input.name, sha256 })),
    fingerprint,
  };
  const blob = {
    documentId: id,
    ...(await sealFields(ctx.keys.data, 'blobs', id, { data: bytes })),
  };
  const extractions = read
    ? await extractionRecords(ctx, id, dossierId, read.fields, new Map())
    : [];
  const reading = read ? await readingRecord(ctx, id, dossierId, read.reading, at) : null;
  const { db } = ctx;
  const info: DocumentInfo = {
    id,
    dossierId,
    kind: input.kind,
    fileName: input.name,
    mime,
    size: bytes.length,
    pages,
    sha256,
    createdAt: at,
  };
  const source = {
    info,
    fields: (read?.fields ?? []).map((f) => ({
      ...f,
      confirmedValue: null,
      confirmedBy: null,
      confirmedAt: null,
    })),
    reading: read?.reading ?? null,
  };
  const edit = await withDerived(
    ctx,
    {
      dossierId,
      action: 'import',
      entityId: id,
      detail: `${mime} ${bytes.length} bytes`,
      tables: [db.documents, db.blobs, db.extractions, db.readings],
      write: async () => {
        // Checked again inside the transaction: two imports of one file at the same time.
        if (!options.allowDuplicate && (await liveCopyIn(ctx, fingerprint, dossierId)))
          throw new VaultError(
            'The same file was imported at the same time; try again.',
            'conflict',
          );
        await db.documents.add(record);
        await db.blobs.add(blob);
        if (extractions.length > 0) await db.extractions.bulkPut(extractions);
        if (reading) await db.readings.add(reading);
      },
      at,
    },
    (sources) => [...sources, source],
  );
  await recordEdit(ctx, edit);
  return info;
}

/**
 * The companies of the other live dossiers holding the same file as this document: one
 * legal representative's ID card behind several companies is normal, so the same file
 * in another dossier is noted ("also in dossier X"), not refused.
 */
export async function otherDossiersWithFile(
  ctx: VaultContext,
  documentId: string,
): Promise<string[]> {
  const doc = await ctx.db.documents.get(documentId);
  if (!doc) throw new VaultNotFoundError('document', documentId);
  const others = (await liveCopies(ctx, doc.fingerprint))
    .map((d) => d.dossierId)
    .filter((id) => id !== doc.dossierId);
  return Promise.all([...new Set(others)].map((id) => companyOf(ctx, id)));
}

export async function listDocuments(ctx: VaultContext, dossierId: string): Promise<DocumentInfo[]> {
  const rows = await ctx.db.documents
    .where('dossierId')
    .equals(dossierId)
    .filter((d) => d.deletedAt === 0)
    .toArray();
  const docs = await Promise.all(rows.map((r) => openDocumentInfo(ctx, r)));
  return docs.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The file's bytes, decrypted (VaultIntegrityError when altered). */
export async function fileBytes(ctx: VaultContext, documentId: string): Promise<Bytes> {
  const blob = await ctx.db.blobs.get(documentId);
  if (!blob) throw new VaultNotFoundError('document', documentId);
  return (await openFields(ctx.keys.data, 'blobs', documentId, blob)).data;
}

/**
 * Changes what kind of document this is (a person corrects the classifier): history and
 * an 'edit' audit entry; the dossier counts as changed. Same kind: nothing.
 */
export async function setDocumentKind(
  ctx: VaultContext,
  documentId: string,
  kind: DetectedKind,
): Promise<void> {
  const next = DetectedKindSchema.parse(kind);
  const doc = await liveDocumentRecord(ctx, documentId);
  if (doc.kind === next) return;
  const edit = await withDerived(
    ctx,
    {
      dossierId: doc.dossierId,
      action: 'edit',
      entityId: documentId,
      detail: 'kind',
      changes: [
        {
          kind: 'edit',
          entity: 'documents',
          entityId: documentId,
          field: 'kind',
          before: doc.kind,
          after: next,
        },
      ],
      tables: [ctx.db.documents],
      write: () => ctx.db.documents.update(documentId, { kind: next }),
    },
    (sources) =>
      replaceSource(sources, documentId, (s) => ({ ...s, info: { ...s.info, kind: next } })),
  );
  await recordEdit(ctx, edit);
}

/** Page count of a PDF from its `/Type /Page` objects (an estimate; the reader knows better). */
function estimatePdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return Math.max(1, text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 1);
}
