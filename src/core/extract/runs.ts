// Values found by their shape where their label was not read: the runs of a line's
// characters that match a pattern (an ID number, a bank permit's J number), with their
// confidence and box.
import type { Box } from '../extraction';
import { foldWidth } from '../text/normalise';
import { minConfidence, union, type Line } from './lines';

export interface Run {
  text: string;
  confidence: number;
  box: Box;
}

/**
 * Matches of `pattern` (global) on each line's characters, width folded and upper-cased:
 * for values found by their shape where their label was not read. The line is searched
 * whole (a value split over two OCR boxes) and each OCR box of it on its own: a misread
 * label beside the value (公民身份号码 read as `KAS14`) runs into it on the line, and a
 * pattern that asks for no digit or letter around the value finds it only in its own box.
 */
export function findRuns(lines: Line[], pattern: RegExp): Run[] {
  const runs: Run[] = [];
  for (const line of lines) {
    // One UTF-16 unit per glyph, so that a match's index is a glyph index.
    const keys = line.glyphs.map((g) => {
      const key = foldWidth(g.ch).toUpperCase();
      return key.length === 1 ? key : '\uFFFD';
    });
    // [start, end) of the whole line, then of each box's glyphs where there are several.
    const spans: [number, number][] = [[0, keys.length]];
    let start = 0;
    for (let i = 1; i <= keys.length; i++) {
      if (i < keys.length && line.glyphs[i]!.item === line.glyphs[start]!.item) continue;
      if (start > 0 || i < keys.length) spans.push([start, i]);
      start = i;
    }
    const seen = new Set<string>();
    for (const [from, to] of spans) {
      for (const m of keys.slice(from, to).join('').matchAll(pattern)) {
        const at = from + m.index;
        if (seen.has(`${at}:${m[0].length}`)) continue;
        seen.add(`${at}:${m[0].length}`);
        const glyphs = line.glyphs.slice(at, at + m[0].length);
        runs.push({
          text: m[0],
          confidence: minConfidence(glyphs),
          box: union(glyphs, line.page),
        });
      }
    }
  }
  return runs;
}
