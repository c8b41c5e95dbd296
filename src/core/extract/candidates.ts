// Where else a field's value may be than right of or below its label: in the label's
// table cell (a value centred on several lines beside it, a character on a line of its
// own), inside a sentence (经审核，<name>符合开户条件), or anywhere on the page where only
// one piece of text has the field's type. Each gives a candidate; scoring.ts picks one.
import type { Box } from '../extraction';
import { SEPARATORS } from './anchors';
import type { LabelHit } from './anchors';
import type { ValueRegion } from './layout';
import { joinGlyphs, labelGlyphs, rightBound, type PageLayout } from './page-layout';
import { minConfidence, union, type Glyph, type Line } from './lines';
import { withoutLoneTail } from './lone-glyph';
import { isBankName, neverValue, typeOf } from './value-types';

/** How far a cell reaches above and below its label's line, in line heights. */
const CELL_REACH = 2.2;

/** Glyphs into rows: a glyph joins a row whose centre is within 0.6 line heights. */
function rowsOf(glyphs: Glyph[], h: number): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const rows: { centre: number; glyphs: Glyph[] }[] = [];
  for (const g of sorted) {
    const c = (g.y0 + g.y1) / 2;
    const row = rows.at(-1);
    if (row && Math.abs(c - row.centre) < 0.6 * h) row.glyphs.push(g);
    else rows.push({ centre: c, glyphs: [g] });
  }
  return rows.map((r) => r.glyphs.sort((a, b) => a.x0 - b.x0));
}

/**
 * The label's table cell: text right of the label, up to the next label or column, in the
 * band from halfway to the label above to halfway to the label below in its column (at
 * most CELL_REACH lines). It catches values centred beside a label over two lines, and a
 * character OCR boxed a little higher or lower than the rest of its line.
 */
export function readCell(hit: LabelHit, layout: PageLayout): ValueRegion | null {
  const { line } = hit;
  const h = line.h;
  const right = rightBound(hit, layout);
  // The label's own wrapped part (称 of 存款人名 / 称) does not bound its cell.
  const column = layout.hits.filter(
    (o) =>
      o.line !== line && Math.abs(o.x0 - hit.x0) < 3 * h && o.def.id !== hit.def.id && o.of !== hit,
  );
  const above = column.filter((o) => o.line.y1 <= line.y0).map((o) => o.line.y1);
  const below = column.filter((o) => o.line.y0 >= line.y1).map((o) => o.line.y0);
  const top = Math.max(line.y0 - CELL_REACH * h, (Math.max(...above, -Infinity) + line.y0) / 2);
  const bottom = Math.min(line.y1 + CELL_REACH * h, (Math.min(...below, Infinity) + line.y1) / 2);
  const glyphs: Glyph[] = [];
  for (const l of layout.lines) {
    if (l.y1 < top || l.y0 > bottom) continue;
    const labelled = labelGlyphs(l, layout.hits);
    const first = l.glyphs.findIndex((g) => g.x0 >= hit.x1 - 0.1 * h);
    const before = l.glyphs[first - 1];
    // Text that runs on from under the label (a sentence below it) is not in the cell.
    if (before && !labelled(first - 1) && (l.glyphs[first]!.x0 - before.x1) / h < 1.5) continue;
    l.glyphs.forEach((g, i) => {
      if (layout.work) layout.work.steps++;
      const c = (g.y0 + g.y1) / 2;
      if (c < top || c > bottom || labelled(i)) return;
      if (g.x0 < hit.x1 - 0.1 * h || g.x1 > right + 0.5 * h) return;
      glyphs.push(g);
    });
  }
  const rows = rowsOf(glyphs, h)
    .map((row) => {
      // The label's colon is no part of the value, which may stand far from it.
      while (row[0] && SEPARATORS.has(row[0].ch)) row.shift();
      // A row ends at a wide gap (what follows belongs to something else).
      const cut = row.findIndex((g, i) => i > 0 && (g.x0 - row[i - 1]!.x1) / h > 3);
      return withoutLoneTail(cut < 0 ? row : row.slice(0, cut), h);
    })
    .filter((row) => row.length > 0);
  const all = rows.flat();
  if (all.length === 0) return null;
  return {
    glyphs: rows,
    text: rows.map((row) => joinGlyphs(row, h)).join(''),
    confidence: minConfidence(all),
    box: union(all, layout.page),
  };
}

