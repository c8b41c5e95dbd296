// A dossier's screen, built from its records as the vault returns them (each decrypted
// once): the documents in their slots, the check run, the deadlines, and the summary the
// list shows. Reads only: the summary is stored by the workspace's writes (workspace.ts).
import { runChecks, type CheckRun } from '../../core/checks';
import { effectiveFields, fieldOf } from '../../core/checks/context';
import {
  dossierDeadlines,
  type DeadlineItem,
  type DossierDeadlineOptions,
  type WorkingDayCalendar,
} from '../../core/deadlines';
import { isImageConfirmation, type DossierInput } from '../../core/dossier';
import { DOCUMENT_KINDS, type DocumentKind } from '../../core/documents';
import { crossDocumentFill } from '../../core/extract/cross-document';
import { loadRulePack } from '../../core/rule-pack';
import {
  extractedFromVault,
  setAsideOf,
  type DocumentSource,
  type DossierCheckSummary,
  type DossierRecords,
  type DossierSummary,
} from '../../vault';
import type { DocumentView, DossierRow, DossierView } from './contract';

export function documentView(source: DocumentSource): DocumentView {
  const { info, reading } = source;
  // The seal checked against the image is kept beside the fields, not as one.
  const fields = source.fields.filter((f) => !isImageConfirmation(info.kind, f.field));
  const seal = source.fields.find((f) => isImageConfirmation(info.kind, f.field));
  return {
    info,
    pages: reading?.pages ?? [],
    fields,
    ...(seal?.confirmedValue === 'true'
      ? { sealConfirmed: { by: seal.confirmedBy, at: seal.confirmedAt } }
      : {}),
    extracted: extractedFromVault(source),
    detectedKind: reading?.detectedKind ?? info.kind,
    setAside: reading?.setAside ?? false,
  };
}

/**
 * Values a document did not read (its label lost) or read weakly, located on its page with
 * the same value read on another document (core/extract/cross-document), as `dossier check`
 * does: the checks see them, and review shows them, below 0.9 and marked, for a person to
 * confirm. A confirmed field is never searched for.
 */
export function withCrossDocumentValues(
  views: DocumentView[],
  sources: readonly DocumentSource[],
  confirmed: DossierRecords['confirmed'],
): DocumentView[] {
  const filled = crossDocumentFill(
    views.map((view, i) => {
      const text = sources[i]?.reading?.text;
      return { document: view.extracted, ...(text ? { text } : {}) };
    }),
    confirmed,
  );
  return views.map((view, i) => {
    const extracted = filled[i]!;
    if (extracted === view.extracted) return view;
    const found = Object.keys(extracted.found ?? {});
    // A value another document reads alike keeps its characters and earns a confidence.
    const corroborated = Object.keys(extracted.corroborated ?? {}).filter(
      (f) => view.extracted.corroborated?.[f] === undefined,
    );
    // Proposals the dossier's documents together make (an ID back's authority whose place
    // the front's address names more fully), with the confidence they leave the reading.
    const proposed = new Set(
      extracted.corrections
        .filter((c) => !view.extracted.corrections.includes(c))
        .map((c) => c.field),
    );
    const fields = view.fields.map((f) => {
      if (f.confirmedValue !== null) return f;
      if (found.includes(f.field))
        return {
          ...f,
          value: extracted.fields[f.field] ?? null,
          confidence: extracted.confidence[f.field] ?? 0,
          box: extracted.boxes?.[f.field] ?? f.box,
          // The stored proposals were made for the value read before; the new value's are
          // these (the page's own reading among them), never the shown value itself.
          corrections: extracted.corrections.filter((c) => c.field === f.field),
        };
      if (corroborated.includes(f.field))
        return { ...f, confidence: extracted.confidence[f.field] ?? f.confidence };
      if (proposed.has(f.field))
        return {
          ...f,
          confidence: extracted.confidence[f.field] ?? f.confidence,
          corrections: [
            ...f.corrections,
            ...extracted.corrections.filter(
              (c) =>
                c.field === f.field &&
                !f.corrections.some((s) => s.to === c.to && s.reason === c.reason),
            ),
          ],
        };
      return f;
    });
    return { ...view, extracted, fields };
  });
}

type ListedSummary = Omit<DossierCheckSummary, 'computedAt'>;

