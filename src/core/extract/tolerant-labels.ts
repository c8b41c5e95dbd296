// Labels are anchors, not requirements: a label the OCR misread past what findLabels
// (anchors.ts) accepts on its own still points to its value where the page agrees: 住阶,
// 名R, 类塑 for 住所, 名称, 类型 (a two-character label's second character; a three-character
// label's one), 法定代人 for 法定代表人 (a longer label with a character lost), 住城所 for 住所
// (a seal's speck read inside it). A word one edit from a label is common (住宿 in a
// scope, 名下 in a sentence), so such a candidate counts only where everything else says
// label: it starts a line or a cell in the column of the page's other labels, its field
// has no label elsewhere on the page, it lies in no other field's value, the text beside
// or below it has its field's type and does not start with the rest of a label (所：), and
// no other candidate competes for the field or its glyphs. Its value is never trusted at
// 0.9 (scoring.ts CONFIDENCE_CAP.fuzzyLabel): it was found through a guess.
import { MAX_LABEL_GAP, SEPARATORS, gapBefore, labelKey, type LabelHit } from './label-match';
import type { LabelDef } from './labels';
import { readValue, type ValueRegion } from './layout';
import type { DocumentText } from '../extraction';
import type { Glyph, Line } from './lines';
import { columnStarts, labelGlyphs, type PageLayout } from './page-layout';
import { parseTerm } from './values';
import { cutShort, neverValue, typeOf } from './value-types';
import { foldWidth } from '../text/normalise';

/** What a label reads into: its field, or `term` for a validity term's two dates. */
const targetKey = (def: LabelDef): string | null =>
  def.target === null ? null : 'field' in def.target ? def.target.field : 'term';

/** How far a candidate may start from another label's left edge, in line heights. */
const COLUMN_SLACK = 0.8;
/** The gap before a cell's first character on a line that holds more than one cell. */
const CELL_GAP = 0.8;
/**
 * The most candidates whose value is read on a page: a form has a handful of labels, so a
 * few misread ones; a page of hundreds of rows one edit from a label is no form to agree
 * with (and reading each one's value over the rows below would cost rows squared).
 */
const MAX_CANDIDATES = 12;

/** Whether a value read for a label is one of its field's (or, for a term, a whole term). */
function ofItsType(def: LabelDef, text: string): boolean {
  const target = def.target;
  if (target === null) return false;
  if ('term' in target) return parseTerm(text).every((v) => v !== null);
  const field = target.field;
  const type = typeOf(field);
  const value = type.parse(text);
  return (
    value !== null &&
    type.valid(value) &&
    neverValue(field, value) === null &&
    cutShort(field, value) === null
  );
}

/**
 * Where a label's characters (`chars`, label keys) may have been read at glyph `start` of
 * a line with one edit the exact and fuzzy passes of findLabels do not make: one character
 * substituted in a label of two or three, one lost from a label of four or more, one
 * inserted inside any (a speck of a seal read between 住 and 所). The index of the label's
 * last glyph for each, fewest glyphs first. The label's characters keep its spacing.
 */
function oneEdit(line: Line, start: number, chars: readonly string[]): number[] {
  const n = chars.length;
  const key = (i: number): string | undefined => labelKey(line.glyphs[i]?.key);
  const spaced = (to: number): boolean => {
    if (to >= line.glyphs.length) return false;
    for (let i = start + 1; i <= to; i++) if (gapBefore(line, i) > MAX_LABEL_GAP) return false;
    return true;
  };
  const readable = (i: number): boolean => {
    const g = line.glyphs[i];
    return g !== undefined && !SEPARATORS.has(g.ch) && g.ch.trim() !== '';
  };
  /** Whether the glyphs from `start` read `chars` but for the one skipped at `skip`. */
  const readsAs = (length: number, skip: (k: number, c: number) => boolean): boolean => {
    for (let k = 0, c = 0; k < length; k++) {
      if (skip(k, c)) continue;
      if (key(start + k) !== chars[c]) return false;
      c++;
    }
    return true;
  };
  const ends: number[] = [];
  // One character lost (n >= 4): the others in order, the first or the last may be it.
  if (n >= 4 && spaced(start + n - 2))
    for (let lost = 0; lost < n; lost++) {
      let same = true;
      for (let k = 0, c = 0; c < n && same; c++) {
        if (c === lost) continue;
        same = key(start + k) === chars[c];
        k++;
      }
      if (same) {
        ends.push(start + n - 2);
        break;
      }
    }
  // One character substituted (n <= 3; findLabels takes longer labels so).
  if (n <= 3 && spaced(start + n - 1)) {
    const diff = chars.findIndex((c, k) => key(start + k) !== c);
    const other = diff < 0 ? -1 : chars.findIndex((c, k) => k > diff && key(start + k) !== c);
    // Exact (then findLabels turned it down for a reason) or misread where no glyph is.
    if (diff >= 0 && other < 0 && readable(start + diff)) ends.push(start + n - 1);
  }
  // One glyph inserted inside the label, its first and last characters read.
  if (spaced(start + n))
    for (let extra = 1; extra < n; extra++)
      if (readable(start + extra) && readsAs(n + 1, (k) => k === extra)) {
        ends.push(start + n);
        break;
      }
  return ends;
}

