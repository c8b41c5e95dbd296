// The OCR's own doubts about a field's characters. PP-OCR keeps, for a character it was
// not alone in reading, its runners-up with their probabilities (CharAlternativesSchema).
// A field's value is found again among the glyphs of its box, character by character,
// so each character of the value knows what else the OCR saw there. Used for:
// - a compared field (a name) whose character had a close second choice: trusted below
//   0.9 and the second choice offered as a proposal (余 with 佘 at 14%: the recogniser,
//   trained mostly on common text, prefers the common character of a look-alike pair);
// - a code failing its checksum: the repair chooses among the characters the OCR offered.
import type { Box, CharAlternatives, Correction } from '../extraction';
import { foldWidth } from '../text/normalise';
import type { Glyph, Line } from './lines';
import type { PlaceGlyph } from './places';

/** Per character of a value, what else the OCR saw there (null: nothing). */
export type ValueAlternatives = readonly (CharAlternatives | null)[];

/**
 * A runner-up at least this probable is a real doubt: the character may be it. Measured
 * on rendered names in four fonts: a rare surname read as its common look-alike had it
 * at 0.01-0.27 in about half the readings (佘 behind 余 always; 逄 behind 逢 at 0.001-0.05),
 * the common one printed as itself at most 0.005 (decoding keeps nothing below that).
 */
export const CLOSE_SECOND_P = 0.01;

/**
 * For a person's name, a runner-up at least this probable is already a doubt: the
 * decoder keeps nothing below it (ALTERNATIVE_MIN_P). A name is where a rare character
 * hides behind its common look-alike at under 1% (逄丽 read as 逢丽 at 0.997, 逄 at
 * 0.8%), and no dictionary or checksum catches it. Measured on 918 names rendered in
 * the three fixture fonts at 16, 18 and 22 px (npm run bench:name-doubts): of 287
 * misread, 265 show a runner-up at 0.5% or more (245 at 1%), the true name proposed for
 * 121 (112); of 631 read right, 41% show one (30% at 1%) and wait for a person; of 18
 * genuine 逢, none is doubted as 逄.
 */
export const NAME_SECOND_P = 0.005;

/** Most second-choice proposals for one value. */
const MAX_PROPOSALS = 3;

/** The most a compared value holding a character with a close second choice is trusted. */
export const CLOSE_SECOND_CONFIDENCE = 0.85;

const norm = (ch: string): string => foldWidth(ch).toUpperCase();

function glyphsIn(box: Box, lines: readonly Line[]): Glyph[] {
  const slack = 0.25 * Math.min(box.h, 40);
  const within = (g: Glyph): boolean => {
    const cx = (g.x0 + g.x1) / 2;
    const cy = (g.y0 + g.y1) / 2;
    return (
      cx >= box.x - slack &&
      cx <= box.x + box.w + slack &&
      cy >= box.y - slack &&
      cy <= box.y + box.h + slack
    );
  };
  return lines
    .filter((l) => l.page === box.page && l.y1 >= box.y - slack && l.y0 <= box.y + box.h + slack)
    .flatMap((l) => l.glyphs.filter(within));
}

/**
 * The glyphs of `box` spelling `value` in order (spaces and separators between them
 * skipped), starting where the fewest glyphs are skipped; null when they do not.
 */
function align(value: string, glyphs: readonly Glyph[]): Glyph[] | null {
  const wanted = [...value].map(norm);
  let best: Glyph[] | null = null;
  let bestSkips = Infinity;
  for (let start = 0; start < glyphs.length; start++) {
    if (norm(glyphs[start]!.ch) !== wanted[0]) continue;
    const matched: Glyph[] = [];
    let skips = 0;
    let j = start;
    for (const ch of wanted) {
      while (j < glyphs.length && norm(glyphs[j]!.ch) !== ch) {
        j++;
        skips++;
      }
      if (j >= glyphs.length) break;
      matched.push(glyphs[j]!);
      j++;
    }
    if (matched.length === wanted.length && skips < bestSkips) {
      best = matched;
      bestSkips = skips;
      if (skips === 0) break;
    }
  }
  return best;
}

