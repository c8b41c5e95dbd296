// Reading a page by its geometry: text items (PDF runs, OCR words or lines) are split
// into positioned characters, characters into lines, labels are found on lines (also
// spaced out `名  称` with ideographic spaces, split across items, or misread by one character), and a label's
// value is the text to its right or below it, bounded by the next label and by the
// column it sits in, continued over wrapped lines.
import type { Box, PageText, TextItem } from '../extraction';
import { foldWidth, mapRadicals } from '../text/normalise';
import type { LabelDef } from './labels';

export interface Glyph {
  ch: string;
  /** The character folded for label matching (width folded: （ → (). */
  key: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  confidence: number;
}

export interface Line {
  page: number;
  glyphs: Glyph[];
  y0: number;
  y1: number;
  /** Typical character height on the line. */
  h: number;
}

export interface LabelHit {
  def: LabelDef;
  line: Line;
  /** Index of the first and last glyph of the label in line.glyphs. */
  from: number;
  to: number;
  x0: number;
  x1: number;
  exact: boolean;
}

export interface ValueRegion {
  glyphs: Glyph[][];
  text: string;
  confidence: number;
  box: Box;
}

const CJK_CHAR = /[\u3400-\u9fff]/u;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const SEPARATORS = new Set([':', '：', '﹕']);

function charWeight(ch: string): number {
  if (/\s/u.test(ch)) return 0.35;
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x2e80 ? 0.55 : 1;
}

/** An item's characters, each with an estimated box (full-width characters twice as wide). */
export function itemGlyphs(item: TextItem): Glyph[] {
  const chars = [...mapRadicals(item.text).replace(INVISIBLE, '')];
  const total = chars.reduce((sum, ch) => sum + charWeight(ch), 0);
  if (total === 0) return [];
  const unit = item.w / total;
  const glyphs: Glyph[] = [];
  let x = item.x;
  for (const ch of chars) {
    const w = charWeight(ch) * unit;
    if (!/\s/u.test(ch)) {
      glyphs.push({
        ch,
        key: foldWidth(ch),
        x0: x,
        x1: x + w,
        y0: item.y,
        y1: item.y + item.h,
        confidence: item.confidence,
      });
    }
    x += w;
  }
  return glyphs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Groups a page's glyphs into lines, top to bottom, each sorted left to right. */
export function pageLines(page: PageText): Line[] {
  const glyphs = page.items
    .flatMap(itemGlyphs)
    .sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const lines: Line[] = [];
  for (const g of glyphs) {
    const centre = (g.y0 + g.y1) / 2;
    const h = g.y1 - g.y0;
    // Same line when the centres are close: strict, so that two columns whose rows are
    // offset by half a line do not merge.
    // Text twice the line's size (a seal, a title) is not on that line either: it would
    // pull the line's centre and split the label beside it.
    const line = lines.find(
      (l) =>
        Math.abs((l.y0 + l.y1) / 2 - centre) < 0.35 * Math.max(l.h, h) &&
        Math.max(l.h, h) < 1.7 * Math.min(l.h, h),
    );
    if (line) {
      line.glyphs.push(g);
      line.y0 = Math.min(line.y0, g.y0);
      line.y1 = Math.max(line.y1, g.y1);
      line.h = median(line.glyphs.map((x) => x.y1 - x.y0));
    } else {
      lines.push({ page: page.page, glyphs: [g], y0: g.y0, y1: g.y1, h });
    }
  }
  for (const line of lines) line.glyphs.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.y0 - b.y0);
}

/** Gap before glyph i of a line, in line heights (Infinity at the line start). */
function gapBefore(line: Line, i: number): number {
  const prev = line.glyphs[i - 1];
  const cur = line.glyphs[i];
  if (!prev || !cur) return Infinity;
  return (cur.x0 - prev.x1) / line.h;
}

function editDistanceAtMostOne(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return true;
}

/** Widest gap allowed between two characters of one label, in line heights (`名  称` with ideographic spaces). */
const MAX_LABEL_GAP = 4;

/**
 * Finds the labels on a page's lines: exact matches first, longest alias first, then
 * (for aliases of 4 or more characters not found exactly) one substituted character.
 * A label must start a line, follow a clear gap or a separator, or be an inline label.
 */
