// Ink the recogniser's characters do not account for. CTC can drop a character and stay
// sure of the others (李俊垚 read 李俊 at 1.0: the last character of a line, whose
// time steps all went to blank): the crop's own pixels say where there is print, the
// decoder's time steps say where the characters it emitted are, and print about a
// character wide beyond the last one (or before the first, or in a gap between two)
// is a character the text does not hold.
import { crop, type Raster } from '../raster';
import type { RecognisedChar } from './line-segments';
import type { Recognise } from './recogniser';

export interface InkSpan {
  /** Crop pixels, first inked column. */
  from: number;
  /** Crop pixels, one past the last inked column. */
  to: number;
}

export interface LineInk {
  /** Inked columns of the crop's text band, in order, gaps under a stroke's gap merged. */
  spans: InkSpan[];
  /** Height of the band that was looked at. */
  band: number;
}

/**
 * The inked column runs of a line crop, looking at the rows between `pad` and the crop's
 * height minus `pad` (the text band: the detector's margin may hold a neighbour's
 * descenders). A pixel is ink when it is darker than the middle between the crop's paper
 * (its 85th brightness percentile) and its darkest print (the 2nd); rows inked across
 * most of the crop without a break (a rule, a table's border) and columns inked over most of the band's
 * height in a run under a stroke's width (a table's vertical border) do not count. Null
 * where the crop has no contrast to tell print from paper.
 */
export function lineInk(crop: Raster, pad: number): LineInk | null {
  const { width: w, height: h, data } = crop;
  const top = Math.max(0, Math.floor(pad * 0.6));
  const bottom = Math.min(h, Math.ceil(h - pad * 0.6));
  const band = bottom - top;
  if (w < 4 || band < 4) return null;
  // Every second row is looked at (a stroke is thicker), every fourth pixel for the levels.
  const luma = (i: number): number => (data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29) >> 8;
  const histogram = new Uint32Array(256);
  let samples = 0;
  for (let y = top; y < bottom; y += 2)
    for (let i = y * w * 4; i < (y + 1) * w * 4; i += 8) {
      histogram[luma(i)]!++;
      samples++;
    }
  const percentile = (q: number): number => {
    const target = q * samples;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= target) return v;
    }
    return 255;
  };
  const paper = percentile(0.85);
  const dark = percentile(0.02);
  if (paper - dark < 48) return null;
  const threshold = (paper + dark) / 2;
  const colInk = new Uint32Array(w);
  const row = new Uint8Array(w);
  let rows = 0;
  for (let y = top; y < bottom; y += 2) {
    rows++;
    // A rule across the line (a table's border, an underline): a row inked without a
    // break over most of the crop, where print always leaves gaps between characters.
    let run = 0;
    let longest = 0;
    for (let x = 0, i = y * w * 4; x < w; x++, i += 4) {
      const ink = luma(i) < threshold ? 1 : 0;
      row[x] = ink;
      run = ink * (run + 1);
      if (run > longest) longest = run;
    }
    if (longest > w * 0.6) continue;
    for (let x = 0; x < w; x++) colInk[x]! += row[x]!;
  }
  const inked = (x: number): boolean => colInk[x]! >= Math.max(1, rows * 0.04);
  const joinGap = Math.max(2, band * 0.12);
  const spans: InkSpan[] = [];
  for (let x = 0; x < w; x++) {
    if (!inked(x)) continue;
    const last = spans[spans.length - 1];
    if (last && x - last.to <= joinGap) last.to = x + 1;
    else spans.push({ from: x, to: x + 1 });
  }
  // A table's vertical border: a run thinner than a stroke group, inked through the band.
  const kept = spans.filter((s) => {
    const width = s.to - s.from;
    if (width > band * 0.12) return true;
    let tall = 0;
    for (let x = s.from; x < s.to; x++) tall = Math.max(tall, colInk[x]!);
    return tall < rows * 0.8;
  });
  return { spans: kept, band };
}

export interface Uncovered {
  /** Ink before the first emitted character. */
  before: InkSpan | null;
  /** Ink after the last emitted character. */
  after: InkSpan | null;
  /** Ink in a gap between two emitted characters. */
  inside: InkSpan[];
}

