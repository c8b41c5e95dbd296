// A label wrapped over lines (anchors.ts findLabels): its first part starting a segment,
// its rest on the next line or lines under it (统一社会信用 / 代码, 法定代表 / 人（单位 /
// 负责人）), a character misread or its last lost. Runs inside findLabels' page pass, whose
// claimed glyphs, matching and hits it shares (WrappedSearch).
import {
  MAX_LABEL_GAP,
  gapBefore,
  labelKey,
  partHeight,
  type LabelHit,
  type Span,
} from './label-match';
import type { LabelDef } from './labels';
import type { Glyph, Line, WorkCounter } from './lines';

/** The part of a wrapped label printed on the next line (`负责人）`): a stop, never a value. */
export const WRAPPED_PART: LabelDef = { id: 'wrapped-label', aliases: [], target: null };

/** What the wrapped-label search shares with findLabels' pass over a page. */
export interface WrappedSearch {
  lines: Line[];
  work: WorkCounter | undefined;
  /** The labels found exactly (or wrapped) so far, by id: no fuzzy pass for them. */
  foundExactly: Set<string>;
  held: (line: Line, i: number, from: number, to: number, reclaim: boolean) => boolean;
  tryMatch: (line: Line, start: number, chars: string[], fuzzy: boolean) => number | null;
  atSegmentStart: (line: Line, i: number, def: LabelDef) => boolean;
  atSegmentEnd: (line: Line, i: number) => boolean;
  add: (hit: Omit<LabelHit, 'x0' | 'x1'>) => LabelHit;
}