/** The glyphs of `box` spelling `value` in order (as align), or null: where it was read. */
export function valueGlyphs(value: string, box: Box, lines: readonly Line[]): Glyph[] | null {
  return align(value, glyphsIn(box, lines));
}

/**
 * The glyph of `box` under each character of `value`, the two aligned by fewest edits:
 * a value the reader changed after reading (a scope's ； for a ：, 技术 for 技市) is not
 * spelled by its glyphs, but most of its characters are. Null at a character no glyph
 * spells; null when `box` holds no glyphs.
 */
export function alignedGlyphs(
  value: string,
  box: Box,
  lines: readonly Line[],
): (Glyph | null)[] | null {
  const glyphs = glyphsIn(box, lines);
  const want = [...value].map(norm);
  const got = glyphs.map((g) => norm(g.ch));
  const n = want.length;
  const m = got.length;
  if (n === 0 || m === 0) return null;
  // cost[i][j]: value[0, i) against glyphs[0, j), glyphs before the value free.
  const w = m + 1;
  const cost = new Int32Array((n + 1) * w);
  for (let i = 1; i <= n; i++) cost[i * w] = i;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      cost[i * w + j] = Math.min(
        cost[(i - 1) * w + j - 1]! + (want[i - 1] === got[j - 1] ? 0 : 1),
        cost[(i - 1) * w + j]! + 1,
        cost[i * w + j - 1]! + 1,
      );
  // Glyphs after the value free too: it ends where it costs least.
  let j = 0;
  for (let k = 1; k <= m; k++) if (cost[n * w + k]! < cost[n * w + j]!) j = k;
  const out: (Glyph | null)[] = new Array<Glyph | null>(n).fill(null);
  for (let i = n; i > 0 && j > 0;) {
    const here = cost[i * w + j]!;
    const same = want[i - 1] === got[j - 1];
    if (here === cost[(i - 1) * w + j - 1]! + (same ? 0 : 1)) {
      if (same) out[i - 1] = glyphs[j - 1]!;
      i--;
      j--;
    } else if (here === cost[(i - 1) * w + j]! + 1) i--;
    else j--;
  }
  return out;
}

/**
 * Each character's own confidence and runners-up, for a value read from `box`: by its
 * glyphs, or for a value changed after reading (a scope's ： for ；) by the glyphs its other
 * characters align with (null at a changed one); null when none are found.
 */
export function charDoubts(
  value: string,
  box: Box,
  lines: readonly Line[],
): (PlaceGlyph | null)[] | null {
  const glyphs = valueGlyphs(value, box, lines) ?? alignedGlyphs(value, box, lines);
  return (
    glyphs?.map((g) =>
      g === null
        ? null
        : {
            confidence: g.own ?? g.confidence,
            options: g.alternatives?.options ?? [],
            ...(g.alternatives?.candidates ? { candidates: g.alternatives.candidates } : {}),
          },
    ) ?? null
  );
}

/**
 * The run of `box`'s glyphs a value differs from in one character only (a name whose
 * character the reader chose among the OCR's readings: 隗晗 over the glyphs 隐晗), when
 * exactly one run does; null otherwise.
 */
function alignOneChanged(value: string, glyphs: readonly Glyph[]): Glyph[] | null {
  const wanted = [...value].map(norm);
  const runs: Glyph[][] = [];
  for (let start = 0; start + wanted.length <= glyphs.length; start++) {
    const run = glyphs.slice(start, start + wanted.length);
    const changed = run.filter((g, i) => norm(g.ch) !== wanted[i]).length;
    if (changed === 1) runs.push(run);
  }
  return runs.length === 1 ? runs[0]! : null;
}

/**
 * The run of `box`'s glyphs spelling `value` except at places holding a character the
 * caller accepts for the value's (`mayRead(glyph, i, ch)`: a look-alike the recogniser is
 * known to read for it), at most two and never all, with those places; null when no run or
 * more than one does.
 */
