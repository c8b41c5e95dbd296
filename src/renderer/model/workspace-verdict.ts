// Workspace actions of the verdict rule (issue 14): confirming exactly the fields a person
// was shown, setting a document aside, reading a file again for the kind a person chose,
// and the dossier's audit log with who did what when.
import type { DocumentKind } from '../../core/documents';
import type { AuditEntry } from '../../vault';
import type { VaultPort } from './vault-port';
import { bulkConfirmable, HIGH_CONFIDENCE } from './confirmable';
import type { DocumentReader, DocumentView } from './contract';
import { WorkspaceError } from './workspace-error';

/** A field as the confirm-all dialog listed it. */
export interface ShownField {
  field: string;
  value: string;
}

/**
 * Confirms exactly `shown`: each must still be bulk-confirmable (sure, no width to check,
 * no checksum proposal) with the value that was shown, or nothing is confirmed, so the
 * audit log never holds a confirmation the person did not see.
 */
export async function confirmShownFields(
  vault: Pick<VaultPort, 'confirmMany'>,
  doc: DocumentView,
  shown: readonly ShownField[],
  by: string,
): Promise<number> {
  const now = new Map(bulkConfirmable(doc, HIGH_CONFIDENCE).map((f) => [f.field, f.value]));
  const stale = shown.filter((s) => now.get(s.field) !== s.value);
  if (stale.length > 0) {
    throw new WorkspaceError(
      'changed-since-shown',
      `The fields changed after they were shown (${stale.map((s) => s.field).join(', ')}); nothing was confirmed.`,
    );
  }
  // One edit: each of the dossier's records read once, however many fields (not once per field).
  await vault.confirmMany(
    doc.info.id,
    shown.map((s) => ({ field: s.field, value: s.value })),
    by,
  );
  return shown.length;
}

/**
 * Reads a file again as the kind a person chose, so its fields are offered for review
 * (a confirmed value is kept). The detected kind stays as the reader found it. A file that
 * cannot be read again keeps what it had: the person can still enter every field.
 */
export async function rereadAsKind(
  vault: VaultPort,
  reader: DocumentReader,
  documentId: string,
  kind: DocumentKind,
): Promise<void> {
  const [bytes, reading] = await Promise.all([
    vault.openDocumentBytes(documentId),
    vault.getReading(documentId),
  ]);
  const { document, pages } = await reader.read({ name: documentId, bytes }, { kind });
  if (document.error !== undefined) return;
  await vault.saveExtraction(
    documentId,
    Object.entries(document.fields).map(([field, value]) => ({
      field,
      value,
      confidence: document.confidence[field] ?? 0,
      box: document.boxes?.[field] ?? null,
      corrections: document.corrections.filter((c) => c.field === field),
    })),
  );
  await vault.saveReading(documentId, {
    source: document.source ?? reading?.source ?? null,
    detectedKind: reading?.detectedKind ?? 'unknown',
    warnings: document.warnings,
    needsConfirmation: document.needsConfirmation ?? [],
    error: null,
    pages: pages.length > 0 ? pages : (reading?.pages ?? []),
    ...(reading?.setAside ? { setAside: true } : {}),
    ...(document.text ? { text: document.text } : {}),
  });
}

/** One row of a dossier's audit screen. */
export interface AuditRow {
  id: string;
  at: number;
  action: AuditEntry['action'];
  /** The document's file name, when the entry is about a document of this dossier. */
  file: string | null;
  /** The field (confirm) or the non-secret detail. */
  detail: string;
  /** Who: the confirmer of a field, the person who accepted an exception; null when unknown. */
  who: string | null;
}

/** The audit log of one dossier, newest first, with who where the vault knows it. */
export async function dossierAudit(vault: VaultPort, dossierId: string): Promise<AuditRow[]> {
  const [entries, documents, exceptions] = await Promise.all([
    vault.audit(),
    vault.listDocuments(dossierId),
    vault.listExceptions(dossierId),
  ]);
  const files = new Map(documents.map((d) => [d.id, d.fileName]));
  const confirmers = new Map<string, string>();
  for (const d of documents) {
    for (const f of await vault.listExtractions(d.id)) {
      if (f.confirmedBy !== null) confirmers.set(`${d.id}:${f.field}`, f.confirmedBy);
    }
  }
  const acceptedBy = new Map(exceptions.map((e) => [e.check, e.by]));
  return entries
    .filter((e) => e.dossierId === dossierId)
    .map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      file: e.entityId === null ? null : (files.get(e.entityId) ?? null),
      detail: e.detail,
      who:
        e.action === 'confirm' && e.entityId !== null
          ? (confirmers.get(`${e.entityId}:${e.detail}`) ?? null)
          : e.action === 'exception'
            ? (acceptedBy.get(e.detail.replace(/^(accepted|revoked) /u, '')) ?? null)
            : null,
    }))
    .reverse();
}

/**
 * The vault's own history: the entries tied to no dossier (unlocks, key rotations, backups,
 * …), newest first. The log records no person for them: `who` stays null.
 */
export async function vaultAudit(vault: Pick<VaultPort, 'audit'>): Promise<AuditRow[]> {
  return (await vault.audit())
    .filter((e) => e.dossierId === null)
    .map((e) => ({ id: e.id, at: e.at, action: e.action, file: null, detail: e.detail, who: null }))
    .reverse();
}

/** RFC 4180 CSV with a UTF-8 BOM, so Excel opens the Chinese text correctly. */
export function auditCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
