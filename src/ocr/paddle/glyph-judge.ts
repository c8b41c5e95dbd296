// A visual judge between a name character PP-OCR read and the rarer look-alikes it was
// measured to read as it (src/core/extract/confusables.ts): the glyph's crop compared
// with bitmaps of each candidate drawn in the fixture faces (glyph-templates.ts, made by
// scripts/glyph-templates.ts; the app cannot draw those faces itself). Both the crop and
// the bitmaps are cut to their ink, fitted into GRID × GRID keeping their shape, smoothed,
// and compared by normalised correlation, at small shifts; a candidate's score is its
// best face's. Only the characters of the tables are ever judged, so a line without one
// costs nothing.
import type { Raster } from '../raster';
import type { RecognisedChar } from './line-segments';
import { glyphCrop } from './second-opinion';

/** Side of the square a glyph is fitted into. */
export const GRID = 32;
const N = GRID * GRID;

/** A glyph fitted into the grid: ink 0..1 per cell, rows top to bottom. */
export type GlyphVector = Float32Array;

/** Per character, its bitmap in each face drawn (smoothed vectors). */
export interface GlyphTemplates {
  /** The character's bitmaps, one per face that drew it; undefined where it has none. */
  get(ch: string): readonly GlyphVector[] | undefined;
  /** Its bitmap in each face, in one order for every character (undefined: not drawn). */
  byFace(ch: string): readonly (GlyphVector | undefined)[];
}

/** Ink darkness of a raster's pixel (0 white … 1 black). */
function darkness(r: Raster, x: number, y: number): number {
  const i = (y * r.width + x) * 4;
  return 1 - (r.data[i]! + r.data[i + 1]! + r.data[i + 2]!) / 765;
}

/**
 * The glyph of a crop fitted into the grid: the crop's ink (darker than halfway between
 * its lightest and darkest pixel) bounds it, its longer side fills the grid, centred.
 * Null where the crop holds no ink.
 */
export function glyphVector(r: Raster): GlyphVector | null {
  const w = r.width;
  const h = r.height;
  const ink = new Float32Array(w * h);
  let lo = 1;
  let hi = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const d = darkness(r, x, y);
      ink[y * w + x] = d;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
  if (hi - lo < 0.2) return null;
  const cut = (lo + hi) / 2;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]! > cut) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return null;
  // Ink relative to the paper, 0..1.
  for (let i = 0; i < ink.length; i++) ink[i] = Math.max(0, (ink[i]! - lo) / (hi - lo));
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = GRID / Math.max(bw, bh);
  const ox = (GRID - bw * scale) / 2;
  const oy = (GRID - bh * scale) / 2;
  // Each cell: the mean ink of the source area it covers (box filter).
  const out = new Float32Array(N);
  for (let gy = 0; gy < GRID; gy++)
    for (let gx = 0; gx < GRID; gx++) {
      const sx0 = x0 + (gx - ox) / scale;
      const sx1 = x0 + (gx + 1 - ox) / scale;
      const sy0 = y0 + (gy - oy) / scale;
      const sy1 = y0 + (gy + 1 - oy) / scale;
      if (sx1 <= x0 || sx0 >= x1 + 1 || sy1 <= y0 || sy0 >= y1 + 1) continue;
      let sum = 0;
      let area = 0;
      for (let sy = Math.floor(sy0); sy < Math.ceil(sy1); sy++)
        for (let sx = Math.floor(sx0); sx < Math.ceil(sx1); sx++) {
          if (sx < x0 || sx > x1 || sy < y0 || sy > y1) continue;
          const a =
            (Math.min(sx + 1, sx1) - Math.max(sx, sx0)) *
            (Math.min(sy + 1, sy1) - Math.max(sy, sy0));
          if (a <= 0) continue;
          sum += a * ink[sy * w + sx]!;
          area += a;
        }
      out[gy * GRID + gx] = area > 0 ? sum / area : 0;
    }
  return smooth(out);
}

/** A 3 × 3 binomial blur: small differences of stroke position count less. */
export function smooth(v: GlyphVector): GlyphVector {
  const k = [1, 2, 1];
  const tmp = new Float32Array(N);
  const out = new Float32Array(N);
  for (let y = 0; y < GRID; y++)
    for (let x = 0; x < GRID; x++) {
      let s = 0;
      for (let d = -1; d <= 1; d++) {
        const xx = x + d;
        if (xx >= 0 && xx < GRID) s += k[d + 1]! * v[y * GRID + xx]!;
      }
      tmp[y * GRID + x] = s / 4;
    }
  for (let y = 0; y < GRID; y++)
    for (let x = 0; x < GRID; x++) {
      let s = 0;
      for (let d = -1; d <= 1; d++) {
        const yy = y + d;
        if (yy >= 0 && yy < GRID) s += k[d + 1]! * tmp[yy * GRID + x]!;
      }
      out[y * GRID + x] = s / 4;
    }
  return out;
}