export function findLabels(lines: Line[], defs: readonly LabelDef[]): LabelHit[] {
  const aliases = defs
    .flatMap((def) => def.aliases.map((alias) => ({ def, chars: [...foldWidth(alias)] })))
    .sort((a, b) => b.chars.length - a.chars.length);
  const hits: LabelHit[] = [];
  const claimed = new Map<Line, boolean[]>();
  const foundExactly = new Set<string>();

  const tryMatch = (line: Line, start: number, chars: string[], fuzzy: boolean): number | null => {
    const used = claimed.get(line) ?? [];
    if (start + chars.length > line.glyphs.length) return null;
    const keys: string[] = [];
    for (let k = 0; k < chars.length; k++) {
      const i = start + k;
      if (used[i]) return null;
      if (k > 0 && gapBefore(line, i) > MAX_LABEL_GAP) return null;
      keys.push(line.glyphs[i]?.key ?? '');
    }
    const exact = keys.every((key, k) => key === chars[k]);
    if (
      exact ||
      (fuzzy && chars.length >= 4 && editDistanceAtMostOne(keys, chars) && keys[0] === chars[0])
    )
      return start + chars.length - 1;
    // A two-character label whose first character OCR misread (礼名, 社别, 佳址 for 姓名,
    // 性别, 住址 in a small blue Kai font): only at the very start of a line.
    if (fuzzy && chars.length === 2 && start === 0 && keys[1] === chars[1] && keys[0] !== chars[1])
      return start + 1;
    return null;
  };

  const atSegmentStart = (line: Line, i: number, def: LabelDef): boolean => {
    if (def.inline) return true;
    if (i === 0 || gapBefore(line, i) >= 0.8) return true;
    const prev = line.glyphs[i - 1];
    return (
      prev !== undefined &&
      (SEPARATORS.has(prev.ch) || hits.some((h) => h.line === line && h.to === i - 1))
    );
  };

  for (const pass of ['exact', 'fuzzy'] as const) {
    for (const { def, chars } of aliases) {
      if (
        pass === 'fuzzy' &&
        ((chars.length < 4 && chars.length !== 2) || foundExactly.has(def.id))
      )
        continue;
      for (const line of lines) {
        for (let i = 0; i < line.glyphs.length; i++) {
          const end = tryMatch(line, i, chars, pass === 'fuzzy');
          if (end === null || !atSegmentStart(line, i, def)) continue;
          const used = claimed.get(line) ?? Array<boolean>(line.glyphs.length).fill(false);
          for (let k = i; k <= end; k++) used[k] = true;
          claimed.set(line, used);
          hits.push({
            def,
            line,
            from: i,
            to: end,
            x0: line.glyphs[i]?.x0 ?? 0,
            x1: line.glyphs[end]?.x1 ?? 0,
            exact: pass === 'exact',
          });
          if (pass === 'exact') foundExactly.add(def.id);
          i = end;
        }
      }
    }
  }
  return hits;
}

/**
 * Right edges of label columns: x positions where two or more field labels start (a
 * column of labels). A value never extends into the next column to its right.
 */