/** A value found without its label's geometry: text, its glyphs' confidence and box. */
export interface PageCandidate {
  text: string;
  confidence: number;
  box: Box;
}

/**
 * Sentences that hold a field's value (the first group), by field: the account holder in a
 * permit's approval (经审核，<name>符合开户条件，准予开立…; 经核准 on older ones) or in a
 * bank's registration sentence (兹证明<name>已在我行开立基本存款账户; <name>已在本行开立…).
 */
const SENTENCES: Readonly<Record<string, readonly RegExp[]>> = {
  accountName: [
    /经(?:审核|核准)[，,、:：]?(.{2,60}?)[，,]?符合开户条件/u,
    /兹(?:证明|有)[，,、:：]?(.{2,60}?)[，,]?(?:已)?在(?:我行|本行)(?:开立|开设)/u,
    /^(.{2,60}?)[，,]?已在(?:我行|本行)(?:开立|开设)(?:了)?(?:基本存款)?账户/u,
  ],
};

/**
 * A line's parts by the page's label columns (layout.columns): the text of each column,
 * which runs on into the next line of that column, not into the column beside it. A line
 * on a page of one column is one part, however wide its gaps (a name filled into a blank).
 */
function columnParts(line: Line, columns: readonly number[]): Glyph[][] {
  const cuts = columns.slice(1).map((x) => x - 0.5 * line.h);
  const runs: Glyph[][] = [];
  let part = -1;
  for (const g of line.glyphs) {
    const k = cuts.filter((x) => g.x0 >= x).length;
    if (k !== part || runs.length === 0) runs.push([]);
    part = k;
    runs.at(-1)!.push(g);
  }
  return runs;
}

/** A run of text with its continuation on the next line, as text whose characters are its glyphs. */
interface WrappedRun {
  glyphs: Glyph[];
  /** How many of the glyphs are the run's own (the rest continue it on the next line). */
  own: number;
  text: string;
}

/**
 * Each line's part in each column with its continuation (a sentence or a term wrapped at
 * its end): the parts of the next line (within 1.2 line heights) that overlap it
 * horizontally. The column beside it on that line is no continuation of it: the page is
 * read column by column, not across its whole width. `key` gives each glyph's character
 * (one code point per glyph).
 */
function* wrappedRuns(layout: PageLayout, key: (g: Glyph) => string): Generator<WrappedRun> {
  const { lines } = layout;
  for (const [i, line] of lines.entries()) {
    const next = lines[i + 1];
    const below = next && next.y0 - line.y1 < 1.2 * line.h ? columnParts(next, layout.columns) : [];
    for (const run of columnParts(line, layout.columns)) {
      const x0 = run[0]!.x0 - line.h;
      const x1 = run.at(-1)!.x1 + line.h;
      const more = below.filter((r) => r[0]!.x0 < x1 && r.at(-1)!.x1 > x0).flat();
      const glyphs = [...run, ...more];
      yield { glyphs, own: run.length, text: glyphs.map(key).join('') };
    }
  }
}

/**
 * The glyphs of a match in a wrapped run: `at` is its index in the text, `text` what it
 * matched; null when it starts on the continuation (read from that line's own run).
 */
function matchedGlyphs(run: WrappedRun, at: number, text: string): Glyph[] | null {
  // Glyphs are one code point each: count code points to find the match's glyphs.
  const start = [...run.text.slice(0, at)].length;
  if (start >= run.own) return null;
  return run.glyphs.slice(start, start + [...text].length);
}

/**
 * Values inside sentences, by field: each run of text is read with its continuation on
 * the next line, so that a sentence wrapped over two lines is read whole.
 */
export function sentenceCandidates(layout: PageLayout, field: string): PageCandidate[] {
  const patterns = SENTENCES[field];
  if (patterns === undefined) return [];
  const out: PageCandidate[] = [];
  for (const run of wrappedRuns(layout, (g) => g.ch))
    for (const pattern of patterns) {
      const m = pattern.exec(run.text);
      const name = m?.[1];
      if (!m || name === undefined) continue;
      // A sentence that starts on the next line is read from there.
      if (matchedGlyphs(run, m.index, m[0]) === null) continue;
      const own = matchedGlyphs(run, m.index + m[0].indexOf(name), name) ?? [];
      out.push({ text: name, confidence: minConfidence(own), box: union(own, layout.page) });
    }
  return out;
}