/**
 * The ink no emitted character accounts for, at least `minWidth` wide: a character is
 * taken to cover `reach` pixels either side of its centre (the decoder places a
 * character's time steps at its middle, not across its width).
 */
export function uncoveredInk(
  ink: LineInk,
  centres: readonly number[],
  reach: number,
  minWidth: number,
): Uncovered {
  const none: Uncovered = { before: null, after: null, inside: [] };
  if (centres.length === 0) return none;
  const first = centres[0]! - reach;
  const last = centres[centres.length - 1]! + reach;
  // Ink of each span outside every character's reach, as runs.
  const free: InkSpan[] = [];
  for (const s of ink.spans) {
    let from = s.from;
    const cuts = centres
      .map((c) => ({ from: c - reach, to: c + reach }))
      .filter((c) => c.to > s.from && c.from < s.to);
    for (const c of cuts) {
      if (c.from > from) free.push({ from, to: Math.min(s.to, c.from) });
      from = Math.max(from, c.to);
    }
    if (from < s.to) free.push({ from, to: s.to });
  }
  const wide = free.filter((f) => f.to - f.from >= minWidth);
  return {
    before: wide.find((f) => f.to <= first) ?? null,
    after: [...wide].reverse().find((f) => f.from >= last) ?? null,
    inside: wide.filter((f) => f.from >= first && f.to <= last),
  };
}

/** The crop with `left` and `right` columns of its paper's colour added at its sides. */
export function padSides(src: Raster, left: number, right: number): Raster {
  const { width: w, height: h, data } = src;
  // The paper: per channel, the upper quartile of the crop's first and last columns.
  const samples: number[][] = [[], [], []];
  for (let y = 0; y < h; y++)
    for (const x of [0, w - 1])
      for (let c = 0; c < 3; c++) samples[c]!.push(data[(y * w + x) * 4 + c]!);
  const paper = samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length * 0.75)]!);
  const width = w + left + right;
  const out = new Uint8ClampedArray(width * h * 4);
  for (let i = 0; i < width * h * 4; i += 4) {
    out[i] = paper[0]!;
    out[i + 1] = paper[1]!;
    out[i + 2] = paper[2]!;
    out[i + 3] = 255;
  }
  for (let y = 0; y < h; y++)
    out.set(data.subarray(y * w * 4, (y + 1) * w * 4), (y * width + left) * 4);
  return { width, height: h, data: out };
}

/** A line's characters after the check, and where ink stayed unaccounted for. */
export interface CheckedLine {
  /** The recogniser's characters, with those read from uncovered ink inserted (`recovered`). */
  chars: RecognisedChar[];
  /** Crop x of the middle of each uncovered ink span nothing could be read from. */
  lost: number[];
  /** The line's inked column runs (null where its crop has no contrast or it read nothing). */
  ink: readonly InkSpan[] | null;
}

/** What the check did on one page (checkLineInk's `stats`). */
export interface InkCheckStats {
  pages: number;
  lines: number;
  /** Lines with uncovered ink (each had its spans read again). */
  flagged: number;
  /** Spans read again, and those that gave a character. */
  spans: number;
  recovered: number;
  /** Time spent looking at ink (the second readings not counted), by the caller's clock; 0 without one. */
  inkMs: number;
}

/** A page's lines after the check, and what the check did. */
export interface InkCheck {
  lines: CheckedLine[];
  stats: InkCheckStats;
}

/** A character read from uncovered ink below this is not taken (kept as lost ink). */
const RECOVERED_MIN_P = 0.2;
const READABLE = /^[\p{L}\p{N}]$/u;

/** The ink check's geometry for a line: a glyph's size from the box (its height less the detector's margin). */
function glyphSize(crop: Raster, pad: number): number {
  return Math.max(6, crop.height - pad);
}

/** A line's ink, where it read something to compare it with. */
function lineInkOf(crop: Raster, pad: number, chars: readonly RecognisedChar[]): LineInk | null {
  return chars.some((c) => c.text.trim() !== '') ? lineInk(crop, pad) : null;
}

