// A second reader for the doubtful ideographs of short lines (a name, an ethnicity, a
// short value beside its label). PP-OCRv4 mobile reads rarer name characters in harder
// faces as a common look-alike (亓 → 元, 佘 → 余, 冼 → 洗, 逄 → 逢, 仝 → 全, 隗 → 陳,
// 骁 → 晓), and reading the same crop again wider, narrower or with a margin does not help:
// on 1,326 rendered names (7 faces, 16 and 22 px) six such views fixed 30 names and broke
// 29. Another recogniser does: Tesseract's legacy chi_sim classifier (the 4.0.0 data of
// @tesseract.js-data/chi_sim, installed already) reads 38 of 104 glyphs PP-OCR misread right,
// but also misreads two thirds of the glyphs PP-OCR read right, so its character is taken
// only where both readers support it: Tesseract is sure of it (SECOND_MIN_CONFIDENCE) and
// PP-OCR itself gave it a real share at that glyph (SECOND_MIN_FIRST_P, from ctc.ts
// charCandidates). On 442 glyphs of names (3 faces, 22 px, seed 3111) that took 18 right
// characters and no wrong one; through the engine on a fresh draw (bench/
// name-second-opinion.ts, seed 3120, 7 faces, 18 px, 462 names) names read right went
// 286 → 316, and 2 turned wrong (眭 → 睦, held below 0.9). A character taken that way is
// one the two readings disagreed on: it is held below 0.9 (a person confirms it), and
// PP-OCR's character stays its first alternative. 赟 stays beyond both (neither can write
// it), and so do misreads PP-OCR is sure of (亓 → 元 at 0.99 gives 亓 no share). Only the
// Node host has the second reader (glyph-reader.node.ts, opt-in); the renderer reads as before.
import { createRaster, crop, type Raster } from '../raster';
import type { RecognisedChar } from './line-segments';
import { RECOVERED_CHARACTER_CONFIDENCE } from './line-segments';
import { HAN_CHAR } from '../../core/text/han';

/** Reads one character from each glyph image: its text and a confidence in 0..1. */
export type GlyphReader = (
  glyphs: readonly Raster[],
) => Promise<readonly { text: string; confidence: number }[]>;

/** A glyph PP-OCR read at this probability or more is not asked about. */
export const SECOND_OPINION_BELOW = 0.95;
/** Lines of more characters than this are not asked about (a name's line is short). */
export const SHORT_LINE_CHARS = 10;
/** Tesseract's confidence (0..1) its character needs. */
export const SECOND_MIN_CONFIDENCE = 0.7;
/** PP-OCR's own probability, at the glyph, of the character Tesseract read. */
export const SECOND_MIN_FIRST_P = 0.01;

export interface GlyphQuestion {
  line: number;
  char: number;
}

/** The ideographs of short lines that PP-OCR read below SECOND_OPINION_BELOW. */
export function glyphsToAsk(lines: readonly (readonly RecognisedChar[])[]): GlyphQuestion[] {
  const asked: GlyphQuestion[] = [];
  lines.forEach((chars, line) => {
    const shown = chars.filter((c) => c.text.trim() !== '');
    if (shown.length === 0 || shown.length > SHORT_LINE_CHARS) return;
    chars.forEach((c, char) => {
      if (
        HAN_CHAR.test(c.text) &&
        c.confidence < SECOND_OPINION_BELOW &&
        c.candidates &&
        !c.recovered
      )
        asked.push({ line, char });
    });
  });
  return asked;
}

/** White around a glyph's crop, in line heights: Tesseract misreads a glyph touching the edge. */
const GLYPH_MARGIN = 0.25;
/** How far a glyph's edge may move to the nearest column without ink, in line heights. */
const EDGE_SNAP = 0.35;
/** A pixel darker than this is ink. */
const INK = 128;

/** Per column of the line: whether it holds ink. */
function inkColumns(line: Raster): boolean[] {
  const ink = new Array<boolean>(line.width).fill(false);
  for (let y = 0; y < line.height; y++)
    for (let x = 0, i = y * line.width * 4; x < line.width; x++, i += 4) {
      const gray = (line.data[i]! + line.data[i + 1]! + line.data[i + 2]!) / 3;
      if (gray < INK) ink[x] = true;
    }
  return ink;
}

