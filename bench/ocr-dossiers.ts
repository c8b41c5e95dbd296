// bench:ocr's dossier-level measure (issue 13's target "every dossier right"): the files of
// one dossier (set.ts dossierCases, or a whole dossier in one PDF) read as `dossier check`
// reads them, checked together, and compared with the checks run on their ground truth:
// a dossier is right when the verdict and every check's status are the truth's. Scored
// before and after the cross-document value search (src/core/extract/cross-document.ts).
import { runChecks } from '../src/core/checks';
import { dossierInput, DossierFileSchema, type DossierInput } from '../src/core/dossier';
import type { ExtractedDocument } from '../src/core/extraction';
import { extractDocument } from '../src/core/extract';
import { crossDocumentFill } from '../src/core/extract/cross-document';
import { fieldTextConfidence } from '../src/core/image';
import { widthToConfirm } from '../src/core/extract/width-confirmation';
import { loadRulePack } from '../src/core/rule-pack';
import type { FileTruth } from '../scripts/fixtures/families/render-family';

/** The same statements for every dossier: one linkable account, a fixed reference date. */
const STATEMENTS = DossierFileSchema.parse({
  accounts: [{ store: '范例旗舰店', phone: '13800138000', email: 'shop@example.com' }],
});
const TODAY = '2026-11-24';

export interface DossierFile {
  truth: FileTruth;
  /** The documents the reader reported for the file, each with the text it was read from. */
  reported: ExtractedDocument[];
  mime: string;
  bytes: number;
}

type Checked = ReturnType<typeof runChecks>;
type CheckStatus = Checked['checks'][number]['status'];

/** A check whose status differs from the truth's: its id and both statuses, never a value. */
export interface CheckMismatch {
  check: string;
  expected: CheckStatus | undefined;
  actual: CheckStatus;
}

export interface DossierScore {
  /** The verdict the ground truth gives. */
  verdict: boolean;
  /** The verdict and every check's status. */
  every: boolean;
  /** Tuned dossiers only: the checks whose status differed from the truth's. */
  differing?: string[];
  /**
   * Every partition: the checks whose status differed, by id and status only, so the
   * report can count them per check id (held-out dossiers only ever as totals).
   */
  mismatches: CheckMismatch[];
}

export interface DossierResult {
  id: string;
  partition: 'tuned' | 'held-out';
  expectedVerdict: string;
  before: DossierScore;
  after: DossierScore;
}

const withoutText = ({ text: _text, ...doc }: ExtractedDocument): ExtractedDocument => doc;

/**
 * A kept document read again from its kept text (the replays): the reading's fields and
 * boxes fresh, the image analysis kept, and the characters' own confidence in the fresh
 * boxes measured again (what files.legible compares), as the reader would measure it.
 */
export function readAgain(doc: ExtractedDocument, several: boolean): ExtractedDocument {
  if (doc.text === undefined || doc.kind === 'unknown') return doc;
  const fresh = extractDocument(doc.text, doc.file, several ? { kind: doc.kind } : {});
  const { needsConfirmation: _n, found: _f, ...rest } = doc;
  const quality = doc.quality && {
    ...doc.quality,
    ...(doc.text.source === 'pdf-text' || fresh.boxes === undefined
      ? {}
      : { textConfidence: fieldTextConfidence(doc.text, fresh.boxes) }),
  };
  return { ...rest, ...fresh, source: doc.source, text: doc.text, ...(quality ? { quality } : {}) };
}

/**
 * The truth's documents as a perfect reader would report them: every field as printed,
 * with the image analysis the reader made of the same page (quality and seals are the
 * image's, not the reading's). A document printed as an image is read by OCR even by a
 * perfect reader, and OCR cannot tell （ from (: its compared values with such characters
 * wait for a person's confirmation (a warning, spec §3) exactly as the reader's do.
 */
