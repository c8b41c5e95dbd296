// Cross-document value search (issue 13): the same value is printed on several documents
// of a dossier (the company's name on the license and the bank form, the legal
// representative on three). Where one document's value was not read (its label lost,
// wrapped or misread) or read only weakly, the value read on another document is searched
// for on this document's page, fuzzily (an edit distance over characters, within one
// line), and the characters actually on the page are reported, never the other
// document's: the comparison then still sees every real difference (a bracket's width,
// 逄 for 逢). Such a value is below 0.9 confidence, so a person confirms it, and says how
// it was found (`found: {field: 'cross-document'}`). A person's name or a company's name
// the page's OCR doubted and a code failing its checksum are then settled by the other
// documents' readings (name-agreement.ts, code-agreement.ts), and a value two documents read alike, each on
// its own, is corroborated (cross-corroboration.ts).
import type { DocumentKind } from '../documents';
import type { Box, DocumentText, ExtractedDocument } from '../extraction';
import { foldWidth, hasWidthAmbiguity } from '../text/normalise';
import { pageLines, union, minConfidence, type Glyph, type Line } from './lines';
import { agreeCodes, SAME_CODE_FIELDS } from './code-agreement';
import { corroborateAcrossDocuments } from './cross-corroboration';
import { agreeCompanyNames, agreeNames } from './name-agreement';
import { isPersonNameField, neverValue, typeOf } from './value-types';

/** Fields that print one and the same value on documents of different kinds. */
export const SAME_VALUE_FIELDS: readonly (readonly { kind: DocumentKind; field: string }[])[] = [
  [
    { kind: 'business-license', field: 'companyName' },
    { kind: 'bank-permit', field: 'accountName' },
  ],
  [
    { kind: 'business-license', field: 'legalRepresentative' },
    { kind: 'bank-permit', field: 'legalRepresentative' },
    { kind: 'id-card-front', field: 'name' },
  ],
];

/** A reading below this is weak (a type search, a wrong type): the search may replace it. */
export const WEAK_CONFIDENCE = 0.65;
/** The most a value located this way is trusted: a person confirms it. */
export const FOUND_CONFIDENCE = 0.8;
/** Taken off per character edit between the other document's value and the page. */
const PER_EDIT = 0.1;
/** When two places of the page match equally well with different characters. */
const AMBIGUOUS_CONFIDENCE = 0.5;

export interface LocatedValue {
  /** The characters as they are on the page (width and all). */
  value: string;
  box: Box;
  confidence: number;
  /** Character edits between the value searched for and the page's characters. */
  edits: number;
}

export interface LocateOptions {
  /** Boxes of other fields of the document: an occurrence inside one is not this value. */
  exclude?: readonly Box[];
}

/** Edits allowed for a value of n characters: none for 2, one for 3-5, then one per 5. */
export function allowedEdits(n: number): number {
  if (n <= 2) return 0;
  if (n <= 5) return 1;
  return Math.min(4, Math.ceil(n / 5));
}

const HAN = /\p{Script=Han}/u;
/** Values this short (names) differ from their occurrence by substitutions only. */
const SUBSTITUTIONS_ONLY = 5;
const compactKey = (s: string): string[] => [...foldWidth(s)].filter((ch) => !/\s/u.test(ch));

interface Match {
  start: number;
  end: number;
  edits: number;
}

/**
 * The approximate occurrences of `want` in `keys`, at most `max` edits each, best first
 * and not overlapping. A value of up to SUBSTITUTIONS_ONLY characters (a person's name)
 * may only differ by substitutions: a name with a character fewer (the line ends, a word
 * wraps) is not that name. Longer values use a semi-global edit distance (the occurrence
 * may start and end anywhere in the line), O(|want| × |line|).
 */
