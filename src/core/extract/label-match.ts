// A label's characters matched against a line's glyphs (anchors.ts): where a label was
// found, the gaps between its characters, the variants it is printed with, and whether a
// character matched wrongly at its edge is the value's instead.
import type { LabelDef } from './labels';
import type { Line } from './lines';
import { HAN_CHAR } from '../text/han';

/** A horizontal extent on a page. */
export interface Span {
  x0: number;
  x1: number;
  /** The height of the label's characters there, where more than their line's (partHeight). */
  h?: number;
}

/**
 * The height of a label's characters `from`..`to` on a line (their median box height), or
 * the line's where that is more. A line that also holds a long value of lower boxes (a
 * credit code's letters and digits beside 统一社会信) has that value's height, and the
 * label's line spacing measured in it looks too wide: its rest on the next line was lost.
 */
export function partHeight(line: Line, from: number, to: number): number {
  const heights = line.glyphs
    .slice(from, to + 1)
    .map((g) => g.y1 - g.y0)
    .sort((a, b) => a - b);
  return Math.max(line.h, heights[Math.floor(heights.length / 2)] ?? 0);
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
  /** The part of a wrapped label printed on a later line (`负责人）`): the label it continues. */
  of?: LabelHit;
}

export const SEPARATORS = new Set([':', '：', '﹕']);

/** Widest gap allowed between two characters of one label, in line heights (`名  称` with ideographic spaces). */
export const MAX_LABEL_GAP = 4;

/**
 * Gap before glyph i of a line, in line heights (Infinity at the line start); before an
 * ideograph taller than that, in its own height: a line's median height may be a long
 * value's of lower boxes (an account number's digits), in which a letter-spaced label
 * beside it (账 and 号 two ideographic spaces apart) looks spread too wide to be one.
 */
export function gapBefore(line: Line, i: number): number {
  const prev = line.glyphs[i - 1];
  const cur = line.glyphs[i];
  if (!prev || !cur) return Infinity;
  const h = HAN_CHAR.test(cur.ch) ? Math.max(line.h, cur.y1 - cur.y0) : line.h;
  return (cur.x0 - prev.x1) / h;
}

/**
 * Characters printed interchangeably in labels: 帐 for 账 (帐号, 帐户名称), as many banks
 * still print them. Labels are matched on these keys; values keep their characters.
 */
const LABEL_VARIANTS: Readonly<Record<string, string>> = { 帐: '账' };
export const labelKey = (key: string | undefined): string | undefined =>
  key === undefined ? undefined : (LABEL_VARIANTS[key] ?? key);

/**
 * Where a label matched with one character substituted has that character, when it is its
 * first or last and set apart from the rest by a wider gap than the label's own spacing:
 * then it is the value's first character beside a label the OCR cut short (法定代表 | 褚斌博
 * is not 法定代表人 followed by 斌博), not a misread character of the label.
 */
export function edgeApart(
  line: Line,
  start: number,
  chars: readonly string[],
): 'first' | 'last' | null {
  const n = chars.length;
  const differs = (k: number): boolean => labelKey(line.glyphs[start + k]?.key) !== chars[k];
  const edge = differs(n - 1) ? n - 1 : differs(0) ? 0 : -1;
  if (edge < 0) return null;
  // The gap on the edge character's inner side, and the widest between the others.
  const edgeGap = gapBefore(line, edge === 0 ? start + 1 : start + n - 1);
  let inner = 0;
  for (let k = edge === 0 ? 2 : 1; k <= (edge === 0 ? n - 1 : n - 2); k++)
    inner = Math.max(inner, gapBefore(line, start + k));
  if (edgeGap <= inner + EDGE_GAP_SLACK) return null;
  return edge === 0 ? 'first' : 'last';
}

/** In line heights: how much wider than a label's own spacing its edge may stand apart. */
const EDGE_GAP_SLACK = 0.5;