const TERM_DATE = String.raw`\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?`;
/** A validity term by its grammar: [date] 至 date|长期 (自 before it, 止 after it, are no part). */
const TERM = new RegExp(
  `(?:${TERM_DATE})?\\s*(?:起)?至\\s*(?:${TERM_DATE}|长期|永久|长久|不约定期限|无固定期限)`,
  'u',
);

/**
 * Text with a validity term's grammar anywhere on the page (see TERM), each run of text
 * read with its continuation, so that a term wrapped after its 至 is read whole.
 */
export function termCandidates(layout: PageLayout): PageCandidate[] {
  const out: PageCandidate[] = [];
  for (const run of wrappedRuns(layout, (g) => g.key)) {
    const m = TERM.exec(run.text);
    const own = m && matchedGlyphs(run, m.index, m[0]);
    if (!m || !own) continue;
    out.push({ text: m[0], confidence: minConfidence(own), box: union(own, layout.page) });
  }
  return out;
}

/** A piece of a line's text, and the label it follows on its line, if any. */
interface Segment {
  glyphs: Glyph[];
  /** The label right before it (its colon between them at most): the piece is its value. */
  after: LabelHit | null;
}

/** A line's pieces of text between wide gaps, separators and labels. */
function segments(layout: PageLayout): Segment[] {
  const out: Segment[] = [];
  for (const line of layout.lines) {
    const labelled = labelGlyphs(line, layout.hits);
    let current: Glyph[] = [];
    /** The label the next piece follows, while only separators stand between them. */
    let after: LabelHit | null = null;
    let currentAfter: LabelHit | null = null;
    line.glyphs.forEach((g, i) => {
      const prev = line.glyphs[i - 1];
      const gap = prev ? (g.x0 - prev.x1) / line.h : 0;
      if (labelled(i) || SEPARATORS.has(g.ch) || gap > 1.5) {
        if (current.length > 0) out.push({ glyphs: current, after: currentAfter });
        current = [];
        if (labelled(i)) after = layout.hits.find((h) => h.line === line && h.to === i) ?? after;
        if (labelled(i) || SEPARATORS.has(g.ch)) return;
      }
      if (current.length === 0) currentAfter = after;
      after = null;
      current.push(g);
    });
    if (current.length > 0) out.push({ glyphs: current, after: currentAfter });
  }
  return out;
}

/** How a bank permit prints its serial number (编号): its region's four digits, a hyphen, eight. */
const PERMIT_SERIAL = /^\d{4}\s*-\s*\d{8}$/u;

/** The field a label's value fills, or null for a stop word or a term. */
const fieldOf = (hit: LabelHit | null): string | null => {
  // A wrapped label's rest (负责人）) stands for the label it continues.
  const target = (hit?.of ?? hit)?.def.target;
  return target && 'field' in target ? target.field : null;
};

/**
 * The one piece of text on the page that has the field's type (and is nothing it can
 * never be), for a field whose label was not found or gave no value of its type. Only a
 * type that tells a value apart (a bank's name, an account number alone on its segment)
 * is searched; two different matches give nothing.
 */
export function typeSearch(layout: PageLayout, field: string): PageCandidate[] {
  const type = typeOf(field);
  const found: PageCandidate[] = [];
  for (const { glyphs: seg, after } of segments(layout)) {
    // The value beside another field's label is that field's (a J-number read 1… beside
    // 基本存款账户编号 is no account number).
    const other = fieldOf(after);
    if (other !== null && other !== field) continue;
    const box = union(seg, layout.page);
    const raw = seg.map((g) => g.ch).join('');
    const value = type.parse(raw);
    if (value === null || !type.valid(value) || neverValue(field, value) !== null) continue;
    // The account holder is the one organisation on a bank form that is no bank.
    if (field === 'accountName' && isBankName(value)) continue;
    // An account number is the whole segment: digits inside a longer code are not one.
    if (field === 'accountNumber' && raw.replace(/[\s-]/gu, '') !== value) continue;
    // A permit's serial (编号 3205-37593638: four digits of its region, a hyphen, eight) is
    // no account number, which is printed whole or in groups of four.
    if (field === 'accountNumber' && PERMIT_SERIAL.test(raw.trim())) continue;
    found.push({ text: raw, confidence: minConfidence(seg), box });
  }
  const distinct = new Set(found.map((f) => type.parse(f.text)));
  return distinct.size === 1 ? found.slice(0, 1) : [];
}
