// A label's value read by layout: the text to its right or below it, bounded by the next
// label and by the column it sits in, continued over wrapped lines.
import type { Box } from '../extraction';
import { SEPARATORS, type LabelHit } from './anchors';
import { isCopyStamp } from './value-types';
import { minConfidence, union, type Glyph, type Line } from './lines';
import { withoutLoneTail } from './lone-glyph';
import { joinGlyphs, labelGlyphs, rightBound, type PageLayout } from './page-layout';
import { unreadLabelBeside } from './row-labels';
import { CJK_UNIFIED, HAS_HAN } from '../text/han';

export interface ValueRegion {
  glyphs: Glyph[][];
  text: string;
  confidence: number;
  box: Box;
}

/** Whether a line's text is about the size h (not a title, a seal, a QR code, a watermark). */
const sameSize = (line: Line, h: number): boolean => line.h <= 1.6 * h && line.h >= h / 1.6;

/**
 * How far left of the value's first character its wrapped line may start, in line heights:
 * OCR boxes of a scan or photo start up to most of a character apart on aligned rows
 * (1314室 under 浙江省… 0.75 of a character left of it).
 */
const WRAP_SLACK = 1;

/** How much wider than a value's first wrap the gap before a later row may be. */
const PITCH_SLACK = 1.25;
/** The widest gap between two rows of one value, in line heights, whatever its spacing. */
const MAX_WRAP_GAP = 2;
/**
 * The most a value is trusted whose last row has text of another size right under it, in
 * its column: a watermark read together with the value's next row hides where it ends
 * (an ID address read to 留下街道演示 at 0.97, its 巷337号4幢403室 read into 他用无效).
 */
const HIDDEN_END = 0.85;
/**
 * The most a value is trusted that was found on the line below its label yet starts right
 * of where the label ends, in the column beside it: its row beside the label was lost (a
 * watermark over the scope's first row, read into it), and what was read begins with its
 * second row (a scope without its 一般项目：…).
 */
const HIDDEN_START = 0.85;

/**
 * Largest gap inside a value on one line before it is cut, in line heights (or in its
 * characters' width where that is more: a photo's OCR boxes hug the ink, lower than the
 * characters are wide, and a lost 。 between ） and （ leaves a gap of 3.3 box heights).
 */
export const MAX_VALUE_GAP = 3;

/** A full-width character's width (an ideograph's, a full-width mark's); 0 for others. */
const em = (g: Glyph): number => (FULL_WIDTH.test(g.ch) ? g.x1 - g.x0 : 0);
const FULL_WIDTH = /[\u3000-\u303f\u3400-\u9fff\uff01-\uff60]/u;

/** Below this a box holding no ideograph is noise the OCR read as letters (lines.ts specks). */
const NOISE_CONFIDENCE = 0.3;

/**
 * Whether a glyph of the line belongs to a box of noise: no ideograph in it, read below
 * NOISE_CONFIDENCE as a whole (a copy's background pattern read AEEM at 0.21 left of an ID
 * address's second row). A letter's confidence is its box's (lines.ts itemGlyphs).
 */
function noiseOf(line: Line): (g: Glyph) => boolean {
  const withHan = new Set(line.glyphs.filter((g) => HAS_HAN.test(g.ch)).map((g) => g.item));
  return (g) => g.item !== undefined && !withHan.has(g.item) && g.confidence < NOISE_CONFIDENCE;
}

/**
 * The value of a label: on its line to the right (up to the next label or column), or
 * else on the line below; then the wrapped lines that follow, aligned with the value's
 * first character, until a label of the same column, a wide vertical gap, or the end.
 */
