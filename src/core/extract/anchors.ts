// Labels found on a page's lines: the anchors values are read from. Matching is
// tolerant: letter-spaced (名 and 称 apart), split across items, one character misread, a
// bracketed suffix printed on the next line (`法定代表人（单位` / `负责人）`).
import { foldWidth } from '../text/normalise';
import {
  MAX_LABEL_GAP,
  SEPARATORS,
  edgeApart,
  gapBefore,
  labelKey,
  type LabelHit,
} from './label-match';
import type { LabelDef } from './labels';
import type { Line, WorkCounter } from './lines';
import { WRAPPED_PART, wrappedSearch } from './wrapped-labels';
import { HAN_CHAR } from '../text/han';

export { SEPARATORS, gapBefore, type LabelHit } from './label-match';

/**
 * The words a label ends in (名称, 号码, 帐号 …): a label printed with more words than its
 * alias (开户银行名称, 法定代表人姓名, 银行账号) still ends in one of these before its colon.
 */
const LABEL_WORD_END = /(?:名称|全称|姓名|名字|号码|编号|代码|账号|号|名)$/u;
/** Words that only ever end a label (a field's 姓名, 名称): never a value's start. */
const LABEL_WORD = /^(?:名称|全称|姓名|名字)$/u;
/** The most characters a label's extra words add (开户银行|名称, 银行|账号). */
const MAX_LABEL_EXTRA = 4;

/** The most labels kept per page: a real form has fewer than 40; a hostile one has no say. */
const MAX_HITS_PER_PAGE = 200;

/**
 * Finds the labels on a page's lines: exact matches first, longest alias first (on one
 * line, or wrapped onto the next line under the first part), then (for aliases of 4 or
 * more characters not found exactly) one substituted character. A label must start a
 * line, follow a clear gap or a separator, or be an inline label. A bracket opened right
 * after a label (`法定代表人（单位`) belongs to it, with its rest on the line below.
 */
