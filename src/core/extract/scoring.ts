// Picking each field's value among its candidates, strongest first: the text a label
// points to (right of it or below), the label's table cell, a sentence, a type search over
// the page. The first candidate that parses, is nothing the field can never be and has
// the field's type wins; a value of the wrong type is kept only when nothing better
// exists, at a low confidence. The confidence is the OCR's, capped by how the value was found.
import type { DocumentKind } from '../documents';
import type { Box } from '../extraction';
import type { LabelHit } from './anchors';
import {
  readCell,
  sentenceCandidates,
  termCandidates,
  typeSearch,
  type PageCandidate,
} from './candidates';
import { readValue } from './layout';
import { joinGlyphs, startsRightOfColumn, type PageLayout } from './page-layout';
import { findRuns } from './runs';
import { minConfidence, union, type Line } from './lines';
import { validateUscc } from '../codes/uscc';
import { creditCodeSearch } from './code-search';
import { parseTerm, termFromDigits } from './values';
import { textRunsOn } from './runs-on';
import { containsFuzzy } from '../text/fuzzy';
import { TYPE_SEARCH_FIELDS, cutShort, jNumber, mayRunOn, neverValue, typeOf } from './value-types';

export interface FieldReading {
  value: string;
  confidence: number;
  /** Where the value was read; absent for a value not read but derived (from the ID number). */
  box?: Box;
  /** The value was completed by a rule (a card's validity), not read whole from its box. */
  completed?: true;
}

/** The most a value is trusted, by how it was found. */
export const CONFIDENCE_CAP = {
  /** A label matched with one character misread. */
  fuzzyLabel: 0.8,
  /** A value starting a character right of its column's other values: one may be lost. */
  shifted: 0.8,
  /** The label's table cell, when the text beside the label was not the value. */
  cell: 0.85,
  /** Inside a sentence (经审核，<name>符合开户条件). */
  sentence: 0.85,
  /** The page's one checksum-valid credit code, found by its type, not its label. */
  checkedCode: 0.85,
  /** The only text of the field's type on the page, with no label pointing to it. */
  typeSearch: 0.6,
  /** A value of its type that is not whole (see cutShort): the rest of it was not read. */
  cutShort: 0.8,
  /** A value that does not have its field's type. */
  wrongType: 0.5,
  /** A term read from its digits alone, its dates' separators lost (termFromDigits). */
  digitsOnly: 0.6,
} as const;

interface Candidate extends PageCandidate {
  cap: number;
}

function fromRegion(region: PageCandidate | null, cap: number): Candidate | null {
  return region && { text: region.text, confidence: region.confidence, box: region.box, cap };
}

/** Candidates of one label, lazily: the cell only when the text beside was not enough. */
function* labelCandidates(hit: LabelHit, layout: PageLayout): Generator<Candidate> {
  const cap = hit.exact ? 1 : CONFIDENCE_CAP.fuzzyLabel;
  const region = readValue(hit, layout);
  const start = region?.glyphs[0]?.[0];
  const shifted =
    start !== undefined &&
    start.y0 < hit.line.y1 &&
    start.y1 > hit.line.y0 &&
    startsRightOfColumn(hit, layout, start.x0);
  // Text left beside the value on its row (grouped apart from it): it may be cut short.
  const target = hit.def.target;
  const runsOn =
    region !== null &&
    target !== null &&
    'field' in target &&
    mayRunOn(target.field) &&
    textRunsOn(region, hit, layout);
  const partial = shifted || runsOn;
  const value = fromRegion(region, partial ? Math.min(cap, CONFIDENCE_CAP.shifted) : cap);
  const cell = fromRegion(readCell(hit, layout), Math.min(cap, CONFIDENCE_CAP.cell));
  // A value read below the label whose cell also holds text above it (a value centred
  // beside the label over two lines): the cell is the whole value.
  const cellFirst =
    value !== null &&
    cell !== null &&
    value.box.y > (hit.line.y0 + hit.line.y1) / 2 &&
    cell.text.length > value.text.length &&
    cell.text.endsWith(value.text);
  if (cellFirst) yield cell;
  if (value) yield value;
  // Text beside the label wrapped back under it (a paragraph, not a table): when the
  // value aligned with itself was not of its type.
  const toMargin = value && fromRegion(readValue(hit, layout, true), cap);
  if (toMargin && toMargin.text !== value?.text) yield toMargin;
  if (cell && !cellFirst && cell.text !== value?.text) yield cell;
  // The label's line alone, when what its value ran on into was of no use (the next
  // row's value, whose label was lost, aligned under it).
  const first = region?.glyphs[0];
  if (first && region.glyphs.length > 1)
    yield {
      text: joinGlyphs(first, hit.line.h),
      confidence: minConfidence(first),
      box: union(first, layout.page),
      cap: Math.min(cap, CONFIDENCE_CAP.cell),
    };
}

