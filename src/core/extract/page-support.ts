// What a page's own recognition says of a character another document reads at that place
// (issue 13 item 2). The company's name and the legal representative are printed on
// several documents; where one page's OCR read a character unsurely (斋 at 0.36 in
// 澄川汇（斋圳）…) and another document reads another one there (深), the question is put to
// the page: how probable did its recogniser find the other document's character at that
// glyph? PP-OCR keeps, for a character read below 0.9, every class it gave at least 0.001
// there (CharAlternatives.candidates, ctc.ts doubtCandidates), besides its two runners-up.
// The odds of the other document's whole value against the page's own reading, on the
// page's own recognition, are the product over the places they differ of p(theirs) /
// p(ours) at each glyph: the forced alignment of the other value on the line's greedy path
// (the other characters are shared). The page supports the other value only where it
// found it at least PAGE_SUPPORT_ODDS as probable as its own reading; a character it gave
// less than 0.001, or one read for sure, is what the page prints, and a difference there
// is for the comparison to show.
import type { CharAlternatives } from '../extraction';
import { SURE_CHARACTER_P } from './alternatives';
import { HAN_CHAR } from '../text/han';

/**
 * The other document's value must be at least this probable, against the page's own
 * reading, on the page's own recognition. Measured on tuned dossiers drawn at seed offsets
 * 4500 (genuine misreads) and 4550 (a deliberate one-character difference): see the commit.
 */
export const PAGE_SUPPORT_ODDS = 0.2;

/**
 * The odds a company's name's other character needs where a rule speaks for it too (it is
 * a runner-up of the glyph, or the place a slot naming no place is one character off:
 * name-agreement.ts). On tuned dossiers (seed offsets 4500 and 4550, the full set) the
 * right character, so backed, had 0.096-0.53 of the character misread (深 0.0217 behind
 * 浠 0.226, 0.048 behind 浠 0.248, 0.024 behind 斋 0.18); the other document's character
 * opposite a printed look-alike in a company's name 0.014 (琛 read 0.84, 深 at 0.012).
 */
export const WITH_RULE_ODDS = 0.05;

/**
 * The recogniser's probability of `ch` at a glyph it read as `read` (what it saw there:
 * `seen`): its own, a runner-up's or a candidate's; 0 where it kept its candidates and `ch`
 * is not among them (below 0.001: not considered); null where it kept nothing to tell
 * (a text layer, a character read surely, a reading older than the candidates).
 */
export function probabilityOnPage(
  seen: CharAlternatives | null | undefined,
  read: string,
  ch: string,
): number | null {
  if (seen === null || seen === undefined) return null;
  if (ch === read) return seen.p;
  const kept =
    seen.options.find((o) => o.text === ch) ?? seen.candidates?.find((o) => o.text === ch);
  if (kept !== undefined) return kept.p;
  return seen.candidates === undefined ? null : 0;
}

/**
 * How many times as probable the page's recognition finds `theirs` as `ours` (two values
 * of equal length, differing at `at`), each place read below SURE_CHARACTER_P; null where
 * a place was read surely or the page kept nothing to tell.
 */
export function pageOdds(
  seen: readonly (CharAlternatives | null)[] | null,
  ours: string,
  theirs: string,
  at: readonly number[],
): number | null {
  if (seen === null || at.length === 0) return null;
  const a = [...ours];
  const b = [...theirs];
  let odds = 1;
  for (const i of at) {
    const glyph = seen[i];
    if (glyph === null || glyph === undefined || glyph.p >= SURE_CHARACTER_P) return null;
    const p = probabilityOnPage(glyph, a[i]!, b[i]!);
    if (p === null) return null;
    odds *= p / Math.max(glyph.p, Number.EPSILON);
  }
  return odds;
}