export function readValue(hit: LabelHit, layout: PageLayout, toMargin = false): ValueRegion | null {
  const { line } = hit;
  const { hits, lines } = layout;
  const h = line.h;
  const right = rightBound(hit, layout);

  const take = (l: Line, from: number, alignTo: number | null): Glyph[] => {
    const out: Glyph[] = [];
    const labelled = labelGlyphs(l, hits);
    const noise = alignTo === null ? () => false : noiseOf(l);
    for (const [i, g] of l.glyphs.entries()) {
      if (layout.work) layout.work.steps++;
      if (g.x0 < from - 0.1 * h) continue;
      // Noise at a wrapped row's start is neither its text nor text running in from its left.
      if (out.length === 0 && noise(g)) continue;
      if (g.x1 > right + 0.5 * h && !runsOn(l, i, out, labelled)) continue;
      if (labelled(i)) break;
      // A colon after the label is no part of the value: the value may stand far from it.
      if (out.length > 0 && out.every((o) => SEPARATORS.has(o.ch))) out.length = 0;
      const prev = out[out.length - 1];
      if (prev && (g.x0 - prev.x1) / Math.max(l.h, em(prev)) > MAX_VALUE_GAP) break;
      if (!prev && alignTo !== null && Math.abs(g.x0 - alignTo) > 1.5 * l.h) return [];
      // A wrapped row starts at the value's edge: text running in from its left is a
      // line of another shape (a paragraph wrapped back to the margin), not this value's.
      let b = i - 1;
      while (b >= 0 && noise(l.glyphs[b]!)) b--;
      const before = l.glyphs[b];
      if (!prev && alignTo !== null && before && !labelled(b) && g.x0 - before.x1 < l.h) return [];
      out.push(g);
    }
    while (out[0] && SEPARATORS.has(out[0].ch)) out.shift();
    return withoutLoneTail(out, l.h);
  };

  const rows: Glyph[][] = [];
  // Text of another size beside the label (a seal, a title) is not its value: the
  // value is then below.
  const beside = take(line, hit.x1, null);
  const first = beside[0];
  const sameLine = first && first.y1 - first.y0 > 1.8 * h ? [] : beside;
  let lineIndex = lines.indexOf(line);
  let valueX0: number;
  let bottom: number;
  // The size the value's wrapped lines are compared with: the label's, or the value's own
  // where its first line was grouped apart from the label's.
  let rowH = h;
  /** Whether the value stands beside its label's column though it was found below it. */
  let startLost = false;
  const apart =
    sameLine.length === 0
      ? (lineBeside(hit, layout, take) ?? besideWrappedLabel(hit, layout, take))
      : null;
  if (sameLine.length > 0) {
    rows.push(sameLine);
    valueX0 = sameLine[0]?.x0 ?? hit.x1;
    bottom = line.y1;
  } else if (apart) {
    rows.push(apart.glyphs);
    valueX0 = apart.glyphs[0]!.x0;
    bottom = apart.line.y1;
    rowH = apart.line.h;
    lineIndex = lines.indexOf(apart.line);
  } else {
    // Nothing to the right: the value is on the next line, starting near the label. A
    // line of another size in between (a QR code beside the code, a seal) is not it. A
    // label wrapped over lines (法定代表人（单位 / 负责人）) ends on its last part's line.
    const last = labelBottom(hit, hits);
    let next = lines.indexOf(last) + 1;
    while (lines[next] && !sameSize(lines[next]!, h)) next++;
    const below = lines[next];
    if (!below || below.y0 - last.y1 > 2.5 * h || lineHasColumnLabel(below, hit, hits)) return null;
    const first = take(below, hit.x0 - 1.5 * h, null);
    if (first.length === 0) return null;
    // Text that runs in from left of where the value would start is the line of another
    // label (出生 1985年9月3日 under 民族, whose 回 was not read), not this one's value.
    const before = below.glyphs[below.glyphs.indexOf(first[0]!) - 1];
    if (
      before &&
      first[0]!.x0 - before.x1 < below.h &&
      !labelGlyphs(below, hits)(below.glyphs.indexOf(before))
    )
      return null;
    // Text beside the next label of the column is that label's value (a photo tilts the
    // rows apart, so it was not grouped into the label's line).
    if (hasLabelBeside(below, hit, hits, first[0]!.x0)) return null;
    rows.push(first);
    valueX0 = first[0]?.x0 ?? hit.x0;
    bottom = below.y1;
    lineIndex = next;
    startLost = valueX0 > hit.x1;
  }

  // Wrapped lines align with the value; with `toMargin`, text beside its label wraps back
  // under the label, as a paragraph does (开户银行：中国工商银行股份有限 / 公司杭州滨江支行).
  const alignX = toMargin && sameLine.length > 0 ? hit.x0 : valueX0;
  if (toMargin && alignX === valueX0) return null;
  let wrappedBack = false;
  /** The gap between the value's first two rows: its line spacing. */
  let wrapGap: number | null = null;
  /** Text of another size right under the value's last row, where its next row may be. */
  let hidden = false;
  for (let i = lineIndex + 1; i < lines.length && hit.def.singleLine !== true; i++) {
    const next = lines[i];
    if (!next) break;
    const inRange = next.glyphs.filter((g) => g.x1 > alignX - 0.6 * h && g.x0 < right);
    if (inRange.length === 0) continue; // a line of another column only
    // A stamp on the copy printed over the value's rows is read past, not as its end.
    if (isCopyStamp(inRange.map((g) => g.ch).join(''))) continue;
    // Text of another size (a diagonal watermark, a seal) is not the value's next line;
    // where it lies right under the value's last row, across its column, the row that
    // followed may have been read into it (a watermark over an address's second line).
    if (!sameSize(next, rowH)) {
      if (next.y0 - bottom <= 1.5 * h && next.y1 > bottom + h) hidden = true;
      continue;
    }
    // A paragraph keeps its line spacing: after its first wrap, a gap up to a little more
    // than that one (OCR boxes of a scan or photo vary) is still the value's next line.
    const gap = next.y0 - bottom;
    if (gap > Math.min(MAX_WRAP_GAP * h, Math.max(1.5 * h, PITCH_SLACK * (wrapGap ?? 0)))) break;
    // A line that starts well above the row just read is printed over it (a stamp), not below.
    if (next.y0 < bottom - 0.5 * h) continue;
    if (lineHasColumnLabel(next, hit, hits, alignX, right)) break;
    // A label left of the value column beside this line (grouped into a line of its own
    // when a photo tilts the rows) owns it: "账号 1173…" does not continue the bank name.
    if (hasLabelBeside(next, hit, hits, alignX)) break;
    if (unreadLabelBeside(next, hit, alignX)) break;
    const row = take(next, alignX - WRAP_SLACK * h, alignX);
    // Text not aligned with the value that starts above the row just read is printed
    // across it (a seal's ring of characters), not a line of another shape below it.
    if (row.length === 0 && next.y0 < bottom) continue;
    // One or two characters alone inside the value's span, well right of where its rows
    // start, are a seal's ring (a text layer keeps each of its characters, of the text's
    // size), not a line of another shape: the value's next row may follow them.
    if (row.length === 0 && next.glyphs.length <= 2 && next.glyphs[0]!.x0 > alignX + 1.5 * h)
      continue;
    if (row.length === 0) break;
    // One or two characters alone that the line after them overlaps by half their height
    // are printed across the rows (a seal's ring character of a text layer, at the
    // column's left edge), not a row: two rows of one value never overlap.
    if (next.glyphs.length <= 2 && overlapsNext(next, lines[i + 1], alignX - 0.6 * h, right))
      continue;
    // Under the label, a wide gap is a label and its value (one whose label OCR missed).
    if (toMargin && row.some((g, k) => k > 0 && (g.x0 - row[k - 1]!.x1) / h > 1.5)) break;
    if (toMargin) wrappedBack = true;
    // A row of digits alone under Chinese text is the next field whose label OCR missed
    // (an account number under the bank's name), not a wrapped line.
    const last = rows[rows.length - 1]?.at(-1)?.ch ?? '';
    if (CJK_UNIFIED.test(last) && row.length >= 6 && row.every((g) => /[0-9]/.test(g.ch))) break;
    rows.push(row);
    if (rows.length === 2) wrapGap = gap;
    bottom = next.y1;
    hidden = false;
  }

  const glyphs = rows.flat();
  if (glyphs.length === 0 || (toMargin && !wrappedBack)) return null;
  return {
    glyphs: rows,
    text: rows.map((row) => joinGlyphs(row, h)).join(''),
    confidence: Math.min(
      minConfidence(glyphs),
      hidden ? HIDDEN_END : 1,
      startLost ? HIDDEN_START : 1,
    ),
    box: union(glyphs, line.page),
  };
}