/** The first acceptable candidate's reading (see the file comment). */
function pick(
  field: string,
  candidates: Iterable<Candidate>,
  type = typeOf(field),
): FieldReading | null {
  let cut: FieldReading | null = null;
  let wrongType: FieldReading | null = null;
  for (const c of candidates) {
    const value = type.parse(c.text);
    if (value === null || neverValue(field, value) !== null) continue;
    const confidence = Math.min(c.confidence, c.cap);
    if (!type.valid(value)) {
      wrongType ??= {
        value,
        confidence: Math.min(confidence, CONFIDENCE_CAP.wrongType),
        box: c.box,
      };
      continue;
    }
    // After a value of its type that is not whole, only a candidate that reads on past
    // where it stopped (holds it) is worth more: a shorter one is cut too, however it ends.
    if (cut !== null && !value.includes(cut.value)) continue;
    if (cutShort(field, value) === null) return { value, confidence, box: c.box };
    cut = { value, confidence: Math.min(confidence, CONFIDENCE_CAP.cutShort), box: c.box };
  }
  return cut ?? wrongType;
}

/** Every field's reading from a document's pages (the first page that gives one wins). */
export function readFields(
  kind: DocumentKind,
  layouts: readonly PageLayout[],
): Map<string, FieldReading> {
  const readings = new Map<string, FieldReading>();
  const fields = new Set<string>();
  for (const layout of layouts)
    for (const hit of layout.hits) {
      const target = hit.def.target;
      if (target === null) continue;
      if ('term' in target) readTerm(hit, layout, target.term, readings);
      else fields.add(target.field);
    }
  const jBelongs = kind === 'bank-permit' && namesBasicAccount(layouts);
  for (const field of [...fields, ...TYPE_SEARCH_FIELDS[kind], 'accountName']) {
    if (readings.has(field) || (field === 'accountName' && kind !== 'bank-permit')) continue;
    // Only the permit prints a 编号: where its label was lost, the form must read as one.
    if (field === 'serialNumber' && !fields.has(field) && !readsAsPermit(layouts, readings))
      continue;
    const type =
      field === 'accountCode' || field === 'approvalNumber' ? jNumber(jBelongs) : typeOf(field);
    const reading = pick(field, candidatesOf(field, kind, layouts), type);
    if (reading) readings.set(field, reading);
  }
  if (kind === 'bank-permit') searchAccountCode(layouts, readings);
  if (kind === 'business-license') searchTerm(layouts, ['validFrom', 'validUntil'], readings);
  // A license always prints its credit code; a bank form only where it has the label.
  if (kind === 'business-license' || fields.has('creditCode')) searchCreditCode(layouts, readings);
  return readings;
}

/**
 * The credit code by its type and checksum over the page, where the label gave none or
 * one failing its checksum (the label on another line, the code split or letter-spaced).
 */
function searchCreditCode(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  const current = readings.get('creditCode');
  if (current && validateUscc(current.value).valid) return;
  for (const layout of layouts) {
    const found = creditCodeSearch(layout);
    if (!found) continue;
    const confidence = Math.min(found.confidence, CONFIDENCE_CAP.checkedCode);
    readings.set('creditCode', { value: found.text, confidence, box: found.box });
    return;
  }
}

/**
 * Whether the page says the account is a basic one (基本存款账户信息, 准予开立基本存款账户,
 * the label 基本存款账户编号), one character of the words misread or inserted at most, a
 * line read on into the next: a basic account's numbers start with J; a 开户许可证 of
 * another account (临时, 专用) starts with L or Z.
 */
function namesBasicAccount(layouts: readonly PageLayout[]): boolean {
  const keys = (line: Line): string => line.glyphs.map((g) => g.key).join('');
  return layouts.some((layout) =>
    layout.lines.some((line, i) => {
      // A sentence wrapped inside the words (准予开立基本存款账 / 户) is read on its next line.
      const next = layout.lines[i + 1];
      const wrapped = next && next.y0 - line.y1 < 1.5 * line.h ? keys(next) : '';
      return containsFuzzy(keys(line) + wrapped, '基本存款账户');
    }),
  );
}

/** A bank form that reads as the 开户许可证: its title, or its 核准号 read. */
function readsAsPermit(
  layouts: readonly PageLayout[],
  readings: ReadonlyMap<string, FieldReading>,
): boolean {
  if (readings.has('approvalNumber')) return true;
  return layouts.some((layout) =>
    layout.lines.some((line) =>
      containsFuzzy(line.glyphs.map((g) => g.key).join(''), '开户许可证'),
    ),
  );
}