export function findLabels(
  lines: Line[],
  defs: readonly LabelDef[],
  work?: WorkCounter,
): LabelHit[] {
  const aliases = defs
    .flatMap((def) =>
      def.aliases.map((alias) => ({ def, chars: [...foldWidth(alias)].map((c) => labelKey(c)!) })),
    )
    .sort((a, b) => b.chars.length - a.chars.length);
  const hits: LabelHit[] = [];
  const claimed = new Map<Line, boolean[]>();
  const foundExactly = new Set<string>();
  const isClaimed = (line: Line, i: number): boolean => claimed.get(line)?.[i] === true;
  /**
   * Whether glyph i is claimed and stays so for a label matched over `from`..`to`: a longer
   * label read with one character wrong (基中存款账户编号) still takes back an inline label
   * read exactly inside it (编号), which the exact pass found first; never part of one.
   */
  const held = (line: Line, i: number, from: number, to: number, reclaim: boolean): boolean =>
    isClaimed(line, i) &&
    !(
      reclaim &&
      hits.some(
        (h) =>
          h.line === line &&
          h.def.inline &&
          h.from <= i &&
          i <= h.to &&
          h.from >= from &&
          h.to <= to,
      )
    );
  const claim = (line: Line, from: number, to: number): void => {
    const used = claimed.get(line) ?? Array<boolean>(line.glyphs.length).fill(false);
    for (let k = from; k <= to; k++) used[k] = true;
    claimed.set(line, used);
  };

  // Allocation-free and failing at the first mismatch: it runs for every glyph and alias.
  const tryMatch = (line: Line, start: number, chars: string[], fuzzy: boolean): number | null => {
    if (work) work.steps++;
    const n = chars.length;
    if (start + n > line.glyphs.length) return null;
    // A two-character label whose first character OCR misread (礼名, 社别, 佳址 for 姓名,
    // 性别, 住址 in a small blue Kai font): only at the very start of a line.
    const misreadFirst = fuzzy && n === 2;
    if (misreadFirst && start !== 0) return null;
    // A longer label may have any one character misread, its first too (或立日期 for
    // 成立日期 on a photo): its other three or more characters in order still name it.
    if (!misreadFirst && !(fuzzy && n >= 4) && labelKey(line.glyphs[start]?.key) !== chars[0])
      return null;
    let diff = 0;
    for (let k = 0; k < n; k++) {
      const i = start + k;
      if (held(line, i, start, start + n - 1, fuzzy && n >= 4)) return null;
      if (k > 0 && gapBefore(line, i) > MAX_LABEL_GAP) return null;
      if (labelKey(line.glyphs[i]?.key) !== chars[k] && ++diff > (fuzzy ? 1 : 0)) return null;
    }
    // The value's first character beside a label cut short (its last character wrapped or
    // lost): the label is the rest, and the character stays the value's.
    const apart = diff === 1 && n >= 5 ? edgeApart(line, start, chars) : null;
    if (apart === 'last') return start + n - 2;
    if (apart === 'first') return null;
    if (diff === 0 || n >= 4) return start + n - 1;
    // The misread first character must not be the label's second one (名名).
    return misreadFirst &&
      labelKey(line.glyphs[start + 1]?.key) === chars[1] &&
      labelKey(line.glyphs[start]?.key) !== chars[1]
      ? start + 1
      : null;
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
  const atSegmentEnd = (line: Line, i: number): boolean => {
    const next = line.glyphs[i + 1];
    return next === undefined || SEPARATORS.has(next.ch) || gapBefore(line, i + 1) >= 0.8;
  };

  const add = (hit: Omit<LabelHit, 'x0' | 'x1'>): LabelHit => {
    // An inline label inside it (taken back, see held) is no label of its own.
    for (let k = hits.length - 1; k >= 0; k--) {
      const o = hits[k]!;
      if (o.line === hit.line && o.def.inline && o.from >= hit.from && o.to <= hit.to)
        hits.splice(k, 1);
    }
    claim(hit.line, hit.from, hit.to);
    const full: LabelHit = {
      ...hit,
      x0: hit.line.glyphs[hit.from]?.x0 ?? 0,
      x1: hit.line.glyphs[hit.to]?.x1 ?? 0,
    };
    hits.push(full);
    return full;
  };

  const findWrapped = wrappedSearch({
    lines,
    work,
    foundExactly,
    held,
    tryMatch,
    atSegmentStart,
    atSegmentEnd,
    add,
  });

  /** A bracket opened right after a label and left open belongs to the label. */
  const absorbSuffix = (hit: LabelHit): void => {
    const { line } = hit;
    const open = line.glyphs[hit.to + 1];
    if (!open || (open.key !== '(' && open.key !== '[') || gapBefore(line, hit.to + 1) > 0.5)
      return;
    let end = hit.to + 1;
    while (end - hit.to < 8 && line.glyphs[end + 1] && gapBefore(line, end + 1) < 0.5) {
      if (line.glyphs[end + 1]?.key === ')') break;
      end++;
    }
    const close = line.glyphs[end + 1];
    if (close?.key === ')' && gapBefore(line, end + 1) < 0.5) end++;
    else if (!atSegmentEnd(line, end)) return;
    claim(line, hit.to + 1, end);
    hit.to = end;
    hit.x1 = line.glyphs[end]?.x1 ?? hit.x1;
    if (close?.key === ')') return;
    // The bracket's rest on the line below (负责人）), under the label.
    const index = lines.indexOf(line);
    for (const below of lines.slice(index + 1, index + 3)) {
      if (below.y0 - line.y1 > 1.2 * line.h) break;
      const from = below.glyphs.findIndex(
        (g, i) => !isClaimed(below, i) && g.x0 > hit.x0 - 3 * line.h && g.x0 < hit.x1,
      );
      if (from < 0) continue;
      let to = from;
      while (to - from < 8 && below.glyphs[to]?.key !== ')' && below.glyphs[to + 1]) to++;
      if (below.glyphs[to]?.key === ')')
        add({ def: WRAPPED_PART, line: below, from, to, exact: true, of: hit });
      return;
    }
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
          if (hits.length >= MAX_HITS_PER_PAGE) return hits;
          const end =
            tryMatch(line, i, chars, pass === 'fuzzy') ??
            (pass === 'fuzzy' ? lastLost(line, i, chars) : null);
          if (end === null) continue;
          const from = atSegmentStart(line, i, def)
            ? i
            : pass === 'exact'
              ? wordsBefore(line, i, end, def)
              : null;
          if (from === null) continue;
          const hit = add({ def, line, from, to: end, exact: pass === 'exact' });
          if (pass === 'exact') {
            wordsAfter(hit, chars);
            foundExactly.add(def.id);
          }
          i = hit.to;
        }
      }
      if (chars.length >= 4 && !hits.some((h) => h.def === def))
        findWrapped(def, chars, pass === 'fuzzy');
    }
  }
  for (const hit of [...hits]) if (hit.def.target !== null) absorbSuffix(hit);
  return hits;

  /**
   * A label of five characters or more whose last one the OCR did not detect (统一社会信用代
   * for 统一社会信用代码, its value on a line of its own): the others read exactly, ending
   * their segment. Where it ends, or null.
   */
  function lastLost(line: Line, start: number, chars: readonly string[]): number | null {
    if (chars.length < 5) return null;
    const to = tryMatch(line, start, chars.slice(0, -1), false);
    return to !== null && atSegmentEnd(line, to) ? to : null;
  }

  /** The run of unclaimed ideographs of a line from `from` to `to`, or null. */
  function ideographs(line: Line, from: number, to: number): string | null {
    let out = '';
    for (let k = from; k <= to; k++) {
      const g = line.glyphs[k];
      if (!g || isClaimed(line, k) || !HAN_CHAR.test(g.ch)) return null;
      if (k > from && gapBefore(line, k) >= 0.8) return null;
      out += labelKey(g.key);
    }
    return out;
  }
  function isSeparator(line: Line, i: number): boolean {
    return SEPARATORS.has(line.glyphs[i]?.ch ?? '') && gapBefore(line, i) < 0.8;
  }
  function anotherLabel(words: string, def: LabelDef): boolean {
    return aliases.some((a) => a.def.id !== def.id && words.endsWith(a.chars.join('')));
  }

  /**
   * A label printed with words before its alias, up to its colon (银行账号：, 企业名称：):
   * where the label starts, or null. The words start a segment and are no other label.
   */
  function wordsBefore(line: Line, i: number, end: number, def: LabelDef): number | null {
    if (!isSeparator(line, end + 1)) return null;
    for (let from = i - 1; from >= Math.max(0, i - MAX_LABEL_EXTRA); from--) {
      if (gapBefore(line, from + 1) >= 0.8) return null;
      const words = ideographs(line, from, i - 1);
      if (words === null || anotherLabel(words, def)) return null;
      if (atSegmentStart(line, from, def)) return from;
    }
    return null;
  }

  /**
   * A label printed with more words after its alias, up to its colon (开户银行名称：,
   * 法定代表人姓名：): the words join the label when they end as a label does (名称, 号码 …)
   * and are no other field's label (开户银行账号 is two).
   */
  function wordsAfter(hit: LabelHit, chars: readonly string[]): void {
    const { line } = hit;
    if (gapBefore(line, hit.to + 1) >= 0.8) return;
    for (let k = 1; k <= MAX_LABEL_EXTRA; k++) {
      const last = hit.to + k;
      const words = ideographs(line, hit.to + 1, last);
      if (words === null) return;
      // A longer alias of the label but its last character, which the OCR did not detect
      // (存款人名 for 存款人名称), ending its segment: the label, not its value's start.
      const longer = chars.join('') + words;
      const lost = aliases.some(
        (a) =>
          a.def === hit.def &&
          a.chars.length === [...longer].length + 1 &&
          a.chars.join('').startsWith(longer),
      );
      if (lost && atSegmentEnd(line, last) && !isSeparator(line, last + 1)) {
        claim(line, hit.to + 1, last);
        hit.to = last;
        hit.x1 = line.glyphs[last]?.x1 ?? hit.x1;
        return;
      }
      // A label word of its own (法定代表人姓名, its value past a gap, no colon): the
      // label's, never a value (a name ending in 名 right after its label is no word).
      if (LABEL_WORD.test(words) && atSegmentEnd(line, last) && !anotherLabel(words, hit.def)) {
        claim(line, hit.to + 1, last);
        hit.to = last;
        hit.x1 = line.glyphs[last]?.x1 ?? hit.x1;
        return;
      }
      if (!isSeparator(line, last + 1)) continue;
      if (!LABEL_WORD_END.test(chars.join('') + words) || anotherLabel(words, hit.def)) return;
      claim(line, hit.to + 1, last);
      hit.to = last;
      hit.x1 = line.glyphs[last]?.x1 ?? hit.x1;
      return;
    }
  }
}