function approximateMatches(
  want: readonly string[],
  keys: readonly string[],
  max: number,
): Match[] {
  const m = want.length;
  const n = keys.length;
  const candidates: Match[] = [];
  if (m <= SUBSTITUTIONS_ONLY) {
    for (let s = 0; s + m <= n; s++) {
      let edits = 0;
      for (let i = 0; i < m && edits <= max; i++) if (want[i] !== keys[s + i]) edits++;
      if (edits <= max) candidates.push({ start: s, end: s + m, edits });
    }
  } else {
    // dist[j]: edits of want[0..i) against the best substring ending at j; start[j]: its start.
    let dist = new Array<number>(n + 1).fill(0);
    let start = Array.from({ length: n + 1 }, (_, j) => j);
    for (let i = 1; i <= m; i++) {
      const nextDist = new Array<number>(n + 1);
      const nextStart = new Array<number>(n + 1);
      nextDist[0] = i;
      nextStart[0] = 0;
      for (let j = 1; j <= n; j++) {
        const sub = dist[j - 1]! + (want[i - 1] === keys[j - 1] ? 0 : 1);
        const del = dist[j]! + 1;
        const ins = nextDist[j - 1]! + 1;
        if (sub <= del && sub <= ins) {
          nextDist[j] = sub;
          nextStart[j] = start[j - 1]!;
        } else if (del <= ins) {
          nextDist[j] = del;
          nextStart[j] = start[j]!;
        } else {
          nextDist[j] = ins;
          nextStart[j] = nextStart[j - 1]!;
        }
      }
      dist = nextDist;
      start = nextStart;
    }
    for (let j = 1; j <= n; j++)
      if (dist[j]! <= max && start[j]! < j)
        candidates.push({ start: start[j]!, end: j, edits: dist[j]! });
  }
  // Fewest edits first, then the length closest to the value's: one occurrence each.
  candidates.sort(
    (a, b) => a.edits - b.edits || Math.abs(a.end - a.start - m) - Math.abs(b.end - b.start - m),
  );
  const taken: Match[] = [];
  for (const c of candidates)
    if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  return taken;
}

const overlaps = (a: Box, b: Box): boolean => {
  if (a.page !== b.page) return false;
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 && w * h > 0.5 * Math.min(a.w * a.h, b.w * b.h);
};

/**
 * A short value (a person's name) followed on its line, without a gap, by more Han
 * characters is part of a longer word (王伟 in 王伟华, in 王伟科技有限公司), not the value.
 */
function runsOn(line: Line, glyphs: readonly Glyph[], end: number): boolean {
  const next = glyphs[end];
  if (next === undefined || !HAN.test(next.ch)) return false;
  const last = glyphs[end - 1]!;
  return next.x0 - last.x1 < 0.6 * line.h;
}

/** A gap wider than this (in line heights) ends a piece of text on a line. */
const SEGMENT_GAP = 1.5;