/** A J-number: 核准号 of a 开户许可证, 基本存款账户编号 of the forms since 2019. */
const J_NUMBER = /(?<![0-9A-Z])J\d{13}(?!\d)/gu;

/**
 * The bank form's J-number when no label gave it: the page's one J + 13 digits, the
 * 核准号 on a 开户许可证 (its title says so) and else the 基本存款账户编号, as a type search.
 */
function searchAccountCode(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has('approvalNumber') || readings.has('accountCode')) return;
  const runs = layouts.flatMap((layout) => findRuns(layout.lines, J_NUMBER));
  if (runs.length === 0 || new Set(runs.map((r) => r.text)).size > 1) return;
  const run = runs[0]!;
  const permit = layouts.some((layout) =>
    layout.lines.some((line) =>
      line.glyphs
        .map((g) => g.key)
        .join('')
        .includes('开户许可证'),
    ),
  );
  readings.set(permit ? 'approvalNumber' : 'accountCode', {
    value: run.text,
    confidence: Math.min(run.confidence, CONFIDENCE_CAP.typeSearch),
    box: run.box,
  });
}

function* candidatesOf(
  field: string,
  kind: DocumentKind,
  layouts: readonly PageLayout[],
): Generator<Candidate> {
  for (const layout of layouts)
    for (const hit of layout.hits) {
      const target = hit.def.target;
      if (target !== null && 'field' in target && target.field === field)
        yield* labelCandidates(hit, layout);
    }
  for (const layout of layouts)
    for (const c of sentenceCandidates(layout, field)) yield { ...c, cap: CONFIDENCE_CAP.sentence };
  if (!TYPE_SEARCH_FIELDS[kind].includes(field)) return;
  for (const layout of layouts)
    for (const c of typeSearch(layout, field)) yield { ...c, cap: CONFIDENCE_CAP.typeSearch };
}

/** A validity term (`from 至 until`) into its two date fields. */
function readTerm(
  hit: LabelHit,
  layout: PageLayout,
  fields: readonly [string, string],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has(fields[0]) && readings.has(fields[1])) return;
  setTerm(fields, pickTerm(labelCandidates(hit, layout)), readings);
}

interface TermReading {
  from: string | null;
  until: string | null;
  confidence: number;
  box: Box;
}

/**
 * The first candidate that gives the whole term (start and end); else the first that gives
 * part of it: `2019年01月01日至` beside the label whose end wrapped back under it is read
 * whole by a later candidate.
 */
function pickTerm(candidates: Iterable<Candidate>): TermReading | null {
  let partial: TermReading | null = null;
  let digitsOnly: TermReading | null = null;
  for (const c of candidates) {
    const [from, until] = parseTerm(c.text);
    const confidence = Math.min(c.confidence, c.cap);
    // The separators lost: the digits alone, where they agree with any date read.
    const digits = from === null || until === null ? termFromDigits(c.text) : null;
    if (digits !== null && [from, until].every((v, i) => v === null || v === digits[i]))
      digitsOnly ??= {
        from: digits[0],
        until: digits[1],
        confidence: Math.min(confidence, CONFIDENCE_CAP.digitsOnly),
        box: c.box,
      };
    if (from === null && until === null) continue;
    const reading = { from, until, confidence, box: c.box };
    if (from !== null && until !== null) return reading;
    partial ??= reading;
  }
  return digitsOnly ?? partial;
}

function setTerm(
  [fromField, untilField]: readonly [string, string],
  term: TermReading | null,
  readings: Map<string, FieldReading>,
): void {
  if (term === null) return;
  const { confidence, box } = term;
  if (term.from !== null && !readings.has(fromField))
    readings.set(fromField, { value: term.from, confidence, box });
  if (term.until !== null && !readings.has(untilField))
    readings.set(untilField, { value: term.until, confidence, box });
}

/**
 * A term's two dates by their grammar over the page (`date 至 date|长期`), where no term
 * label gave them (the label lost under a stamp, misread, or printed in a sentence
 * `营业期限自…至…`): the page's one such term, at a type search's confidence.
 */
function searchTerm(
  layouts: readonly PageLayout[],
  fields: readonly [string, string],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has(fields[0]) && readings.has(fields[1])) return;
  const found = layouts.flatMap((layout) => termCandidates(layout));
  // One term, however much of it each reading holds (a term wrapped after its 至 is also
  // read from its second line alone); two different ones tell nothing.
  const terms = found.map((c) => parseTerm(c.text));
  for (const part of [0, 1])
    if (new Set(terms.map((t) => t[part]).filter((v) => v !== null)).size > 1) return;
  setTerm(fields, pickTerm(found.map((c) => ({ ...c, cap: CONFIDENCE_CAP.typeSearch }))), readings);
}