/**
 * Normalised correlation of a and b, b shifted by (dx, dy) cells, each cell counted by
 * its weight in `w` (every cell alike where there is none).
 */
function correlation(
  a: GlyphVector,
  b: GlyphVector,
  dx: number,
  dy: number,
  w?: Float32Array,
): number {
  // Weighted sums over the overlap in one pass; the centred moments follow from them.
  let n = 0;
  let sa = 0;
  let sb = 0;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let y = 0; y < GRID; y++) {
    const by = y - dy;
    if (by < 0 || by >= GRID) continue;
    for (let x = 0; x < GRID; x++) {
      const bx = x - dx;
      if (bx < 0 || bx >= GRID) continue;
      const k = w ? w[y * GRID + x]! : 1;
      const u = a[y * GRID + x]!;
      const v = b[by * GRID + bx]!;
      n += k;
      sa += k * u;
      sb += k * v;
      sab += k * u * v;
      saa += k * u * u;
      sbb += k * v * v;
    }
  }
  const ab = sab - (sa * sb) / n;
  const aa = saa - (sa * sa) / n;
  const bb = sbb - (sb * sb) / n;
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** How far a template is moved over the glyph, in cells. */
const SHIFT = 1;

/**
 * The glyph's likeness to one bitmap: its best correlation over small shifts, with each
 * cell weighted by `w` where given (differenceWeights).
 */
export function likeness(glyph: GlyphVector, template: GlyphVector, w?: Float32Array): number {
  let best = -1;
  for (let dy = -SHIFT; dy <= SHIFT; dy++)
    for (let dx = -SHIFT; dx <= SHIFT; dx++)
      best = Math.max(best, correlation(glyph, template, dx, dy, w));
  return best;
}

/**
 * Weight every cell keeps in a comparison of two characters, beside where they differ:
 * the rest of the glyph still has to look like the character (measured with
 * bench/name-judge.ts --dump on seeds 3600-3601 and 3610-3611: 0.05 and 0.1 told about as
 * many glyphs, 0.2 and more fewer, 0 turned more common ones).
 */
export const SHARED_WEIGHT = 0.05;

/**
 * Where two characters' bitmaps differ, as cell weights: the mean difference of their
 * bitmaps in each face that drew both (the same face's strokes, so only the strokes that
 * tell them apart differ), scaled to 1 at its most, over SHARED_WEIGHT everywhere. 余 and
 * 佘 differ in one stroke: a correlation of the whole glyph is ruled by the strokes they
 * share; weighted so, by the one that tells them apart.
 */
export function differenceWeights(
  a: readonly (GlyphVector | undefined)[],
  b: readonly (GlyphVector | undefined)[],
): Float32Array | null {
  const w = new Float32Array(N);
  let faces = 0;
  a.forEach((ta, f) => {
    const tb = b[f];
    if (!ta || !tb) return;
    for (let i = 0; i < N; i++) w[i]! += Math.abs(ta[i]! - tb[i]!);
    faces++;
  });
  let most = 0;
  for (let i = 0; i < N; i++) most = Math.max(most, w[i]!);
  if (faces === 0 || most === 0) return null;
  for (let i = 0; i < N; i++) w[i] = SHARED_WEIGHT + (1 - SHARED_WEIGHT) * (w[i]! / most);
  return w;
}

export interface Judgement {
  /** The candidate the glyph is likest. */
  text: string;
  /**
   * By how much: the look-alike's lead over the character read where one leads, else the
   * character read's least lead over a look-alike (0 where they tie).
   */
  margin: number;
  /** Each look-alike's lead over the character read (negative: behind it). */
  scores: ReadonlyMap<string, number>;
}

/** Per pair of characters, where they differ (differenceWeights), once per set of bitmaps. */
const weightsKept = new WeakMap<GlyphTemplates, Map<string, Float32Array | null>>();

function pairWeights(templates: GlyphTemplates, a: string, b: string): Float32Array | null {
  let kept = weightsKept.get(templates);
  if (!kept) weightsKept.set(templates, (kept = new Map<string, Float32Array | null>()));
  const key = `${a}${b}`;
  if (!kept.has(key)) kept.set(key, differenceWeights(templates.byFace(a), templates.byFace(b)));
  return kept.get(key)!;
}

/**
 * Which of the character read and its look-alikes the glyph shows: each look-alike is
 * weighed against the character read where their bitmaps differ (differenceWeights), its
 * likeness less the read one's, each at its best face. Null where a candidate has no
 * bitmap (nothing to compare it with).
 */