/** A line's pieces of text between wide gaps (a label, its value, another column's). */
function segmentsOf(line: Line): Glyph[][] {
  const out: Glyph[][] = [];
  let current: Glyph[] = [];
  line.glyphs.forEach((g, i) => {
    const prev = line.glyphs[i - 1];
    if (prev && (g.x0 - prev.x1) / line.h > SEGMENT_GAP && current.length > 0) {
      out.push(current);
      current = [];
    }
    current.push(g);
  });
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * A value wrapped onto the next line: a piece of text ending a segment of one line, then
 * the piece starting a segment of the line right below that lies under it (a table cell's
 * second line, a sentence going on at the margin). Each pair is one run of glyphs.
 */
function wrappedRuns(lines: readonly Line[]): { line: Line; glyphs: Glyph[]; split: number }[] {
  const runs: { line: Line; glyphs: Glyph[]; split: number }[] = [];
  lines.forEach((line, i) => {
    const below = lines
      .slice(i + 1, i + 4)
      .filter(
        (l) =>
          l.y0 > (line.y0 + line.y1) / 2 &&
          l.y0 - line.y1 < 1.2 * line.h &&
          l.h <= 1.6 * line.h &&
          l.h >= line.h / 1.6,
      );
    for (const first of segmentsOf(line)) {
      const x0 = first[0]!.x0;
      const x1 = first.at(-1)!.x1;
      for (const next of below)
        for (const second of segmentsOf(next)) {
          // Under the first piece: a wrap goes back left, never into another column.
          if (second[0]!.x0 >= x1 || second.at(-1)!.x1 <= x0) continue;
          runs.push({ line, glyphs: [...first, ...second], split: first.length });
        }
    }
  });
  return runs;
}

/**
 * Where `wanted` (a value read on another document) is printed in `text`: the best
 * occurrence within one line, or (a value longer than a person's name) wrapped from the
 * end of a piece of text onto the line below, as the page's own characters, or null when
 * none is close enough (see allowedEdits) or the only ones are parts of longer words or
 * of other fields' boxes. Matching folds widths (so （ finds (), the result never does.
 */
export function locateValue(
  text: DocumentText,
  wanted: string,
  options: LocateOptions = {},
): LocatedValue | null {
  const want = compactKey(wanted);
  if (want.length === 0) return null;
  const max = allowedEdits(want.length);
  const found: { value: string; box: Box; glyphs: Glyph[]; edits: number }[] = [];
  const add = (page: number, own: Glyph[], edits: number): void => {
    const box = union(own, page);
    if (options.exclude?.some((other) => overlaps(other, box))) return;
    found.push({ value: own.map((g) => g.ch).join(''), box, glyphs: own, edits });
  };
  for (const page of text.pages) {
    const lines = pageLines(page);
    for (const line of lines) {
      const glyphs = line.glyphs;
      if (glyphs.length < want.length - max) continue;
      const keys = glyphs.map((g) => g.key);
      for (const match of approximateMatches(want, keys, max)) {
        if (want.length <= 4 && runsOn(line, glyphs, match.end)) continue;
        add(line.page, glyphs.slice(match.start, match.end), match.edits);
      }
    }
    // A name stays on its line (逄春 / 华 is no name); a company's name may wrap.
    if (want.length <= SUBSTITUTIONS_ONLY) continue;
    for (const run of wrappedRuns(lines)) {
      const keys = run.glyphs.map((g) => g.key);
      for (const match of approximateMatches(want, keys, max)) {
        // Only an occurrence across the wrap: one within a line was found above.
        if (match.start >= run.split || match.end <= run.split) continue;
        // Both pieces are the value's: it ends the first line's piece, starts the second's.
        add(run.line.page, run.glyphs.slice(match.start, match.end), match.edits);
      }
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.edits - b.edits);
  const best = found[0]!;
  // Two places as close with different characters: which one is the value is not known.
  const rival = found.find((f) => f !== best && f.edits === best.edits && f.value !== best.value);
  const confidence = Math.min(
    minConfidence(best.glyphs),
    rival ? AMBIGUOUS_CONFIDENCE : FOUND_CONFIDENCE - PER_EDIT * best.edits,
  );
  return { value: best.value, box: best.box, confidence, edits: best.edits };
}

/** A document as read, with the text its fields were read from (absent: not searched). */
export interface ReadDocumentWithText {
  document: ExtractedDocument;
  text?: DocumentText;
}

/** A value of another document to search for, best first. */
interface SourceValue {
  value: string;
  kind: DocumentKind;
  field: string;
  /** 2: a person confirmed it; else its reading's confidence. */
  trust: number;
}

function sourcesFor(
  kind: DocumentKind,
  field: string,
  documents: readonly ExtractedDocument[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>>,
): SourceValue[] {
  const group = SAME_VALUE_FIELDS.find((g) => g.some((f) => f.kind === kind && f.field === field));
  if (!group) return [];
  const sources: SourceValue[] = [];
  for (const other of group) {
    if (other.kind === kind) continue;
    const byPerson = confirmed[other.kind]?.[other.field];
    if (typeof byPerson === 'string' && byPerson.trim() !== '') {
      sources.push({ value: byPerson, kind: other.kind, field: other.field, trust: 2 });
      continue;
    }
    for (const doc of documents) {
      if (doc.kind !== other.kind || doc.error !== undefined) continue;
      const value = doc.fields[other.field];
      const confidence = doc.confidence[other.field] ?? 0;
      // Only what was read there: a value itself found by this search proves nothing new.
      if (typeof value !== 'string' || value.trim() === '' || doc.found?.[other.field]) continue;
      if (confidence < WEAK_CONFIDENCE) continue;
      sources.push({ value, kind: other.kind, field: other.field, trust: confidence });
    }
  }
  return sources.sort((a, b) => b.trust - a.trust);
}

/** Whether a field of a document may be searched for: not read, or read weakly, never confirmed. */
function wanting(
  doc: ExtractedDocument,
  field: string,
  confirmed: Record<string, unknown>,
): boolean {
  if (field in confirmed) return false;
  const value = doc.fields[field];
  if (value === undefined) return false;
  return value === null || (doc.confidence[field] ?? 0) < WEAK_CONFIDENCE;
}

/**
 * The dossier's documents with the values of SAME_VALUE_FIELDS that a document did not
 * read (or read weakly) located on its page from another document's value. A confident
 * reading is never replaced; a person's confirmation is never searched for. Documents
 * without text are returned as they are. The input is not changed.
 */
export function crossDocumentFill(
  documents: readonly ReadDocumentWithText[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>> = {},
): ExtractedDocument[] {
  const read = documents.map((d) => d.document);
  const filled = documents.map(({ document: doc, text }) => {
    if (text === undefined || doc.kind === 'unknown' || doc.error !== undefined) return doc;
    const kind = doc.kind;
    const byPerson = confirmed[kind] ?? {};
    let next: ExtractedDocument = doc;
    for (const group of SAME_VALUE_FIELDS) {
      for (const { field } of group.filter((g) => g.kind === kind)) {
        if (!wanting(doc, field, byPerson)) continue;
        // Another field read with confidence holds its own value, not this one.
        const exclude = Object.entries(next.boxes ?? {})
          .filter(([name]) => name !== field && (next.confidence[name] ?? 0) >= WEAK_CONFIDENCE)
          .map(([, box]) => box);
        for (const source of sourcesFor(kind, field, read, confirmed)) {
          const located = locateValue(text, source.value, { exclude });
          if (!located) continue;
          // Still the field's type and nothing it can never be (a label, a notice).
          const wrongType =
            !typeOf(field).valid(located.value) || neverValue(field, located.value) !== null;
          const confidence = wrongType ? Math.min(located.confidence, 0.5) : located.confidence;
          next = withFound(next, field, located, confidence, source, text);
          break;
        }
      }
    }
    return next;
  });
  // A person's name this page's OCR doubted, settled by another document's reading.
  const names = SAME_VALUE_FIELDS.filter((g) => g.every((f) => isPersonNameField(f.field)));
  const agreed = agreeNames(
    filled.map((document, i) => ({ document, text: documents[i]!.text })),
    names,
    confirmed,
  );
  // A company's name whose ideograph this page's OCR doubted, settled the same way.
  const companies = SAME_VALUE_FIELDS.filter((g) => !g.some((f) => isPersonNameField(f.field)));
  const agreedCompanies = agreeCompanyNames(
    agreed.map((document, i) => ({ document, text: documents[i]!.text })),
    companies,
    confirmed,
  );
  // A code failing its checksum, whose proposed repair another document reads.
  const coded = agreeCodes(agreedCompanies, confirmed);
  // A value another document reads independently and identically is legible.
  return corroborateAcrossDocuments(
    documents,
    coded,
    [...SAME_VALUE_FIELDS, ...SAME_CODE_FIELDS],
    confirmed,
  );
}

function withFound(
  doc: ExtractedDocument,
  field: string,
  located: LocatedValue,
  confidence: number,
  source: SourceValue,
  text: DocumentText,
): ExtractedDocument {
  const ambiguousWidth = text.source !== 'pdf-text' && hasWidthAmbiguity(located.value);
  const needsConfirmation = (doc.needsConfirmation ?? []).filter((f) => f !== field);
  if (ambiguousWidth) needsConfirmation.push(field);
  return {
    ...doc,
    fields: { ...doc.fields, [field]: located.value },
    confidence: { ...doc.confidence, [field]: confidence },
    boxes: { ...doc.boxes, [field]: located.box },
    found: { ...doc.found, [field]: 'cross-document' },
    warnings: [
      ...doc.warnings.filter((w) => w !== `${field} was not found on the document`),
      `${field} was located on the page by the ${source.field} of the ${source.kind}${located.edits > 0 ? ` (${located.edits} character${located.edits > 1 ? 's' : ''} differ)` : ''}: confirm it against the image`,
    ],
    ...(needsConfirmation.length > 0 ? { needsConfirmation } : {}),
    corrections: doc.corrections.filter((c) => c.field !== field),
  };
}