/**
 * Whether the line after `line` holds more text inside [x0, x1] than `line` and starts
 * above `line`'s middle: the two overlap by half of `line`'s height or more.
 */
function overlapsNext(line: Line, after: Line | undefined, x0: number, x1: number): boolean {
  if (!after) return false;
  const inside = after.glyphs.filter((g) => g.x1 > x0 && g.x0 < x1).length;
  return inside > line.glyphs.length && after.y0 < (line.y0 + line.y1) / 2;
}

/**
 * Whether glyph i of a line, past the value's column edge, runs on from the glyph just
 * taken with no gap (under half a line height) and is no label: text printed across the
 * edge is one text (a scope as wide as the page below the column beside it, whose rows
 * ended higher up); text past a gap there is the next column's.
 */
function runsOn(
  l: Line,
  i: number,
  out: readonly Glyph[],
  labelled: (i: number) => boolean,
): boolean {
  const prev = out.at(-1);
  const g = l.glyphs[i]!;
  return (
    prev !== undefined && prev === l.glyphs[i - 1] && g.x0 - prev.x1 < 0.5 * l.h && !labelled(i)
  );
}

/** A glyph's text size: its height, or an ideograph's width where that is less (a tilt grows a long line's box, not its characters). */
export const textSize = (g: Glyph): number =>
  CJK_UNIFIED.test(g.ch) ? Math.min(g.y1 - g.y0, g.x1 - g.x0) : g.y1 - g.y0;

/**
 * The value's first line where it was grouped apart from its label's: a photo tilts a long
 * value line, whose box then grows taller than the label's and its centre drifts from the
 * label's. A line beside the label (overlapping the label's height by more than half,
 * starting within a few characters of it) whose characters are of the label's size
 * (not a seal or a title) is that line.
 */