function checkSummaryOf(
  run: CheckRun,
  byKind: ReturnType<typeof effectiveFields>['byKind'],
  pendingChanges: DossierCheckSummary['pendingChanges'],
): ListedSummary {
  return {
    verdict: run.verdict,
    failed: run.checks.filter((c) => c.status === 'fail' && !c.exception).length,
    warnings: run.checks.filter((c) => c.status === 'warn').length,
    idValidUntil: fieldOf(byKind['id-card-back'], 'validUntil'),
    licenseValidUntil: fieldOf(byKind['business-license'], 'validUntil'),
    pendingChanges,
  };
}

/** The dossier screen and the summary its list row should show (null: nothing to check yet). */
export function buildDossierView(
  records: DossierRecords,
  day: string,
  calendar: WorkingDayCalendar,
): { view: DossierView; summary: ListedSummary | null } {
  const { dossier, changes } = records;
  const documents = withCrossDocumentValues(
    records.documents.map(documentView),
    records.documents,
    records.confirmed,
  );
  const pack = loadRulePack(dossier.rulePack);
  // Pending while either deadline is open: a change filed with the platform must still be
  // reported to the bank (spec §4), and that deadline must not vanish with the filing.
  const pendingChanges = changes.filter(
    (c) =>
      c.filedOn === undefined ||
      (c.bankNotifiedOn === undefined && pack.changes.notifyBankOf.includes(c.kind)),
  );
  const extracted = documents.map((d) => d.extracted);
  const input: DossierInput = {
    documents: extracted,
    accounts: records.accounts.map(({ store, phone, email }) => ({ store, phone, email })),
    declared: records.declared,
    confirmed: records.confirmed,
    exceptions: records.exceptions,
    idAccountsElsewhere: records.idAccountsElsewhere,
    setAside: setAsideOf(records.documents),
    today: day,
    files: documents.map((d) => ({ file: d.info.fileName, mime: d.info.mime, bytes: d.info.size })),
  };
  const run = runChecks(input, pack);

  const slots = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, null])) as Record<
    DocumentKind,
    DocumentView | null
  >;
  const others: DocumentView[] = [];
  for (const doc of documents) {
    const kind = doc.info.kind;
    if (kind !== 'unknown' && !doc.setAside && slots[kind] === null) slots[kind] = doc;
    else others.push(doc);
  }
  const { byKind } = effectiveFields({
    documents: extracted,
    confirmed: records.confirmed,
    setAside: input.setAside,
  });
  const summary = checkSummaryOf(run, byKind, pendingChanges);
  const deadlines = dossierDeadlines(
    {
      idCardValidUntil: summary.idValidUntil,
      licenseValidUntil: summary.licenseValidUntil,
      changes: pendingChanges,
    },
    day,
    calendar,
    pack,
  );
  return {
    view: {
      dossier,
      documents,
      slots,
      others,
      accounts: records.accounts,
      declared: records.declared,
      exceptions: records.exceptions,
      changes,
      input,
      run,
      deadlines,
      today: day,
    },
    summary: documents.length > 0 || changes.length > 0 ? summary : null,
  };
}

/** True when the stored summary already says what `next` says (its time aside). */
export function sameSummary(stored: DossierCheckSummary | null, next: ListedSummary): boolean {
  return (
    stored !== null &&
    stored.verdict === next.verdict &&
    stored.failed === next.failed &&
    stored.warnings === next.warnings &&
    stored.idValidUntil === next.idValidUntil &&
    stored.licenseValidUntil === next.licenseValidUntil &&
    JSON.stringify(stored.pendingChanges) === JSON.stringify(next.pendingChanges)
  );
}

/**
 * A dossier's deadlines on `day` (core/deadlines), nearest first, from the check summary the
 * vault keeps on it, so no document is read; none before its first check.
 */
export function summaryDeadlines(
  summary: DossierSummary,
  day: string,
  calendar: WorkingDayCalendar,
  options: DossierDeadlineOptions = {},
): DeadlineItem[] {
  const check = summary.checkSummary;
  if (!check) return [];
  return dossierDeadlines(
    {
      idCardValidUntil: check.idValidUntil,
      licenseValidUntil: check.licenseValidUntil,
      changes: check.pendingChanges,
    },
    day,
    calendar,
    loadRulePack(summary.rulePack),
    options,
  );
}

/** A row of the dossier list, with its nearest deadline from the stored summary. */
export function rowOf(
  summary: DossierSummary,
  day: string,
  calendar: WorkingDayCalendar,
): DossierRow {
  const check = summary.checkSummary;
  const nearest: DeadlineItem | null = summaryDeadlines(summary, day, calendar)[0] ?? null;
  return {
    summary,
    verdict: check?.verdict ?? null,
    failed: check?.failed ?? 0,
    warnings: check?.warnings ?? 0,
    nearest,
  };
}