/** Whether the page supports `theirs` over its own reading `ours` (pageOdds ≥ PAGE_SUPPORT_ODDS). */
export function pageSupports(
  seen: readonly (CharAlternatives | null)[] | null,
  ours: string,
  theirs: string,
  at: readonly number[],
): boolean {
  return (pageOdds(seen, ours, theirs, at) ?? 0) >= PAGE_SUPPORT_ODDS;
}

/** `value` with `ch` at position i. */
const withAt = (value: string, i: number, ch: string): string => {
  const chars = [...value];
  chars[i] = ch;
  return chars.join('');
};

/**
 * Whether the page's own recognition supports the ideograph `ch` at position i of `value`
 * (what it saw there: `seen`): it read its character below SURE_CHARACTER_P and gave `ch`
 * at least PAGE_SUPPORT_ODDS of that character's probability, as a runner-up or a
 * candidate. A character it considered less than that is what the page prints, whatever
 * another document reads. Only an ideograph is settled so (a bracket's width is the image's).
 */
export function pageSupportsAt(
  seen: readonly (CharAlternatives | null)[] | null,
  value: string,
  i: number,
  ch: string,
): boolean {
  return HAN_CHAR.test(ch) && pageSupports(seen, value, withAt(value, i, ch), [i]);
}

/**
 * Whether the page's recognition considered `ch` at position i of `value`: it read its
 * character there below SURE_CHARACTER_P and gave `ch` at least CANDIDATE_MIN_P (0.001).
 * Where the page's reading is known to be wrong (a name starting with no surname, a place
 * slot naming no place: name-agreement.ts), the other document's character must still be
 * one the page considered: 琛圳…, read 瑶圳 with 深 below 0.001, is not taken for 深圳….
 */
export function pageConsidered(
  seen: readonly (CharAlternatives | null)[] | null,
  value: string,
  i: number,
  ch: string,
): boolean {
  const glyph = seen?.[i];
  if (glyph === null || glyph === undefined || glyph.p >= SURE_CHARACTER_P) return false;
  return (probabilityOnPage(glyph, [...value][i]!, ch) ?? 0) > 0;
}

/**
 * Whether the page's own evidence backs the ideograph `ch` at position i of `value` where a
 * rule speaks for it (a runner-up kept, a look-alike PP-OCR was measured to misread, a place
 * one character off): the visual judge found the glyph likest `ch` (its `judged`), or the
 * recogniser gave `ch` at least WITH_RULE_ODDS of the character it read there (a runner-up
 * may be asked less: `runnerUpOdds`), however surely it read its own. A rule alone never settles a
 * character from another document: a bank form printing 元钊昕 (read 元 at 0.99, nothing
 * behind it) where the license prints 亓钊昕 differs from it, whatever PP-OCR is known to
 * misread, and only the page's print can say it is 亓.
 */
export function pageBacksAt(
  seen: readonly (CharAlternatives | null)[] | null,
  value: string,
  i: number,
  ch: string,
  /** The odds enough for one of the glyph's runners-up (its candidates need WITH_RULE_ODDS). */
  runnerUpOdds = WITH_RULE_ODDS,
): boolean {
  const glyph = seen?.[i];
  if (glyph === null || glyph === undefined) return false;
  return glyphBacks(glyph, [...value][i]!, ch, runnerUpOdds);
}

/** Whether one glyph, read as `read`, backs `ch` (pageBacksAt, for a glyph on its own). */
export function glyphBacks(
  glyph: CharAlternatives,
  read: string,
  ch: string,
  runnerUpOdds = WITH_RULE_ODDS,
): boolean {
  if (!HAN_CHAR.test(ch)) return false;
  if (glyph.judged === ch) return true;
  const p = probabilityOnPage(glyph, read, ch);
  if (p === null) return false;
  const odds = p / Math.max(glyph.p, Number.EPSILON);
  const runnerUp = glyph.options.some((o) => o.text === ch && o.p > 0);
  return odds >= (runnerUp ? Math.min(runnerUpOdds, WITH_RULE_ODDS) : WITH_RULE_ODDS);
}
