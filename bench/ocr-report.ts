// bench:ocr figures: per partition (tuned families, held-out families) side by side.
// Held-out summaries carry counts only: never the misread values (nobody tunes on them).
import { confidentlyWrong, FIELD_GROUPS, rate, type FieldOutcome, type Rate } from './ocr-score';
import type { DossierResult } from './ocr-dossiers';
import type { EngineRun, FileResult } from './ocr-read';

export interface PartitionSummary {
  files: number;
  documents: number;
  fields: Rate;
  fieldsAsRead: Rate;
  /** Exact as read or the first proposal true: what a person reaches by choosing right. */
  fieldsFirstProposal: Rate;
  /** Exact as read or the true value among the field's proposals (the review shows them all). */
  fieldsAmongProposals: Rate;
  codes: Rate;
  kind: Rate;
  /** Documents found in files that hold several. */
  multiDocuments: Rate;
  confidentlyWrong: number;
  byKind: Record<string, Rate>;
  byField: Record<string, Record<string, Rate>>;
  byMedium: Record<string, Rate>;
  byFamily: Record<string, Rate>;
  a4PageSeconds: { median: number; p95: number; pages: number };
  idSideSeconds: { median: number; p95: number; pages: number };
  errors: number;
  /**
   * Whole dossiers checked together against the checks on their ground truth, before and
   * after the cross-document value search: verdict right, verdict and every check right.
   */
  dossiers: {
    total: number;
    expectedReady: number;
    before: { verdict: number; every: number };
    after: { verdict: number; every: number };
    /** Tuned only: per dossier, the checks that differed after the search. */
    differing?: Record<string, string[]>;
    /**
     * Both partitions, totals only: per check id, how many dossiers' check differed from
     * the truth's after the search, by `expected→actual` status (never a value, never
     * which dossier), so held-out failures can be located without seeing their texts.
     */
    checks: Record<string, Record<string, number>>;
  };
  /** Tuned partition only: every field not read exactly. */
  misses?: {
    file: string;
    kind: string;
    field: string;
    expected: string;
    read: string | null;
    confidence: number | null;
  }[];
  confidentlyWrongExamples?: FieldOutcome[];
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const asOutcome = (ok: boolean): FieldOutcome => ({
  field: '',
  expected: '',
  read: null,
  exact: ok,
  exactAfterProposals: ok,
  exactOrFirstProposal: ok,
  amongProposals: ok,
  confidence: null,
});

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return new Map([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function summariseDossiers(
  dossiers: readonly DossierResult[],
  partition: 'tuned' | 'held-out',
): PartitionSummary['dossiers'] {
  const count = (f: (d: DossierResult) => boolean): number => dossiers.filter(f).length;
  const checks: Record<string, Record<string, number>> = {};
  for (const m of dossiers.flatMap((d) => d.after.mismatches)) {
    const how = `${m.expected ?? 'absent'}→${m.actual}`;
    const byHow = (checks[m.check] ??= {});
    byHow[how] = (byHow[how] ?? 0) + 1;
  }
  return {
    total: dossiers.length,
    expectedReady: count((d) => d.expectedVerdict === 'ready'),
    before: { verdict: count((d) => d.before.verdict), every: count((d) => d.before.every) },
    after: { verdict: count((d) => d.after.verdict), every: count((d) => d.after.every) },
    checks: Object.fromEntries(Object.entries(checks).sort(([a], [b]) => a.localeCompare(b))),
    ...(partition === 'tuned'
      ? {
          differing: Object.fromEntries(
            dossiers
              .filter((d) => (d.after.differing ?? []).length > 0)
              .map((d) => [d.id, d.after.differing ?? []]),
          ),
        }
      : {}),
  };
}

export function summarisePartition(
  files: FileResult[],
  partition: 'tuned' | 'held-out',
  dossiers: readonly DossierResult[] = [],
): PartitionSummary {
  const docs = files.flatMap((f) => f.documents.map((d) => ({ file: f, doc: d })));
  const fields = docs.flatMap((d) => d.doc.outcome.fields);
  const byKind: Record<string, Rate> = {};
  const byField: Record<string, Record<string, Rate>> = {};
  for (const [kind, list] of groupBy(docs, (d) => d.doc.kind)) {
    const outcomes = list.flatMap((d) => d.doc.outcome.fields);
    byKind[kind] = rate(outcomes);
    byField[kind] = Object.fromEntries(
      [...groupBy(outcomes, (o) => o.field)].map(([f, o]) => [f, rate(o)]),
    );
  }
  const byMedium = Object.fromEntries(
    [...groupBy(docs, (d) => d.file.medium)].map(([m, l]) => [
      m,
      rate(l.flatMap((d) => d.doc.outcome.fields)),
    ]),
  );
  const byFamily = Object.fromEntries(
    [...groupBy(docs, (d) => d.file.family)].map(([m, l]) => [
      m,
      rate(l.flatMap((d) => d.doc.outcome.fields)),
    ]),
  );
  // Speed on images only (a text layer needs no OCR): per page of A4 files, per ID-sized image.
  const images = files.filter((f) => f.medium !== 'text-pdf' && !f.error);
  const a4 = images
    .filter((f) => f.pageSize === 'a4')
    .flatMap((f) => Array<number>(f.pages).fill(f.seconds / f.pages));
  const id = images.filter((f) => f.pageSize === 'id-side').map((f) => f.seconds);
  const multi = files.filter((f) => f.documents.length > 1).flatMap((f) => f.documents);
  const wrong = confidentlyWrong(fields);
  const summary: PartitionSummary = {
    files: files.length,
    documents: docs.length,
    fields: rate(fields),
    fieldsAsRead: rate(fields, (o) => o.exact),
    fieldsFirstProposal: rate(fields, (o) => o.exactOrFirstProposal),
    fieldsAmongProposals: rate(fields, (o) => o.amongProposals),
    codes: rate(fields.filter((o) => FIELD_GROUPS.codes!.has(o.field))),
    kind: rate(docs.map((d) => asOutcome(d.doc.outcome.kindCorrect))),
    multiDocuments: rate(multi.map((d) => asOutcome(d.found))),
    confidentlyWrong: wrong.length,
    byKind,
    byField,
    byMedium,
    byFamily,
    a4PageSeconds: { median: quantile(a4, 0.5), p95: quantile(a4, 0.95), pages: a4.length },
    idSideSeconds: { median: quantile(id, 0.5), p95: quantile(id, 0.95), pages: id.length },
    errors: files.filter((f) => f.error).length,
    dossiers: summariseDossiers(dossiers, partition),
  };
  if (partition === 'tuned') {
    summary.misses = docs.flatMap((d) =>
      d.doc.outcome.fields
        .filter((o) => !o.exactAfterProposals)
        .map((o) => ({
          file: d.file.file,
          kind: d.doc.kind,
          field: o.field,
          expected: o.expected,
          read: o.read,
          confidence: o.confidence,
        })),
    );
    summary.confidentlyWrongExamples = wrong.slice(0, 20);
  }
  return summary;
}

export interface EngineSummary {
  engine: string;
  startupSeconds: number;
  peakRssMb: number;
  tuned: PartitionSummary;
  heldOut: PartitionSummary;
}

export function summarise(run: EngineRun): EngineSummary {
  return {
    engine: run.engine,
    startupSeconds: run.startupSeconds,
    peakRssMb: Math.round(run.peakRssMb),
    tuned: summarisePartition(
      run.files.filter((f) => f.partition === 'tuned'),
      'tuned',
      (run.dossiers ?? []).filter((d) => d.partition === 'tuned'),
    ),
    heldOut: summarisePartition(
      run.files.filter((f) => f.partition === 'held-out'),
      'held-out',
      (run.dossiers ?? []).filter((d) => d.partition === 'held-out'),
    ),
  };
}

const pct = (r: Rate | undefined): string =>
  r && r.total > 0 ? `${(r.rate * 100).toFixed(1)}% (${r.exact}/${r.total})` : '—';
const secs = (t: { median: number; p95: number; pages: number }): string =>
  t.pages > 0 ? `${t.median.toFixed(2)} / ${t.p95.toFixed(2)} (${t.pages})` : '—';

const dossierPair = (p: PartitionSummary, what: 'verdict' | 'every'): string =>
  p.dossiers.total > 0
    ? `${p.dossiers.before[what]}/${p.dossiers.total} → ${p.dossiers.after[what]}/${p.dossiers.total}`
    : '—';

/** `2 (pass→fail 1, pass→warn 1)`: how often a check differed from the truth, and how. */
function checkCell(p: PartitionSummary, id: string): string {
  const byHow = p.dossiers.checks[id];
  if (byHow === undefined) return p.dossiers.total > 0 ? '0' : '—';
  const entries = Object.entries(byHow).sort(([a], [b]) => a.localeCompare(b));
  const n = entries.reduce((sum, [, k]) => sum + k, 0);
  return `${n} (${entries.map(([how, k]) => `${how} ${k}`).join(', ')})`;
}

/** One row per check id that differed from the truth in either partition (after the search). */
export function dossierCheckRows(s: EngineSummary): [string, (p: PartitionSummary) => string][] {
  const ids = [
    ...new Set([
      ...Object.keys(s.tuned.dossiers.checks),
      ...Object.keys(s.heldOut.dossiers.checks),
    ]),
  ].sort();
  return ids.map((id) => [
    `dossiers whose \`${id}\` differs from the truth (after the search)`,
    (p) => checkCell(p, id),
  ]);
}

/** A table's first header cell: the engine, and the faces drawn when the caption names them. */
const header = (s: EngineSummary, caption?: string): string =>
  caption ? `${s.engine} · ${caption}` : s.engine;

/** The side-by-side table, as Markdown (printed, and written into BENCHMARKS.md). */
export function markdownTable(s: EngineSummary, caption?: string): string {
  const rows: [string, (p: PartitionSummary) => string][] = [
    ['files / documents', (p) => `${p.files} / ${p.documents}`],
    ['fields exact (codes after their checksum proposal)', (p) => pct(p.fields)],
    ['fields exact as read (what `dossier extract` prints)', (p) => pct(p.fieldsAsRead)],
    ['fields exact or first proposal true', (p) => pct(p.fieldsFirstProposal)],
    ['fields exact or true value among proposals', (p) => pct(p.fieldsAmongProposals)],
    ['credit code + ID number (after checksum proposals)', (p) => pct(p.codes)],
    ['kind recognised', (p) => pct(p.kind)],
    ['documents found in multi-document files', (p) => pct(p.multiDocuments)],
    ['wrong fields at confidence ≥ 0.9', (p) => String(p.confidentlyWrong)],
    ['files the reader refused', (p) => String(p.errors)],
    [
      'dossiers right, verdict and every check: before → after cross-document search',
      (p) => dossierPair(p, 'every'),
    ],
    ['dossier verdicts right: before → after', (p) => dossierPair(p, 'verdict')],
    ['dossiers whose truth is ready', (p) => `${p.dossiers.expectedReady}/${p.dossiers.total}`],
    ...dossierCheckRows(s),
    ['A4 page s, median / p95 (pages)', (p) => secs(p.a4PageSeconds)],
    ['ID side s, median / p95 (images)', (p) => secs(p.idSideSeconds)],
  ];
  const kinds = [
    ...new Set([...Object.keys(s.tuned.byKind), ...Object.keys(s.heldOut.byKind)]),
  ].sort();
  for (const kind of kinds) rows.push([`${kind}: fields`, (p) => pct(p.byKind[kind])]);
  for (const kind of kinds) {
    const fields = [
      ...new Set([
        ...Object.keys(s.tuned.byField[kind] ?? {}),
        ...Object.keys(s.heldOut.byField[kind] ?? {}),
      ]),
    ];
    for (const field of fields)
      rows.push([`${kind} · ${field}`, (p) => pct(p.byField[kind]?.[field])]);
  }
  const media = [
    ...new Set([...Object.keys(s.tuned.byMedium), ...Object.keys(s.heldOut.byMedium)]),
  ].sort();
  for (const m of media) rows.push([`medium ${m}: fields`, (p) => pct(p.byMedium[m])]);
  const lines = [
    `| ${header(s, caption)} | tuned families | held-out families |`,
    '| --- | --- | --- |',
  ];
  for (const [label, f] of rows) lines.push(`| ${label} | ${f(s.tuned)} | ${f(s.heldOut)} |`);
  lines.push(
    `| peak RSS MB (whole run) | ${s.peakRssMb} | |`,
    `| engine start s | ${s.startupSeconds.toFixed(2)} | |`,
  );
  return lines.join('\n');
}

/** The dossier-level rows alone (`bench:ocr -- --dossiers`), tuned and held-out side by side. */
export function dossierTable(s: EngineSummary, caption?: string): string {
  const rows: [string, (p: PartitionSummary) => string][] = [
    ['files / documents', (p) => `${p.files} / ${p.documents}`],
    ['fields exact (codes after their checksum proposal)', (p) => pct(p.fields)],
    [
      'dossiers right, verdict and every check: before → after cross-document search',
      (p) => dossierPair(p, 'every'),
    ],
    ['dossier verdicts right: before → after', (p) => dossierPair(p, 'verdict')],
    ['dossiers whose truth is ready', (p) => `${p.dossiers.expectedReady}/${p.dossiers.total}`],
    ...dossierCheckRows(s),
  ];
  const lines = [
    `| ${header(s, caption)} | tuned families | held-out families |`,
    '| --- | --- | --- |',
  ];
  for (const [label, f] of rows) lines.push(`| ${label} | ${f(s.tuned)} | ${f(s.heldOut)} |`);
  return lines.join('\n');
}