export function lookAlikeGlyphs(
  value: string,
  box: Box,
  lines: readonly Line[],
  mayRead: (glyph: Glyph, i: number, ch: string) => boolean,
): { glyphs: Glyph[]; changed: number[] } | null {
  const wanted = [...value];
  const glyphs = glyphsIn(box, lines);
  const runs: { glyphs: Glyph[]; changed: number[] }[] = [];
  for (let start = 0; start + wanted.length <= glyphs.length; start++) {
    const run = glyphs.slice(start, start + wanted.length);
    const changed = run.flatMap((g, i) => (norm(g.ch) === norm(wanted[i]!) ? [] : [i]));
    if (changed.length === 0 || changed.length > 2 || changed.length === wanted.length) continue;
    if (changed.every((i) => mayRead(run[i]!, i, wanted[i]!))) runs.push({ glyphs: run, changed });
  }
  return runs.length === 1 ? runs[0]! : null;
}

/**
 * What else the OCR saw in each character of a value read from `box`; null when the
 * value's characters cannot be found there or none of them had a runner-up.
 */
export function valueAlternatives(
  value: string,
  box: Box,
  lines: readonly Line[],
): ValueAlternatives | null {
  const glyphs = glyphsIn(box, lines);
  if (!glyphs.some((g) => g.alternatives)) return null;
  const matched = align(value, glyphs) ?? alignOneChanged(value, glyphs);
  if (!matched?.some((g) => g.alternatives)) return null;
  return matched.map((g) => g.alternatives ?? null);
}

/** A character read at least this surely is not in doubt, whatever its runner-up. */
export const SURE_CHARACTER_P = 0.9;

/** Only the characters the OCR read below SURE_CHARACTER_P keep their alternatives. */
export function unsureCharacters(alternatives: ValueAlternatives): ValueAlternatives {
  return alternatives.map((a) => (a !== null && a.p < SURE_CHARACTER_P ? a : null));
}

const percent = (p: number): string => `${Math.round(p * 100)}%`;

const CJK = /^[\u3400-\u9fff\u{20000}-\u{2ffff}]$/u;

/** A digit: the runner-up worth proposing in a code of digits. */
export const DIGIT = /^\d$/u;

/**
 * A compared value's close second choices: each character of the value whose runner-up
 * is another character of `kind` (CJK, or DIGIT in a code of digits) at `minP`
 * (CLOSE_SECOND_P, or NAME_SECOND_P for names) or more, as a proposal with its reason
 * (the MAX_PROPOSALS strongest; those `first` says, at position i with text t, before the others).
 */
export function closeSecondChoices(
  field: string,
  value: string,
  alternatives: ValueAlternatives,
  minP: number = CLOSE_SECOND_P,
  first: (i: number, text: string) => boolean = () => false,
  kind: RegExp = CJK,
): Correction[] {
  const chars = [...value];
  const doubts = alternatives.flatMap((a, i) =>
    (a === null ? [] : a.options)
      // CTC smears a neighbour into a character's time steps (吴昊: 吴 behind 昊): no doubt.
      .filter(
        (o) =>
          o.p >= minP &&
          kind.test(o.text) &&
          o.text !== chars[i] &&
          o.text !== chars[i - 1] &&
          o.text !== chars[i + 1],
      )
      .map((o) => {
        const to = [...chars.slice(0, i), o.text, ...chars.slice(i + 1)].join('');
        const correction: Correction = {
          field,
          from: value,
          to,
          reason: 'ocr-alternative',
          note: `The OCR read ${chars[i]} at position ${i + 1} (${percent(a?.p ?? 0)}) but also saw ${o.text} there (${percent(o.p)}): check it against the image.`,
        };
        return { correction, p: o.p, first: first(i, o.text) };
      }),
  );
  // The strongest doubts first; on a blurred page every character has one, and a list of
  // them all would bury the one that matters.
  return doubts
    .sort((a, b) => Number(b.first) - Number(a.first) || b.p - a.p)
    .slice(0, MAX_PROPOSALS)
    .map((d) => d.correction);
}
