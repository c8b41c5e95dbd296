// A recognised line as the extractor gets it: split at wide gaps between characters (a
// label and its value, two columns the detector joined), each part with a tight box, its
// confidence (the weakest character decides) and the recogniser's runners-up.
import type { CharAlternatives, TextItem } from '../../core/extraction';
import { preferCjkWidths } from '../engine';
import type { CharAlternative } from './ctc';
import type { DetectedBox } from './db-postprocess';
import type { InkSpan } from './line-ink';
import { CJK_UNIFIED, HAS_HAN } from '../../core/text/han';

/** Confidence of a segment that seems to have lost a character. */
const MISSING_CHARACTER_CONFIDENCE = 0.6;
/**
 * Most a character read from print its line's reading left out may have: the two
 * readings disagree, so a person confirms it (its own confidence, usually lower, decides
 * when it is). An ideograph carries it in its own confidence; any other character holds
 * its whole segment to it.
 */
export const RECOVERED_CHARACTER_CONFIDENCE = 0.85;

/** Columns of print between crop x `from` and `to`. */
function printBetween(ink: readonly InkSpan[], from: number, to: number): number {
  return ink.reduce((n, s) => n + Math.max(0, Math.min(to, s.to) - Math.max(from, s.from)), 0);
}

/**
 * Two Chinese characters much further apart than the line's pitch, with print between
 * them (where the line's ink is known): a character was lost there. Where the crop shows
 * no print between the two glyphs the gap is a space (性别 男, a label and its value), not
 * a lost character.
 */
function hasMissingCharacterGap(
  part: readonly RecognisedChar[],
  cjkPitch: number | null,
  ink: readonly InkSpan[] | null,
): boolean {
  if (cjkPitch === null) return false;
  return part.some((c, i) => {
    const prev = part[i - 1];
    if (prev === undefined || !CJK_UNIFIED.test(c.text) || !CJK_UNIFIED.test(prev.text))
      return false;
    if (c.start - prev.start <= 1.4 * cjkPitch) return false;
    if (ink === null) return true;
    // A set ideograph is about the line's pitch wide: print between the two glyphs' edges,
    // more than a blurred edge's bleed, is a character's.
    const half = 0.5 * cjkPitch;
    return printBetween(ink, prev.x + half, c.x - half) >= Math.max(2, 0.15 * cjkPitch);
  });
}

export interface RecognisedChar {
  text: string;
  confidence: number;
  /** Centre, in crop pixels from the crop's left edge. */
  x: number;
  /** Where the character's first time step falls, in crop pixels (for gap checks). */
  start: number;
  /** The recogniser's runners-up for this character (usually none). */
  alternatives: readonly CharAlternative[];
  /** Read from print the line's own reading left out (line-ink.ts): a second, lone reading. */
  recovered?: boolean;
  /**
   * Every character the recogniser gave at least CANDIDATE_MIN_P here, with its p (ctc.ts
   * charCandidates); absent where not known.
   */
  candidates?: ReadonlyMap<string, number>;
  /**
   * Read below ctc.ts DOUBTED_BELOW: every other class the recogniser gave at least
   * CANDIDATE_MIN_P here, best first (ctc.ts doubtCandidates); absent for a sure one.
   */
  doubtCandidates?: readonly CharAlternative[];
  /** Read again by a second recogniser that saw another character (second-opinion.ts). */
  secondOpinion?: boolean;
  /** The look-alike its print looks likest, where not the character read (glyph-judge.ts). */
  judged?: string;
}

/** The alternatives of a segment's characters, indexed into its text as lineSegments builds it. */
function segmentAlternatives(part: readonly RecognisedChar[]): CharAlternatives[] {
  const joined = part.map((c) => c.text).join('');
  let at = -[...joined].length + [...joined.trimStart()].length;
  const result: CharAlternatives[] = [];
  // What else the recogniser gave a doubted character, beyond its two runners-up (a second
  // reader's character is not the one they were given for).
  const candidatesOf = (c: RecognisedChar): Pick<CharAlternatives, 'candidates'> =>
    c.doubtCandidates !== undefined && c.secondOpinion !== true
      ? { candidates: c.doubtCandidates.map((a) => ({ ...a })) }
      : {};
  for (const c of part) {
    if (c.judged !== undefined && at >= 0) {
      // The judged look-alike is among the options (at what PP-OCR gave it, if anything).
      const options = c.alternatives.some((a) => a.text === c.judged)
        ? c.alternatives
        : [...c.alternatives, { text: c.judged, p: c.candidates?.get(c.judged) ?? 0 }];
      result.push({
        at,
        p: c.confidence,
        options: options.map((a) => ({ ...a })),
        judged: c.judged,
        ...candidatesOf(c),
      });
    } else if (c.alternatives.length > 0 && at >= 0)
      result.push({
        at,
        p: c.confidence,
        options: c.alternatives.map((a) => ({ ...a })),
        ...candidatesOf(c),
      });
    at += [...c.text].length;
  }
  return result;
}

/**
 * Splits a recognised line at wide gaps between characters (a label and its value, or
 * two columns DB joined into one box) and gives each part a tight box: the extractor
 * tells label from value by position, and the detector's grown boxes overlap.
 */