/** findWrapped for one page's pass: adds a label wrapped over lines to its hits, if found. */
export function wrappedSearch(
  page: WrappedSearch,
): (def: LabelDef, chars: string[], fuzzy: boolean) => void {
  const { lines, work, foundExactly, held, tryMatch, atSegmentStart, atSegmentEnd, add } = page;

  type Part = { line: Line; from: number; to: number };
  /**
   * Where a wrapped label's part on a line below may start: under the part above, left-
   * aligned with it (within a few characters) or anywhere under it (a cell's text centred
   * or aligned right puts a short rest under the middle or the end of a longer first part).
   */
  const under = (g: Glyph, span: Span, h: number): boolean =>
    g.x0 > span.x0 - 3 * h && g.x0 < Math.max(span.x0 + 3 * h, span.x1);
  /** Where a wrapped label's part may start on each of the next lines below `line`. */
  function* startsBelow(
    line: Line,
    span: Span,
    reclaim = false,
  ): Generator<{ below: Line; from: number }> {
    const index = lines.indexOf(line);
    // In the label's own character height: the line may hold a value of lower boxes.
    const h = Math.max(line.h, span.h ?? 0);
    for (const below of lines.slice(index + 1, index + 4)) {
      if (below.y0 - line.y1 > 1.2 * h) return;
      const from = below.glyphs.findIndex(
        (g, i) => !held(below, i, i, below.glyphs.length - 1, reclaim) && under(g, span, h),
      );
      if (from >= 0 && atSegmentStart(below, from, WRAPPED_PART)) yield { below, from };
    }
  }
  /**
   * The rest of a wrapped label on the lines below `line`, starting under `span`: whole on
   * the next line, or its first characters there and the others further down (法定代表 /
   * 人（单位 / 负责人）).
   */
  const restBelow = (line: Line, span: Span, chars: string[], depth = 0): Part[] | null => {
    for (const { below, from } of startsBelow(line, span)) {
      for (let k = chars.length; k >= Math.min(chars.length, depth < 2 ? 2 : chars.length); k--) {
        const to = tryMatch(below, from, chars.slice(0, k), false);
        if (to === null || !endsLabel(below, to)) continue;
        if (k === chars.length) return [{ line: below, from, to }];
        const further = restBelow(below, span, chars.slice(k), depth + 1);
        if (further) return [{ line: below, from, to }, ...further];
      }
      const lost = withoutLast(below, from, chars);
      if (lost) return [lost];
    }
    return null;
  };

  /**
   * The rest of a wrapped label but its last character, which the OCR did not detect
   * (位负责人 under 法定代表人（单 for 位负责人）, 代 under 统一社会信用 for 代码), ending its
   * segment: the label still, the part above read exactly and the rest in order under it.
   */
  function withoutLast(below: Line, from: number, chars: readonly string[]): Part | null {
    if (chars.length < 2) return null;
    const to = tryMatch(below, from, chars.slice(0, -1), false);
    return to !== null && atSegmentEnd(below, to) ? { line: below, from, to } : null;
  }

  /**
   * A label wrapped over lines (统一社会信用 / 代码, 统 / 一社会信用代码, 统一社会信 / 用代码), split
   * at any character: its first part starts a segment and ends one (or a code or number
   * follows it at once, OCR having read a narrow cell's label and value as one text); its
   * rest starts the next line under it. In the fuzzy pass one character of the whole may
   * be misread (never the first), the rest then on the next line whole.
   */
  function findWrapped(def: LabelDef, chars: string[], fuzzy: boolean): void {
    for (const line of lines) {
      for (let i = 0; i < line.glyphs.length; i++) {
        if (work) work.steps++;
        // Its first character read right: one misread there leaves too little to go by.
        if (labelKey(line.glyphs[i]?.key) !== chars[0] || !atSegmentStart(line, i, def)) continue;
        for (let k = chars.length - 1; k >= 1; k--) {
          const diff = mismatches(line, i, chars.slice(0, k), fuzzy && k >= 2 ? 1 : 0, fuzzy);
          if (diff === null || !endsLabel(line, i + k - 1)) continue;
          const span: Span = {
            x0: line.glyphs[i]?.x0 ?? 0,
            x1: line.glyphs[i + k - 1]?.x1 ?? 0,
            h: partHeight(line, i, i + k - 1),
          };
          const tail = chars.slice(k);
          // A first part of two characters or more, read exactly and standing alone: its
          // rest may itself wrap (法定代表 / 人（单位 / 负责人）).
          const plain = k >= 2 && diff === 0 && atSegmentEnd(line, i + k - 1);
          const rest =
            (plain ? restBelow(line, span, tail) : null) ??
            nextLinePart(line, span, tail, (fuzzy ? 1 : 0) - diff, diff === 0, fuzzy);
          if (!rest) continue;
          const first = add({ def, line, from: i, to: i + k - 1, exact: !fuzzy });
          for (const part of rest) add({ def: WRAPPED_PART, ...part, exact: true, of: first });
          foundExactly.add(def.id);
          return;
        }
      }
    }
  }

  /**
   * The rest of a wrapped label whole on the next line, under `span`, `allowed` characters
   * misread; or, where its first part was read exactly, the rest but its last character.
   */
  function nextLinePart(
    line: Line,
    span: Span,
    chars: string[],
    allowed: number,
    exactAbove: boolean,
    reclaim: boolean,
  ): Part[] | null {
    for (const { below, from } of startsBelow(line, span, reclaim)) {
      const diff = mismatches(below, from, chars, allowed, reclaim);
      if (diff !== null && endsLabel(below, from + chars.length - 1))
        return [{ line: below, from, to: from + chars.length - 1 }];
      const lost = exactAbove ? withoutLast(below, from, chars) : null;
      if (lost) return [lost];
    }
    return null;
  }

  /**
   * Characters of `chars` misread at `start` (none claimed, but an inline label inside them
   * where `reclaim`; none spread apart), at most `allowed`.
   */
  function mismatches(
    line: Line,
    start: number,
    chars: string[],
    allowed: number,
    reclaim = false,
  ): number | null {
    if (work) work.steps++;
    if (start + chars.length > line.glyphs.length) return null;
    let diff = 0;
    for (let k = 0; k < chars.length; k++) {
      if (held(line, start + k, start, start + chars.length - 1, reclaim)) return null;
      if (k > 0 && gapBefore(line, start + k) > MAX_LABEL_GAP) return null;
      if (labelKey(line.glyphs[start + k]?.key) !== chars[k] && ++diff > allowed) return null;
    }
    return diff;
  }

  /**
   * Whether a part of a wrapped label may end at glyph i: its segment ends there, or a code
   * or a number starts at once (a value OCR read in one text with the label's part).
   */
  function endsLabel(line: Line, i: number): boolean {
    if (atSegmentEnd(line, i)) return true;
    return /^[0-9A-Za-z]$/u.test(line.glyphs[i + 1]?.ch ?? '');
  }

  return findWrapped;
}