/** The uncovered ink spans of one line (empty when none or when its crop has no contrast). */
export function lineUncovered(
  crop: Raster,
  pad: number,
  chars: readonly RecognisedChar[],
  ink: LineInk | null = lineInkOf(crop, pad, chars),
): InkSpan[] {
  const visible = chars.filter((c) => c.text.trim() !== '');
  if (visible.length === 0 || ink === null) return [];
  const glyph = glyphSize(crop, pad);
  const u = uncoveredInk(
    ink,
    visible.map((c) => c.x),
    0.6 * glyph,
    0.5 * glyph,
  );
  return [...(u.before ? [u.before] : []), ...u.inside, ...(u.after ? [u.after] : [])];
}

/**
 * Every line's characters checked against its crop's ink: each span of print no emitted
 * character accounts for is cut out (with a margin of paper) and read on its own, padded
 * and as it is; the surer reading's characters are inserted where the span lies, marked
 * `recovered`. A span from which nothing is read above RECOVERED_MIN_P is reported as
 * lost. One recognition call for the whole page, only where some line has such ink.
 */
export async function checkLineInk(
  crops: readonly Raster[],
  pads: readonly number[],
  lines: readonly RecognisedChar[][],
  recognise: Recognise,
  options: { clock?: () => number } = {},
): Promise<InkCheck> {
  const clock = options.clock ?? (() => 0);
  const started = clock();
  const inks = lines.map((chars, i) => lineInkOf(crops[i]!, pads[i]!, chars));
  const found = lines.map((chars, i) => lineUncovered(crops[i]!, pads[i]!, chars, inks[i]));
  const jobs: { line: number; span: InkSpan; offset: number }[] = [];
  const rereads: Raster[] = [];
  found.forEach((spans, line) => {
    const c = crops[line]!;
    const margin = Math.round(0.5 * glyphSize(c, pads[line]!));
    for (const span of spans) {
      const from = Math.max(0, span.from - 3);
      const lone = crop(c, from, 0, Math.min(c.width, span.to + 3) - from, c.height);
      jobs.push({ line, span, offset: from - margin });
      rereads.push(padSides(lone, margin, margin));
      jobs.push({ line, span, offset: from });
      rereads.push(lone);
    }
  });
  const stats: InkCheckStats = {
    pages: 1,
    lines: lines.length,
    flagged: found.filter((s) => s.length > 0).length,
    spans: jobs.length / 2,
    recovered: 0,
    inkMs: clock() - started,
  };
  const checked: CheckedLine[] = lines.map((chars, i) => ({
    chars: [...chars],
    lost: [],
    ink: inks[i]?.spans ?? null,
  }));
  if (jobs.length === 0) return { lines: checked, stats };
  const read = await recognise(rereads);
  for (let j = 0; j < jobs.length; j += 2) {
    const { line, span } = jobs[j]!;
    // The surer of the two readings (its weakest character), of those that read something.
    // A reading is letters, digits and ideographs only (a mark read from a lone glyph is
    // a guess), at most one per 0.6 of a glyph of the span's width.
    const most = Math.ceil((span.to - span.from) / (0.6 * glyphSize(crops[line]!, pads[line]!)));
    const options = [j, j + 1]
      .map((k) => ({
        job: jobs[k]!,
        chars: read[k]!.filter((c) => READABLE.test(c.text) && c.confidence >= RECOVERED_MIN_P),
      }))
      .filter((o) => o.chars.length > 0 && o.chars.length <= most)
      .sort(
        (a, b) =>
          Math.min(...b.chars.map((c) => c.confidence)) -
          Math.min(...a.chars.map((c) => c.confidence)),
      );
    const best = options[0];
    const target = checked[line]!;
    if (best === undefined) {
      target.lost.push((span.from + span.to) / 2);
      continue;
    }
    stats.recovered++;
    const inserted = best.chars.map((c) => ({
      ...c,
      x: c.x + best.job.offset,
      start: c.start + best.job.offset,
      recovered: true,
    }));
    target.chars = [...target.chars, ...inserted].sort((a, b) => a.x - b.x);
  }
  return { lines: checked, stats };
}
