// Human-readable summaries for the terminal (the JSON output is the stable interface).
import type { CheckResult, CheckStatus, DiffEntry } from '../core/checks/types';
import { KIND_LABELS } from '../core/labels';
import type { ExtractedDocument, Region } from '../core/extraction';
import type { LoadedDossier } from './load-dossier';

// C0 and C1 controls, DEL, and the bidi embeddings, overrides, isolates and marks: a value
// from a file that holds them could move the cursor, recolour or hide text, or reorder a
// line on the terminal. Shown as \x1B / \u202E; the JSON output keeps them intact.
// eslint-disable-next-line no-control-regex
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A value from a file, made safe to print: nothing in it can act on the terminal. */
export function printable(value: string): string {
  return value.replace(UNSAFE_FOR_TERMINAL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

const MARK: Record<CheckStatus, string> = { pass: 'ok  ', fail: 'FAIL', warn: 'warn', skip: 'skip' };

const DIFF_LABEL: Record<DiffEntry['kind'], string> = {
  width: 'full-width vs half-width',
  space: 'space',
  'look-alike': 'look-alike character',
  different: 'different character',
  missing: 'missing character',
  extra: 'extra character',
};

/** Where a document is in a file holding several (spec/cli-contract.md): page, pages, region. */
export function placeOf(
  d: ExtractedDocument,
): Partial<Pick<ExtractedDocument, 'page' | 'pages' | 'region'>> {
  return {
    ...(d.page === undefined ? {} : { page: d.page }),
    ...(d.pages === undefined ? {} : { pages: d.pages }),
    ...(d.region === undefined ? {} : { region: d.region }),
  };
}

function where(doc: ExtractedDocument): string {
  if (doc.page === undefined) return '';
  return ` [page ${doc.page + 1}${doc.region ? `, region ${regionText(doc.region)}` : ''}]`;
}

function regionText(r: Region): string {
  return `${Math.round(r.w)}×${Math.round(r.h)} at ${Math.round(r.x)},${Math.round(r.y)}`;
}

export function formatDocument(doc: ExtractedDocument): string {
  const label = KIND_LABELS[doc.kind];
  if (doc.error !== undefined) return `${printable(`${doc.file}: ${doc.error}`)}\n`;
  const lines = [`${doc.file}${where(doc)}: ${label.zh} (${label.en})`];
  for (const [field, value] of Object.entries(doc.fields)) {
    const confidence = doc.confidence[field];
    const pct = confidence === undefined ? '' : `  (${Math.round(confidence * 100)}%)`;
    lines.push(`  ${field.padEnd(20)} ${value ?? '—'}${value === null ? '' : pct}`);
  }
  for (const c of doc.corrections) {
    lines.push(`  proposed correction of ${c.field}: ${c.from} → ${c.to} (${c.reason}${c.note ? `: ${c.note}` : ''})`);
  }
  for (const f of doc.needsConfirmation ?? []) lines.push(`  confirm ${f} against the image (bracket or digit width)`);
  for (const w of doc.warnings) lines.push(`  warning: ${w}`);
  if (doc.seal) lines.push(`  seal: ${doc.seal.found ? `${doc.seal.boxes.length} found` : `none found (${doc.seal.colour})`}`);
  for (const f of doc.quality?.flags ?? []) lines.push(`  quality ${f.flag}: ${f.reason}`);
  return `${lines.map(printable).join('\n')}\n`;
}

function formatCheck(check: CheckResult): string[] {
  const lines = [`  [${MARK[check.status]}] ${check.id.padEnd(26)} ${check.message}`];
  if (check.exception) {
    lines.push(`         accepted exception by ${check.exception.by} on ${check.exception.at}: ${check.exception.reason}`);
  }
  if (check.status !== 'pass' && check.values && check.values.length === 2 && check.diff?.length) {
    lines.push(`         a: ${check.values[0] ?? '—'}`);
    lines.push(`         b: ${check.values[1] ?? '—'}`);
    for (const d of check.diff) {
      lines.push(`         at ${d.at}: ${JSON.stringify(d.a)} vs ${JSON.stringify(d.b)} (${DIFF_LABEL[d.kind]})`);
    }
  }
  return lines;
}

export function formatCheckReport({ dir, documents, result, input, rulePack, skipped }: LoadedDossier): string {
  const out: string[] = [];
  out.push(`Dossier ${dir}  (rule pack ${rulePack.id} ${rulePack.version}, reference date ${input.today})`);
  out.push('Documents:');
  for (const doc of documents) {
    const label = KIND_LABELS[doc.kind];
    out.push(`  ${doc.file}${where(doc)}: ${doc.error ?? `${label.zh} (${label.en})`}`);
  }
  for (const entry of skipped) out.push(`  ${entry.name}: skipped, ${entry.reason}`);
  out.push('Checks:');
  for (const check of result.checks) out.push(...formatCheck(check));
  const counts = { fail: 0, warn: 0 };
  for (const c of result.checks) if (c.status === 'fail' && !c.exception) counts.fail++;
  for (const c of result.checks) if (c.status === 'warn') counts.warn++;
  out.push(
    result.verdict === 'ready'
      ? `Verdict: READY${counts.warn ? ` with ${counts.warn} warning(s)` : ''}`
      : `Verdict: BLOCKED by ${counts.fail} failing check(s)${counts.warn ? ` and ${counts.warn} warning(s)` : ''}`,
  );
  out.push('Not visible in documents: the platform also refuses accounts whose login device or IP is shared with another company.');
  return `${out.map(printable).join('\n')}\n`;
}