/** The column without ink nearest `x` within `reach`, else x. */
function snap(ink: readonly boolean[], x: number, reach: number): number {
  const at = Math.round(x);
  for (let d = 0; d <= reach; d++)
    for (const c of [at - d, at + d]) if (c >= 0 && c < ink.length && !ink[c]) return c;
  return at;
}

/**
 * The glyph's picture: the line's full height between the midpoints to its neighbours'
 * centres (half a line height where it has none), each edge moved to the nearest column
 * without ink (the recogniser's centres lean to one side of a glyph), on a white margin
 * of GLYPH_MARGIN line heights.
 */
export function glyphCrop(
  line: Raster,
  chars: readonly Pick<RecognisedChar, 'x'>[],
  k: number,
  ink: readonly boolean[] = inkColumns(line),
): Raster {
  const h = line.height;
  const c = chars[k]!;
  const prev = chars[k - 1];
  const next = chars[k + 1];
  const half = 0.5 * h;
  const reach = Math.round(EDGE_SNAP * h);
  const left = prev ? Math.max((prev.x + c.x) / 2, c.x - h) : c.x - half;
  const right = next ? Math.min((c.x + next.x) / 2, c.x + h) : c.x + half;
  const from = Math.max(0, snap(ink, left, reach));
  const to = Math.min(line.width, Math.max(from + 1, snap(ink, right, reach) + 1));
  const glyph = crop(line, from, 0, to - from, h);
  const m = Math.round(GLYPH_MARGIN * h);
  const out = createRaster(glyph.width + 2 * m, glyph.height + 2 * m, 255);
  for (let y = 0; y < glyph.height; y++)
    out.data.set(
      glyph.data.subarray(y * glyph.width * 4, (y + 1) * glyph.width * 4),
      ((y + m) * out.width + m) * 4,
    );
  return out;
}

/**
 * The character a second reading supports instead of PP-OCR's, or null: an ideograph
 * other than PP-OCR's, read at SECOND_MIN_CONFIDENCE or more, to which PP-OCR gave at
 * least SECOND_MIN_FIRST_P at the same glyph.
 */
export function secondReading(
  first: RecognisedChar,
  second: { text: string; confidence: number },
): RecognisedChar | null {
  const text = second.text.trim();
  if (!HAN_CHAR.test(text) || text === first.text) return null;
  if (second.confidence < SECOND_MIN_CONFIDENCE) return null;
  if ((first.candidates?.get(text) ?? 0) < SECOND_MIN_FIRST_P) return null;
  return {
    ...first,
    text,
    confidence: Math.min(RECOVERED_CHARACTER_CONFIDENCE, second.confidence),
    // PP-OCR's own character first: a person sees both.
    alternatives: [
      { text: first.text, p: first.confidence },
      ...first.alternatives.filter((a) => a.text !== text && a.text !== first.text),
    ],
    secondOpinion: true,
  };
}

/**
 * The lines with each doubtful ideograph of a short line read again by `read`, and
 * replaced where secondReading supports the other character. A reader that fails leaves
 * the lines as they were.
 */
export async function applySecondOpinion(
  crops: readonly Raster[],
  lines: readonly (readonly RecognisedChar[])[],
  read: GlyphReader,
): Promise<RecognisedChar[][]> {
  const out = lines.map((l) => [...l]);
  const asked = glyphsToAsk(lines);
  if (asked.length === 0) return out;
  let answers: readonly { text: string; confidence: number }[];
  try {
    const inks = new Map<number, boolean[]>();
    const inkOf = (line: number): boolean[] => {
      const known = inks.get(line);
      if (known) return known;
      const ink = inkColumns(crops[line]!);
      inks.set(line, ink);
      return ink;
    };
    answers = await read(
      asked.map((q) => glyphCrop(crops[q.line]!, lines[q.line]!, q.char, inkOf(q.line))),
    );
  } catch {
    return out;
  }
  asked.forEach((q, k) => {
    const answer = answers[k];
    if (!answer) return;
    const replaced = secondReading(lines[q.line]![q.char]!, answer);
    if (replaced) out[q.line]![q.char] = replaced;
  });
  return out;
}