function lineBeside(
  hit: LabelHit,
  layout: PageLayout,
  take: (l: Line, from: number, alignTo: number | null) => Glyph[],
): { line: Line; glyphs: Glyph[] } | null {
  const { line } = hit;
  const h = line.h;
  let best: { line: Line; glyphs: Glyph[]; overlap: number } | null = null;
  for (const l of layout.lines) {
    if (l === line) continue;
    const overlap = Math.min(l.y1, line.y1) - Math.max(l.y0, line.y0);
    if (overlap < 0.6 * (line.y1 - line.y0) || (best && overlap <= best.overlap)) continue;
    const glyphs = take(l, hit.x1, null);
    const first = glyphs[0];
    if (!first || first.x0 - hit.x1 > 6 * h) continue;
    const sizes = glyphs.map(textSize).sort((a, b) => a - b);
    const size = sizes[Math.floor(sizes.length / 2)]!;
    if (size > 1.6 * h || size < h / 1.6) continue;
    best = { line: l, glyphs, overlap };
  }
  return best && { line: best.line, glyphs: best.glyphs };
}

/**
 * The value beside a label wrapped over lines (法定代表人（单 / 位负责人）, 法定代表 / 人（单位负
 * / 责人）) when nothing stands beside its first line: the value is centred on the label's
 * lines, so it stands beside a later one or between them. The first line of the label's
 * size whose middle lies within the label's height, with text right of the label (of its
 * part on that line), is that line.
 */
function besideWrappedLabel(
  hit: LabelHit,
  layout: PageLayout,
  take: (l: Line, from: number, alignTo: number | null) => Glyph[],
): { line: Line; glyphs: Glyph[] } | null {
  const parts = layout.hits.filter((o) => o.of === hit);
  if (parts.length === 0) return null;
  const h = hit.line.h;
  const top = hit.line.y0;
  const bottom = Math.max(...parts.map((p) => p.line.y1));
  const labelRight = Math.max(hit.x1, ...parts.map((p) => p.x1));
  for (const l of layout.lines) {
    const middle = (l.y0 + l.y1) / 2;
    if (l === hit.line || middle < top || middle > bottom || !sameSize(l, h)) continue;
    // Right of the label's part on this line (负责人）：张三), or of the whole label.
    const from = parts.find((p) => p.line === l)?.x1 ?? labelRight;
    const glyphs = take(l, from, null);
    // As beside a label's own line, any distance up to the next column (rightBound).
    if (glyphs.length > 0) return { line: l, glyphs };
  }
  return null;
}

/**
 * The line a label ends on: its own, or its lowest wrapped part's (负责人） under
 * 法定代表人（单位), under which a value printed below its label starts.
 */
function labelBottom(hit: LabelHit, hits: readonly LabelHit[]): Line {
  let last = hit.line;
  for (const o of hits) if (o.of === hit && o.line.y1 > last.y1) last = o.line;
  return last;
}

function hasLabelBeside(line: Line, hit: LabelHit, hits: LabelHit[], valueX0: number): boolean {
  return hits.some((o) => {
    // Only a label of the same column (two-column layouts put other labels beside wraps);
    // the label's own wrapped part (称 of 存款人名 / 称) is no other label.
    if (o === hit || o.of === hit || o.line === line || o.line === hit.line || o.x1 > valueX0)
      return false;
    if (Math.abs(o.x0 - hit.x0) > 3 * hit.line.h) return false;
    const overlap = Math.min(o.line.y1, line.y1) - Math.max(o.line.y0, line.y0);
    if (overlap > 0.4 * Math.min(o.line.y1 - o.line.y0, line.y1 - line.y0)) return true;
    // A label wrapped over lines (执行事务 / 合伙人) owns a line centred between its first
    // and its last part: its value, centred on the label's lines in their cell.
    const middle = (line.y0 + line.y1) / 2;
    return middle > o.line.y1 && middle < labelBottom(o, hits).y0;
  });
}

/** Whether a line holds a label of this label's column, or one inside the value's range. */
function lineHasColumnLabel(
  line: Line,
  hit: LabelHit,
  hits: LabelHit[],
  valueX0?: number,
  right?: number,
): boolean {
  const h = hit.line.h;
  return hits.some(
    (o) =>
      o.line === line &&
      o !== hit &&
      // The label's own wrapped part beside the value's wrapped line does not end it.
      o.of !== hit &&
      ((o.x0 < hit.x1 + 2 * h && o.x1 > hit.x0 - 2 * h) ||
        (valueX0 !== undefined && right !== undefined && o.x1 > valueX0 - 4 * h && o.x0 < right)),
  );
}
