// Scoring of OCR extraction against ground truth, shared by bench/ocr.ts and the tests.
import { DATE_FIELDS, type FieldValues } from '../src/core/documents';
import type { ExtractedDocument } from '../src/core/extraction';

/** Field groups the issue sets targets for. */
export const FIELD_GROUPS: Record<string, ReadonlySet<string>> = {
  codes: new Set(['creditCode', 'idNumber']),
  names: new Set(['companyName', 'accountName', 'legalRepresentative', 'name']),
  accounts: new Set(['accountNumber']),
  dates: DATE_FIELDS,
};

/** Proposals a check character stands behind (spec/linking-rules.md §6). */
const CHECKSUM_REASONS: ReadonlySet<string> = new Set(['checksum', 'missing-check-character']);

export interface FieldOutcome {
  field: string;
  expected: string;
  read: string | null;
  /** Equal as read. */
  exact: boolean;
  /**
   * Equal as read, or a code whose first checksum proposal (its check character says
   * exactly one look-alike was misread) equals the truth: the "after proposals"
   * for credit codes and ID numbers. Any other proposal is a guess a person must judge,
   * and `dossier extract` prints the value as read, so it does not count here.
   */
  exactAfterProposals: boolean;
  /** Equal as read, or equal to the field's first proposal of any kind (a person choosing right). */
  exactOrFirstProposal: boolean;
  /**
   * Equal as read, or equal to any of the field's correction proposals: the review shows
   * every proposal with its own "apply" (and the CLI lists them all), so a person can
   * reach the true value in one click even where it is not the first.
   */
  amongProposals: boolean;
  confidence: number | null;
}

export interface DocumentOutcome {
  kindCorrect: boolean;
  fields: FieldOutcome[];
}

/** Compares one extraction with its truth, field by field (fields the truth has a value for). */
export function scoreDocument(
  doc: ExtractedDocument,
  truth: { kind: string; fields: FieldValues },
): DocumentOutcome {
  const fields: FieldOutcome[] = [];
  for (const [field, expected] of Object.entries(truth.fields)) {
    if (expected === null) continue;
    const read = doc.kind === truth.kind ? (doc.fields[field] ?? null) : null;
    const exact = read === expected;
    const proposals = doc.corrections.filter((c) => c.field === field);
    const first = proposals[0];
    fields.push({
      field,
      expected,
      read,
      exact,
      exactAfterProposals:
        exact ||
        (first !== undefined && CHECKSUM_REASONS.has(first.reason) && first.to === expected),
      exactOrFirstProposal: exact || first?.to === expected,
      amongProposals: exact || proposals.some((c) => c.to === expected),
      confidence: doc.confidence[field] ?? null,
    });
  }
  return { kindCorrect: doc.kind === truth.kind, fields };
}

export interface Rate {
  exact: number;
  total: number;
  rate: number;
}

export function rate(
  outcomes: readonly FieldOutcome[],
  pick: (o: FieldOutcome) => boolean = (o) => o.exactAfterProposals,
): Rate {
  const exact = outcomes.filter(pick).length;
  return {
    exact,
    total: outcomes.length,
    rate: outcomes.length === 0 ? 0 : exact / outcomes.length,
  };
}

/** Fields reported with confidence ≥ 0.9 whose value is wrong: the "never" count. */
export function confidentlyWrong(outcomes: readonly FieldOutcome[]): FieldOutcome[] {
  return outcomes.filter((o) => o.read !== null && !o.exact && (o.confidence ?? 0) >= 0.9);
}
