// Building blocks shared by the checks: the context they read and one-sentence results.
import type { DocumentKind } from '../documents';
import { fieldLabel, KIND_NAMES_IN_SENTENCES as KIND_NAMES } from '../labels';
import type { DossierInput } from '../dossier';
import type { RulePack } from '../rule-pack/schema';
import type { EffectiveFields } from './context';
import { NOT_READ_REASON, type CheckResult, type CheckStatus } from './types';

type CheckSubject = { kind: string; field: string };

export interface CheckContext {
  input: DossierInput;
  pack: RulePack;
  docs: EffectiveFields;
  /** Reference date, ISO. */
  today: string;
}

/** What one check decides; runChecks adds the id, platform codes and accepted exception. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'platformCodes' | 'exception'>;
export type Check = (ctx: CheckContext) => CheckOutcome;

type Extra = Partial<Pick<CheckResult, 'values' | 'diff' | 'subjects' | 'notRead' | 'claimants'>>;

function outcome(
  status: CheckStatus,
  message: string,
  messageZh: string,
  extra: Extra = {},
): CheckOutcome {
  return { status, message, messageZh, ...extra };
}
export const pass = (en: string, zh: string, extra?: Extra): CheckOutcome =>
  outcome('pass', en, zh, extra);
export const fail = (en: string, zh: string, extra?: Extra): CheckOutcome =>
  outcome('fail', en, zh, extra);
export const warn = (en: string, zh: string, extra?: Extra): CheckOutcome =>
  outcome('warn', en, zh, extra);
export const skip = (en: string, zh: string, extra?: Extra): CheckOutcome =>
  outcome('skip', en, zh, extra);

// Kind and field names come from src/core/labels.ts (shared with the report and the app).
export { fieldLabel, KIND_NAMES };

/** "the company name on the business license" / "营业执照上的名称". */
export function describeField(kind: DocumentKind, field: string): { en: string; zh: string } {
  const doc = KIND_NAMES[kind];
  const label = fieldLabel(field);
  return { en: `the ${label.en} on the ${doc.en}`, zh: `${doc.zh}上的${label.zh}` };
}

/**
 * A check cannot run without kind.field (spec §3, after the table):
 * - the document is there but the value was not read: fail "not read: confirm it against
 *   the image", linking the field, until a person enters or confirms the value;
 * - two documents claim the kind: fail, since no check picks one (docs.complete names them);
 * - the document is absent: skip (docs.complete fails for it).
 * `subjects` are the check's own; the missing field is added when absent.
 */
export function missingValue(
  kind: DocumentKind,
  field: string,
  ctx: CheckContext,
  subjects: CheckSubject[] = [],
): CheckOutcome {
  const what = describeField(kind, field);
  const doc = KIND_NAMES[kind];
  const allSubjects = subjects.some((s) => s.kind === kind && s.field === field)
    ? subjects
    : [...subjects, { kind, field }];
  const present = ctx.docs.byKind[kind];
  if (present !== undefined) {
    return fail(
      `${sentence(NOT_READ_REASON.en)} — ${what.en}.`,
      `${NOT_READ_REASON.zh}——${what.zh}。`,
      { subjects: allSubjects, notRead: [{ kind, field, file: present.key }] },
    );
  }
  const claimants = ctx.docs.claimants[kind];
  if (claimants !== undefined) {
    const files = claimants.map((d) => d.key);
    return fail(
      `${files.length} documents are a ${doc.en} (${files.join(', ')}): set all but one aside to check ${what.en}.`,
      `${files.length}份材料都是${doc.zh}（${files.join('、')}）：请搁置多余的一份后再核对${what.zh}。`,
      { subjects: allSubjects, claimants: [{ kind, files }] },
    );
  }
  return skip(`Skipped: there is no ${doc.en} in the dossier.`, `已跳过：材料中没有${doc.zh}。`, {
    subjects: allSubjects,
  });
}

/** A "not read" failure for several fields of documents that are there. */
export function notReadAll(
  missing: readonly { kind: DocumentKind; field: string }[],
  ctx: CheckContext,
  subjects: CheckSubject[],
): CheckOutcome {
  const notRead = missing.flatMap(({ kind, field }) => {
    const doc = ctx.docs.byKind[kind];
    return doc === undefined ? [] : [{ kind, field, file: doc.key }];
  });
  const en = missing.map((m) => describeField(m.kind, m.field).en).join(', ');
  const zh = missing.map((m) => describeField(m.kind, m.field).zh).join('、');
  return fail(`${sentence(NOT_READ_REASON.en)} — ${en}.`, `${NOT_READ_REASON.zh}——${zh}。`, {
    subjects,
    notRead,
  });
}

/** Capitalises the first letter of an English sentence. */
export function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