/**
 * Whether a value starts with a piece of its label: a character or two, then a colon
 * (所：上海市… after 住城: the label is 住城所, a character inserted in it).
 */
function labelRunsOn(value: ValueRegion): boolean {
  const first = value.glyphs[0] ?? [];
  return first.slice(1, 4).some((g) => SEPARATORS.has(g.ch));
}

/** Whether glyph `g` lies in one of a value's rows. */
const inRegion = (region: ValueRegion | null, g: Glyph): boolean =>
  region !== null && region.glyphs.some((row) => row.includes(g));

/**
 * The labels the page agrees a misread word is (see the file comment), to add to
 * `layout.hits`. Two candidates for one field, or two sharing a glyph, are none: the page
 * does not say which is the label.
 */
export function tolerantLabels(layout: PageLayout, defs: readonly LabelDef[]): LabelHit[] {
  const { hits, lines } = layout;
  const found = new Set(hits.map((h) => targetKey(h.def)).filter((k) => k !== null));
  const fieldHits = hits.filter((h) => h.def.target !== null && h.of === undefined);
  // Nothing to agree with: a page with no label read is no form whose column to find.
  if (fieldHits.length === 0) return [];
  const wanted = defs.filter((def) => {
    const key = targetKey(def);
    return key !== null && !found.has(key);
  });
  if (wanted.length === 0) return [];

  /** What another label's value holds, as scoring.ts would read it: computed once each. */
  const valueOf = new Map<LabelHit, { aligned: ValueRegion | null; margin: ValueRegion | null }>();
  const insideValue = (line: Line, g: Glyph): boolean =>
    fieldHits.some((o) => {
      let read = valueOf.get(o);
      if (!read) {
        const aligned = readValue(o, layout);
        // Text wrapped back under the label (a paragraph) is the value's only where the
        // aligned text is not a whole value of its type, as in scoring.ts.
        const settled = aligned !== null && ofItsType(o.def, aligned.text);
        read = { aligned, margin: settled ? null : readValue(o, layout, true) };
        valueOf.set(o, read);
      }
      if (inRegion(read.aligned, g)) return true;
      // Where the aligned value ran on into the candidate's line, right of it, that line is
      // a row of the table whose label it may be: a paragraph's line runs in from the
      // margin and is never read as an aligned wrap.
      const rowMate = read.aligned?.glyphs.some((row) => row.some((x) => line.glyphs.includes(x)));
      return !rowMate && inRegion(read.margin, g);
    });

  const inColumn = (line: Line, g: Glyph): boolean =>
    fieldHits.some(
      (o) => o.line !== line && Math.abs(o.x0 - g.x0) < COLUMN_SLACK * Math.max(o.line.h, line.h),
    );
  const cellStart = (line: Line, i: number): boolean =>
    i === 0 ||
    gapBefore(line, i) >= CELL_GAP ||
    SEPARATORS.has(line.glyphs[i - 1]?.ch ?? '') ||
    labelGlyphs(line, hits)(i - 1);

  const accepted: LabelHit[] = [];
  let candidates = 0;
  for (const def of wanted)
    for (const alias of def.aliases) {
      const chars = [...foldWidth(alias).replace(/[\s:：]/gu, '')].map((c) => labelKey(c)!);
      if (chars.length < 2) continue;
      for (const line of lines) {
        const labelled = labelGlyphs(line, hits);
        for (let i = 0; i < line.glyphs.length; i++) {
          if (layout.work) layout.work.steps++;
          const g = line.glyphs[i]!;
          if (labelled(i) || !cellStart(line, i)) continue;
          const ends = oneEdit(line, i, chars);
          if (ends.length === 0 || !inColumn(line, g) || insideValue(line, g)) continue;
          for (const end of ends) {
            let free = true;
            for (let k = i; k <= end; k++) if (labelled(k)) free = false;
            if (!free) continue;
            const hit: LabelHit = {
              def,
              line,
              from: i,
              to: end,
              x0: g.x0,
              x1: line.glyphs[end]!.x1,
              exact: false,
            };
            if (++candidates > MAX_CANDIDATES) return [];
            const value = readValue(hit, { ...layout, hits: [...hits, hit] });
            if (value === null || !ofItsType(def, value.text) || labelRunsOn(value)) continue;
            // Two aliases of one label read at one place (类型, 公司类型) are one candidate.
            if (!accepted.some((o) => o.def === def && o.line === line && o.from === i))
              accepted.push(hit);
            break;
          }
        }
      }
    }
  return accepted.filter(
    (hit) =>
      !accepted.some(
        (o) =>
          o !== hit &&
          (targetKey(o.def) === targetKey(hit.def) ||
            (o.line === hit.line && o.from <= hit.to && hit.from <= o.to)),
      ),
  );
}

/**
 * The page's layout with the labels tolerantLabels accepts among its hits, from OCR: a
 * text layer holds the labels as printed.
 */
export function withTolerantLabels(
  layout: PageLayout,
  defs: readonly LabelDef[],
  source: DocumentText['source'],
): PageLayout {
  if (source === 'pdf-text') return layout;
  const more = tolerantLabels(layout, defs);
  if (more.length === 0) return layout;
  const hits = [...layout.hits, ...more].sort((a, b) => a.line.y0 - b.line.y0 || a.x0 - b.x0);
  return { ...layout, hits, columns: columnStarts(hits) };
}
