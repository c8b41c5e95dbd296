// A page read for its labels: where the labels are, the columns they form, where a
// label's value must end on the right and where the values of a column line up.
import type { PageText } from '../extraction';
import { SEPARATORS, findLabels, type LabelHit } from './anchors';
import type { LabelDef } from './labels';
import { pageLines, type Glyph, type Line, type WorkCounter } from './lines';

/**
 * Right edges of label columns: x positions where two or more field labels start (a
 * column of labels). A value never extends into the next column to its right.
 */
export function columnStarts(hits: LabelHit[]): number[] {
  const starts: number[] = [];
  const fieldHits = hits.filter((h) => h.def.target !== null);
  for (const hit of fieldHits) {
    const aligned = fieldHits.filter(
      (o) => o !== hit && Math.abs(o.x0 - hit.x0) < hit.line.h * 0.8,
    );
    if (aligned.length > 0 && !starts.some((s) => Math.abs(s - hit.x0) < hit.line.h))
      starts.push(hit.x0);
  }
  return starts.sort((a, b) => a - b);
}

/** A page read for its labels: lines, label hits (top-left first) and label columns. */
export interface PageLayout {
  page: number;
  lines: Line[];
  hits: LabelHit[];
  columns: number[];
  work?: WorkCounter;
}

export function layoutPage(
  page: PageText,
  defs: readonly LabelDef[],
  work?: WorkCounter,
  lines: Line[] = pageLines(page, work),
): PageLayout {
  const hits = findLabels(lines, defs, work);
  // Top-left first, so that a label printed twice is read where it appears first.
  hits.sort((a, b) => a.line.y0 - b.line.y0 || a.x0 - b.x0);
  return { page: page.page, lines, hits, columns: columnStarts(hits), ...(work ? { work } : {}) };
}

/** Where a label's value must end on the right: the next label on its line, or the next column. */
export function rightBound(hit: LabelHit, layout: PageLayout): number {
  const h = hit.line.h;
  const nextOnLine = layout.hits
    .filter((o) => o.line === hit.line && o.x0 > hit.x1 - 0.1 * h)
    .reduce((min, o) => Math.min(min, o.x0), Infinity);
  const nextColumn = layout.columns.find((x) => x > hit.x1 + h) ?? Infinity;
  return Math.min(nextOnLine, nextColumn) - 0.2 * h;
}

export function joinGlyphs(glyphs: Glyph[], h: number): string {
  let out = '';
  glyphs.forEach((g, i) => {
    const prev = glyphs[i - 1];
    // A visible space only between two Latin letters or digits set clearly apart.
    if (prev && g.x0 - prev.x1 > 0.5 * h && /[A-Za-z0-9]/.test(prev.ch) && /[A-Za-z0-9]/.test(g.ch))
      out += ' ';
    out += g.ch;
  });
  return out;
}
/** Where the value beside a label starts on its line: its first glyph after the label and colon. */
function valueStartBeside(hit: LabelHit, layout: PageLayout): number | null {
  const right = rightBound(hit, layout);
  for (const g of hit.line.glyphs.slice(hit.to + 1)) {
    if (g.x0 > right) return null;
    if (!SEPARATORS.has(g.ch)) return g.x0;
  }
  return null;
}

/**
 * Where the values beside a column of labels start, where they line up: the x that at
 * least two other labels of the column (starting within a line height of this one, and
 * ending left of it) have their value start at, within a third of a line height. Null
 * where the values follow their labels (名称：…, 法定代表人：…) and line up nowhere.
 */
export function valueColumnStart(hit: LabelHit, layout: PageLayout): number | null {
  const h = hit.line.h;
  const starts: number[] = [];
  for (const o of layout.hits) {
    if (o === hit || o.def.target === null || Math.abs(o.x0 - hit.x0) > h) continue;
    const x = valueStartBeside(o, layout);
    if (x !== null && x > o.x1) starts.push(x);
  }
  starts.sort((a, b) => a - b);
  for (let i = 0; i + 1 < starts.length; i++)
    if (starts[i + 1]! - starts[i]! < h / 3) return starts[i]!;
  return null;
}

/**
 * Whether a value beside its label starts a character or more right of where the other
 * values of its column start, its label leaving room for it there: the OCR lost its first
 * character(s) (珩越… read 越…, 珩 never boxed), though every character it gave was sure.
 */
export function startsRightOfColumn(hit: LabelHit, layout: PageLayout, valueX0: number): boolean {
  const h = hit.line.h;
  const start = valueColumnStart(hit, layout);
  if (start === null || hit.x1 > start - 0.2 * h) return false;
  const shift = valueX0 - start;
  return shift > 0.7 * h && shift < 4 * h;
}

/** Per line, which glyphs belong to a label: built once per page's hits, not per glyph. */
const labelMasks = new WeakMap<LabelHit[], WeakMap<Line, Uint8Array>>();

/** Whether glyph i of a line is part of a label. */
export function labelGlyphs(line: Line, hits: LabelHit[]): (i: number) => boolean {
  let masks = labelMasks.get(hits);
  if (!masks) {
    masks = new WeakMap();
    for (const hit of hits) {
      const mask = masks.get(hit.line) ?? new Uint8Array(hit.line.glyphs.length);
      mask.fill(1, hit.from, hit.to + 1);
      masks.set(hit.line, mask);
    }
    labelMasks.set(hits, masks);
  }
  const mask = masks.get(line);
  return (i) => mask?.[i] === 1;
}