export function lineSegments(
  chars: readonly RecognisedChar[],
  box: DetectedBox,
  page: number,
  lost: readonly number[] = [],
  ink: readonly InkSpan[] | null = null,
): TextItem[] {
  const visible = chars.filter((c) => c.text.trim() !== '');
  if (visible.length === 0) return [];
  const coreHeight = Math.max(4, box.h - 2 * box.pad);
  const spacings = visible
    .slice(1)
    .map((c, i) => c.x - visible[i]!.x)
    .sort((a, b) => a - b);
  const spacing = spacings.length > 0 ? spacings[Math.floor(spacings.length / 2)]! : coreHeight;
  const half = Math.min(coreHeight, Math.max(spacing, coreHeight * 0.5)) / 2;
  const gapLimit = Math.max(2.2 * spacing, 1.6 * coreHeight);
  const split: RecognisedChar[][] = [[]];
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (prev && c.x - prev.x > gapLimit) split.push([]);
    split[split.length - 1]!.push(c);
  });
  // Characters read again alone complete a reading beside them; standing apart (a gap
  // away from every character the line's reading gave) they complete nothing and would be
  // an item of their own (an `A` between an ID number and its faint label): they are
  // dropped, and the print they came from counts as lost to the nearest part.
  const isOwnReading = (c: RecognisedChar): boolean => c.text.trim() !== '' && c.recovered !== true;
  const parts = split.filter(
    (part) => !part.some((c) => c.recovered === true) || part.some(isOwnReading),
  );
  const strays = split
    .filter((part) => !parts.includes(part))
    .map((part) => (part[0]!.x + part[part.length - 1]!.x) / 2);
  const lostPrint = [...lost, ...strays];
  if (parts.length === 0) return [];
  const cjkGaps = visible
    .slice(1)
    .map((c, i) =>
      CJK_UNIFIED.test(c.text) && CJK_UNIFIED.test(visible[i]!.text)
        ? c.start - visible[i]!.start
        : NaN,
    )
    .filter((g) => !Number.isNaN(g))
    .sort((a, b) => a - b);
  const cjkPitch = cjkGaps.length >= 3 ? cjkGaps[Math.floor(cjkGaps.length / 2)]! : null;
  // The part print no character accounts for belongs to: the one it lies in or nearest to.
  const distance = (x: number, part: readonly RecognisedChar[]): number =>
    Math.max(0, part[0]!.x - x, x - part[part.length - 1]!.x);
  const nearest = (x: number): RecognisedChar[] | undefined =>
    parts.reduce<RecognisedChar[] | undefined>(
      (best, part) => (best === undefined || distance(x, part) < distance(x, best) ? part : best),
      undefined,
    );
  const y = box.y + box.pad * 0.6;
  const h = box.h - box.pad * 1.2;
  return parts
    .map((part) => {
      const text = preferCjkWidths(
        part
          .map((c) => c.text)
          .join('')
          .trim(),
      );
      // A character read again alone speaks for itself (its own confidence, below), not
      // for the line's other values (性别男民族汉 with 族 recovered: 男 is as sure as before).
      const confidences = part
        .filter((c) => c.text.trim() !== '' && c.recovered !== true)
        .map((c) => c.confidence);
      const mean = confidences.reduce((a, v) => a + v, 0) / Math.max(1, confidences.length);
      const min = Math.min(...confidences);
      const x0 = Math.max(box.x, box.x + part[0]!.x - half);
      const x1 = Math.min(box.x + box.w, box.x + part[part.length - 1]!.x + half);
      // The weakest character decides: one misread digit makes a wrong credit code.
      let confidence = Math.max(0, Math.min(1, Math.min(mean, min + 0.05)));
      // CTC can drop a character without any doubt on the others: two Chinese characters
      // much further apart than the line's pitch mean one is missing between them.
      if (hasMissingCharacterGap(part, cjkPitch, ink) || lostPrint.some((x) => nearest(x) === part))
        confidence = Math.min(confidence, MISSING_CHARACTER_CONFIDENCE);
      // The extractor takes an ideograph's own confidence where it is lower (itemGlyphs);
      // another character read again holds its whole segment.
      if (part.some((c) => c.recovered === true && !HAS_HAN.test(c.text)))
        confidence = Math.min(confidence, RECOVERED_CHARACTER_CONFIDENCE);
      // A character two recognisers read differently (second-opinion.ts) holds its segment.
      if (part.some((c) => c.secondOpinion === true))
        confidence = Math.min(confidence, RECOVERED_CHARACTER_CONFIDENCE);
      const alternatives = segmentAlternatives(part).filter((a) => a.at < [...text].length);
      const charConfidences = part
        .filter((c) => c.text.trim() !== '')
        .map(
          (c) =>
            Math.round(
              (c.recovered === true
                ? Math.min(c.confidence, RECOVERED_CHARACTER_CONFIDENCE)
                : c.confidence) * 1000,
            ) / 1000,
        );
      return {
        page,
        x: x0,
        y,
        w: Math.max(1, x1 - x0),
        h,
        text,
        confidence,
        charConfidences,
        ...(alternatives.length > 0 ? { alternatives } : {}),
      };
    })
    .filter((item) => item.text !== '');
}