function columnStarts(hits: LabelHit[]): number[] {
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

function joinGlyphs(glyphs: Glyph[], h: number): string {
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

function union(glyphs: Glyph[], page: number): Box {
  const x0 = Math.min(...glyphs.map((g) => g.x0));
  const y0 = Math.min(...glyphs.map((g) => g.y0));
  const x1 = Math.max(...glyphs.map((g) => g.x1));
  const y1 = Math.max(...glyphs.map((g) => g.y1));
  return { page, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Largest gap inside a value on one line before it is cut, in line heights. */
const MAX_VALUE_GAP = 3;

/**
 * The value of a label: on its line to the right (up to the next label or column), or
 * else on the line below; then the wrapped lines that follow, aligned with the value's
 * first character, until a label of the same column, a wide vertical gap, or the end.
 */
export function readValue(hit: LabelHit, hits: LabelHit[], lines: Line[]): ValueRegion | null {
  const { line } = hit;
  const h = line.h;
  const nextOnLine = hits
    .filter((o) => o.line === line && o.x0 > hit.x1 - 0.1 * h)
    .reduce((min, o) => Math.min(min, o.x0), Infinity);
  const nextColumn = columnStarts(hits).find((x) => x > hit.x1 + h) ?? Infinity;
  const right = Math.min(nextOnLine, nextColumn) - 0.2 * h;

  const take = (l: Line, from: number, alignTo: number | null): Glyph[] => {
    const out: Glyph[] = [];
    for (const g of l.glyphs) {
      if (g.x0 < from - 0.1 * h || g.x1 > right + 0.5 * h) continue;
      if (labelGlyph(l, g, hits)) break;
      const prev = out[out.length - 1];
      if (prev && (g.x0 - prev.x1) / l.h > MAX_VALUE_GAP) break;
      if (!prev && alignTo !== null && Math.abs(g.x0 - alignTo) > 1.5 * l.h) return [];
      out.push(g);
    }
    while (out[0] && SEPARATORS.has(out[0].ch)) out.shift();
    return out;
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
  if (sameLine.length > 0) {
    rows.push(sameLine);
    valueX0 = sameLine[0]?.x0 ?? hit.x1;
    bottom = line.y1;
  } else {
    // Nothing to the right: the value is on the next line, starting near the label.
    const below = lines[lineIndex + 1];
    if (!below || below.y0 - line.y1 > 2.5 * h || lineHasColumnLabel(below, hit, hits)) return null;
    const first = take(below, hit.x0 - 1.5 * h, null);
    if (first.length === 0) return null;
    rows.push(first);
    valueX0 = first[0]?.x0 ?? hit.x0;
    bottom = below.y1;
    lineIndex += 1;
  }

  for (let i = lineIndex + 1; i < lines.length && hit.def.singleLine !== true; i++) {
    const next = lines[i];
    if (!next) break;
    const inRange = next.glyphs.filter((g) => g.x1 > valueX0 - 0.6 * h && g.x0 < right);
    if (inRange.length === 0) continue; // a line of another column only
    if (next.y0 - bottom > 1.5 * h) break;
    if (lineHasColumnLabel(next, hit, hits, valueX0, right)) break;
    // A label left of the value column beside this line (grouped into a line of its own
    // when a photo tilts the rows) owns it: "账号 1173…" does not continue the bank name.
    if (hasLabelBeside(next, hit, hits, valueX0)) break;
    const row = take(next, valueX0 - 0.6 * h, valueX0);
    if (row.length === 0) break;
    // A row of digits alone under Chinese text is the next field whose label OCR missed
    // (an account number under the bank's name), not a wrapped line.
    const last = rows[rows.length - 1]?.at(-1)?.ch ?? '';
    if (CJK_CHAR.test(last) && row.length >= 6 && row.every((g) => /[0-9]/.test(g.ch))) break;
    rows.push(row);
    bottom = next.y1;
  }

  const glyphs = rows.flat();
  if (glyphs.length === 0) return null;
  return {
    glyphs: rows,
    text: rows.map((row) => joinGlyphs(row, h)).join(''),
    confidence: Math.min(...glyphs.map((g) => g.confidence)),
    box: union(glyphs, line.page),
  };
}

function hasLabelBeside(line: Line, hit: LabelHit, hits: LabelHit[], valueX0: number): boolean {
  return hits.some((o) => {
    // Only a label of the same column (two-column layouts put other labels beside wraps).
    if (o === hit || o.line === line || o.line === hit.line || o.x1 > valueX0) return false;
    if (Math.abs(o.x0 - hit.x0) > 3 * hit.line.h) return false;
    const overlap = Math.min(o.line.y1, line.y1) - Math.max(o.line.y0, line.y0);
    return overlap > 0.4 * Math.min(o.line.y1 - o.line.y0, line.y1 - line.y0);
  });
}

function labelGlyph(line: Line, g: Glyph, hits: LabelHit[]): boolean {
  const i = line.glyphs.indexOf(g);
  return hits.some((o) => o.line === line && i >= o.from && i <= o.to);
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
      ((o.x0 < hit.x1 + 2 * h && o.x1 > hit.x0 - 2 * h) ||
        (valueX0 !== undefined && right !== undefined && o.x1 > valueX0 - 4 * h && o.x0 < right)),
  );
}

export interface Run {
  text: string;
  confidence: number;
  box: Box;
}

/**
 * Matches of `pattern` (global) on each line's characters, width folded and upper-cased:
 * for values found by their shape where their label was not read.
 */
export function findRuns(lines: Line[], pattern: RegExp): Run[] {
  const runs: Run[] = [];
  for (const line of lines) {
    // One UTF-16 unit per glyph, so that a match's index is a glyph index.
    const keys = line.glyphs.map((g) => {
      const key = foldWidth(g.ch).toUpperCase();
      return key.length === 1 ? key : '\uFFFD';
    });
    for (const m of keys.join('').matchAll(pattern)) {
      const glyphs = line.glyphs.slice(m.index, m.index + m[0].length);
      runs.push({
        text: m[0],
        confidence: Math.min(...glyphs.map((g) => g.confidence)),
        box: union(glyphs, line.page),
      });
    }
  }
  return runs;
}
