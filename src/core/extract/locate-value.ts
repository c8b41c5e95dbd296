// Locating a value on a page (the cross-document search, cross-document.ts): where a value
// read on another document of the dossier is printed on this document's page, fuzzily (an
// edit distance over characters, within one line, or a longer value wrapped onto the line
// below), reported with the page's own characters, never the other document's.
import type { Box, DocumentText } from '../extraction';
import { foldWidth } from '../text/normalise';
import { pageLines, union, minConfidence, type Glyph, type Line } from './lines';
import { HAS_HAN } from '../text/han';
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
  if (next === undefined || !HAS_HAN.test(next.ch)) return false;
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