export function judgeGlyph(
  glyph: GlyphVector,
  read: string,
  rares: readonly string[],
  templates: GlyphTemplates,
): Judgement | null {
  const readFaces = templates.get(read);
  if (!readFaces || readFaces.length === 0 || rares.length === 0) return null;
  const scores = new Map<string, number>();
  for (const rare of rares) {
    const faces = templates.get(rare);
    if (!faces || faces.length === 0) return null;
    const w = pairWeights(templates, read, rare);
    if (!w) return null;
    const best = (list: readonly GlyphVector[]): number =>
      Math.max(...list.map((t) => likeness(glyph, t, w)));
    scores.set(rare, best(faces) - best(readFaces));
  }
  const [rare, lead] = [...scores].sort((x, y) => y[1] - x[1])[0]!;
  return lead > 0 ? { text: rare, margin: lead, scores } : { text: read, margin: -lead, scores };
}

/** A glyph's bitmap as stored: one bit per cell, ink above half. */
export function packBits(v: GlyphVector): Uint8Array {
  const out = new Uint8Array(N / 8);
  for (let i = 0; i < N; i++) if (v[i]! > 0.5) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

export function unpackBits(bits: Uint8Array): GlyphVector {
  const v = new Float32Array(N);
  for (let i = 0; i < N; i++) v[i] = (bits[i >> 3]! >> (i & 7)) & 1;
  return smooth(v);
}

/**
 * Least lead a look-alike must have over the character read (judgeGlyph, where their
 * bitmaps differ) to be told. Measured leave-one-face-out (bench/name-judge.ts --dump:
 * each face's page judged with the other six faces' bitmaps), on the glyphs whose true
 * character was the one read or a look-alike of it: seeds 3600-3601 (16, 20 px; 662 rare,
 * 784 common glyphs) and 3610-3611 (18, 22 px; 652 and 959): at 0.08, 591 and 578 rare
 * told right, but 2 common 余 told 佘 (LXGW WenKai 18 px, lead 0.088); at 0.1, 565 and 565,
 * none wrong. The whole-glyph correlation before it told 432 and 425 at 0.08 (余/佘 left
 * out there: it turned those two 余 at 0.08 too).
 */
export const JUDGE_MIN_MARGIN = 0.1;

/**
 * A character the recogniser read below SURE_READ is judged at UNSURE_MARGIN: it doubts
 * that character itself, and a common character read so is rarely one (bench/name-judge.ts
 * --dump, leave-one-face-out): every common glyph read below 0.99 had a look-alike's lead
 * under 0.025 (blurred 0.8 px, seeds 4202-4203, 18 px: 67 glyphs, none above 0.011; sharp,
 * seeds 4210-4211, 18 and 22 px: 116, none above 0.023), while the rare ones read so were
 * told 333 of 385 times at 0.06 against 295 at 0.1 (blurred; sharp 558 of 614 against 525).
 * The common glyphs with the largest leads (0.118, 0.091: 逢 and 余 in one face) were all
 * read at 0.99 or more, where JUDGE_MIN_MARGIN holds. A glyph cut badly from a real scan
 * leads more (网 of 互联网 read at 0.985 on a tuned photocopy, 阚 ahead by 0.070): only a
 * person's name takes a judgement, and a surname's look-alike only at its first place.
 */
export const SURE_READ = 0.99;
export const UNSURE_MARGIN = 0.06;

/** The lead a look-alike needs over a character read with the recogniser's `confidence`. */
export function marginFor(confidence: number): number {
  return confidence < SURE_READ ? UNSURE_MARGIN : JUDGE_MIN_MARGIN;
}

export interface GlyphObservation {
  /** The line's text as read, and the character's index among its characters. */
  line: string;
  at: number;
  read: string;
  /** The recogniser's confidence in what it read. */
  confidence: number;
  glyph: GlyphVector;
  verdict: Judgement | null;
}

/**
 * The lines with each ideograph that has look-alikes (`lookalikes`: what was read → the
 * rarer characters it may be) judged on its print: where the glyph looks likest a
 * look-alike by marginFor its confidence, the character carries it as `judged` (the
 * extractor decides whether the field may take it). Characters without look-alikes are not
 * looked at.
 */
export function applyGlyphJudge(
  crops: readonly Raster[],
  lines: readonly (readonly RecognisedChar[])[],
  lookalikes: ReadonlyMap<string, readonly string[]>,
  templates: GlyphTemplates,
  /** Told of every glyph judged (for the measurements: bench/name-judge.ts). */
  observe?: (o: GlyphObservation) => void,
): RecognisedChar[][] {
  return lines.map((chars, line) => {
    if (!chars.some((c) => lookalikes.has(c.text))) return [...chars];
    return chars.map((c, k) => {
      const rares = lookalikes.get(c.text);
      if (!rares || c.recovered) return c;
      const glyph = glyphVector(glyphCrop(crops[line]!, chars, k));
      if (!glyph) return c;
      const verdict = judgeGlyph(glyph, c.text, rares, templates);
      observe?.({
        line: chars.map((x) => x.text).join(''),
        at: k,
        read: c.text,
        confidence: c.confidence,
        glyph,
        verdict,
      });
      if (!verdict || verdict.text === c.text || verdict.margin < marginFor(c.confidence)) return c;
      return { ...c, judged: verdict.text };
    });
  });
}