export function truthDocuments(file: DossierFile): ExtractedDocument[] {
  const several = file.truth.documents.length > 1;
  return file.truth.documents.map((t) => {
    const seen = file.reported.find(
      (d) => d.kind === t.kind && (d.page === undefined || d.page === t.page),
    );
    const source =
      file.truth.medium === 'text-pdf'
        ? 'pdf-text'
        : seen?.source !== undefined && seen.source !== 'pdf-text'
          ? seen.source
          : 'paddle';
    const toConfirm = widthToConfirm(t.fields, source);
    return {
      file: file.truth.file,
      kind: t.kind,
      fields: t.fields,
      confidence: Object.fromEntries(
        Object.entries(t.fields)
          .filter(([, v]) => v !== null)
          .map(([k]) => [k, 1]),
      ),
      corrections: [],
      warnings: [],
      source,
      ...(toConfirm.length > 0 ? { needsConfirmation: toConfirm } : {}),
      ...(several ? { page: t.page } : {}),
      ...(seen?.quality ? { quality: imageOnly(seen.quality) } : {}),
      ...(seen?.seal ? { seal: seen.seal } : {}),
    };
  });
}

/**
 * The image's own analysis without the reader's per-field text confidence: a perfect
 * reader reads every character for sure, so the truth's files.legible judges only what the
 * image is (resolution, width), never how sure this reader was.
 */
function imageOnly(
  quality: NonNullable<ExtractedDocument['quality']>,
): NonNullable<ExtractedDocument['quality']> {
  const { textConfidence: _readerConfidence, ...image } = quality;
  return image;
}

function inputOf(documents: ExtractedDocument[], files: DossierFile[]): DossierInput {
  return dossierInput(
    STATEMENTS,
    documents,
    files.map((f) => ({ file: f.truth.file, mime: f.mime, bytes: f.bytes })),
    TODAY,
  );
}

function score(expected: Checked, actual: Checked, tuned: boolean): DossierScore {
  const want = new Map(expected.checks.map((c) => [c.id, c.status]));
  const mismatches = actual.checks
    .filter((c) => want.get(c.id) !== c.status)
    .map((c) => ({ check: c.id, expected: want.get(c.id), actual: c.status }));
  const verdict = actual.verdict === expected.verdict;
  return {
    verdict,
    every: verdict && mismatches.length === 0,
    ...(tuned ? { differing: mismatches.map((m) => m.check) } : {}),
    mismatches,
  };
}

/** The checks on one dossier's truth, and on its files as read before and after the search. */
export function dossierChecks(files: DossierFile[]): {
  expected: Checked;
  before: Checked;
  after: Checked;
} {
  const pack = loadRulePack();
  const expected = runChecks(inputOf(files.flatMap(truthDocuments), files), pack);
  const read = files.flatMap((f) => f.reported);
  const before = runChecks(inputOf(read.map(withoutText), files), pack);
  const after = runChecks(inputOf(filledByFile(files).flat(), files), pack);
  return { expected, before, after };
}

/** Each file's documents after the cross-document search (as the checks see them), in file order. */
export function filledByFile(files: DossierFile[]): ExtractedDocument[][] {
  const filled = crossDocumentFill(
    files
      .flatMap((f) => f.reported)
      .map(({ text, ...document }) => ({ document, ...(text ? { text } : {}) })),
    STATEMENTS.confirmed,
  );
  let at = 0;
  return files.map((f) => filled.slice(at, (at += f.reported.length)));
}

/** Checks one dossier's files as read, before and after the search, against its truth. */
export function scoreDossier(id: string, files: DossierFile[]): DossierResult {
  const partition = files[0]!.truth.partition;
  const tuned = partition === 'tuned';
  const { expected, before, after } = dossierChecks(files);
  return {
    id,
    partition,
    expectedVerdict: expected.verdict,
    before: score(expected, before, tuned),
    after: score(expected, after, tuned),
  };
}

/** The dossier a file belongs to: its set's dossier id, or itself for a whole dossier in one file. */
export function dossierOf(truth: FileTruth): string | null {
  if (truth.dossier) return truth.dossier;
  const kinds = new Set(truth.documents.map((d) => d.kind));
  return kinds.size === 4 ? truth.file : null;
}
