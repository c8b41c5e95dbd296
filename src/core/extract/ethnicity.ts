// The 民族 of a card front is one of a closed list (the 56 ethnic groups' names): a value
// read as none of them is misread, and the one name it is a character away from (乌改别克:
// 乌孜别克 with one character misread; 乌别克: one dropped; 汉族: 族 read on) is proposed,
// never applied: the image decides. Where the card prints it (right of 民族 on the 性别
// line, or where a photo lost that label, a group of its own after the sex), a name read
// there is taken below the confidence of a labelled reading, and a name the OCR only saw
// as a runner-up of the characters read there (满 behind a `#`, 壮 behind 社) is proposed.
import type { Correction } from '../extraction';
import { CLOSE_SECOND_P } from './alternatives';
import { UNLABELLED_CONFIDENCE, sexLine, sexLineGlyphs } from './id-fallbacks';
import { union, type Glyph } from './lines';
import type { PageLayout } from './page-layout';
import { CONFIDENCE_CAP, type FieldReading } from './scoring';
import { ETHNICITIES, OTHER_ETHNICITIES, isEthnicity } from './value-types';
import { HAN_CHAR } from '../text/han';

/** Every name a card prints in 民族 by itself (the 56 and the others; not a （入籍） one). */
const NAMES: readonly string[] = [...ETHNICITIES, ...OTHER_ETHNICITIES];

/** Edits (a character replaced, dropped or added) between two strings. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[y.length]!;
}

/**
 * The ethnic group's name a value read as none of them is one edit away from, when it is
 * the only one that near and the value keeps at least one of its characters (a one-character
 * reading, 汊, is one edit from every one-character name: nothing to propose).
 */
export function nearestEthnicity(value: string): string | null {
  if (isEthnicity(value)) return null;
  const near = NAMES.filter(
    (e) => editDistance(value, e) === 1 && [...e].some((ch) => value.includes(ch)),
  );
  return near.length === 1 ? near[0]! : null;
}

/** The proposal for an ethnicity read as no ethnic group's name, or null. */
export function ethnicityProposal(value: string): Correction | null {
  const to = nearestEthnicity(value);
  if (to === null) return null;
  return {
    field: 'ethnicity',
    from: value,
    to,
    reason: 'closed-vocabulary',
    note: `${value} is none of the 56 民族; ${to} is the one a character away: check it against the image.`,
  };
}

/** A name of the list spelled by glyphs, each character as read or as the OCR's runner-up. */
interface EthnicityMatch {
  name: string;
  glyphs: Glyph[];
  /** Every character as read (not only seen behind another). */
  asRead: boolean;
  /** The product of the characters' probabilities. */
  p: number;
}

/**
 * The name of the list the glyphs spell at their start or at their end, each character as
 * read or as a runner-up the OCR kept for it (at CLOSE_SECOND_P or more): one read as it
 * is first, the longest (土家 before 土), else the likeliest seen behind what was read.
 */
export function ethnicityIn(glyphs: readonly Glyph[], at: 'start' | 'end'): EthnicityMatch | null {
  let best: EthnicityMatch | null = null;
  for (const name of NAMES) {
    const chars = [...name];
    if (chars.length > glyphs.length) continue;
    const part =
      at === 'start' ? glyphs.slice(0, chars.length) : glyphs.slice(glyphs.length - chars.length);
    let p = 1;
    let asRead = true;
    for (const [k, ch] of chars.entries()) {
      const g = part[k]!;
      const seen = g.alternatives?.options.find((o) => o.text === ch && o.p >= CLOSE_SECOND_P);
      if (g.ch === ch) p *= g.own ?? g.confidence;
      else if (seen) {
        p *= seen.p;
        asRead = false;
      } else p = 0;
    }
    if (p === 0) continue;
    const match = { name, glyphs: part, asRead, p };
    if (
      !best ||
      (asRead && !best.asRead) ||
      (asRead && best.asRead && chars.length > [...best.name].length) ||
      (!asRead && !best.asRead && p > best.p)
    )
      best = match;
  }
  return best;
}

/**
 * How sure a name the OCR saw only behind what it read is, given that the card prints one
 * of the list (the characters read there, 社 for 壮, are no name's): at each glyph read as
 * another character, the name's character's probability against itself, every other
 * name's character the recogniser kept there (one at CLOSE_SECOND_P or more is a real
 * doubt: null), and all it kept nothing of (at most 8
 * classes are kept, each other class below the last: any of them may be a name's); the
 * product over the name's glyphs. Null where a glyph kept no candidates (nothing tells how
 * much it left unkept): the name is then only proposed.
 */
function listSure(match: EthnicityMatch): number | null {
  const chars = [...match.name];
  let sure = 1;
  for (const [k, g] of match.glyphs.entries()) {
    if (g.ch === chars[k]) {
      sure *= g.own ?? g.confidence;
      continue;
    }
    const kept = g.alternatives?.candidates;
    if (kept === undefined) return null;
    const p = kept.find((c) => c.text === chars[k])?.p ?? 0;
    const unkept = Math.max(0, 1 - g.alternatives!.p - kept.reduce((sum, c) => sum + c.p, 0));
    const rivalNames = kept.filter(
      (c) => c.text !== chars[k] && NAMES.some((n) => n.includes(c.text)),
    );
    // Another name's character the OCR saw as a real doubt: the image must decide.
    if (rivalNames.some((c) => c.p >= CLOSE_SECOND_P)) return null;
    const rivals = rivalNames.reduce((sum, c) => sum + c.p, 0);
    sure *= p / (p + rivals + unkept);
  }
  return sure;
}

/** Where an ethnicity may be printed: glyphs the name starts or ends. */
interface Place {
  glyphs: Glyph[];
  at: 'start' | 'end';
}

/** Glyphs into groups, split where two stand more than `gap` line heights apart. */
function groups(glyphs: readonly Glyph[], h: number, gap: number): Glyph[][] {
  const out: Glyph[][] = [];
  for (const [i, g] of glyphs.entries()) {
    const prev = glyphs[i - 1];
    if (!prev || (g.x0 - prev.x1) / h > gap) out.push([]);
    out.at(-1)!.push(g);
  }
  return out;
}

/** The characters of the 性别 and 民族 labels. */
const SEX_LINE_LABELS = '性别民族';

/**
 * How far apart, in line heights, the card prints the sex and the ethnicity where 民族 was
 * lost between them (男 and 汉 about five characters apart; the letters of a sex line run
 * together are a fraction of one).
 */
const APART = 2;

/**
 * Where the card front prints its ethnicity: right of the 民族 label on its line; else on
 * the 性别 民族 line (sexLine) after a 民 whose 族 was lost or misread (the name one or two
 * glyphs after it); else, both labels lost, in a group of its own after the sex's (the
 * card prints 性别 and 民族 apart) or at the end of a line that reads a sex or keeps a
 * piece of its labels. A line below the name with none of these (a second name line, 李京)
 * holds none. No such line known: see sexThenMin.
 */
function ethnicityPlaces(layout: PageLayout, idNumber: string | null): Place[] {
  const labelled = layout.hits.find((h) => h.def.id === 'ethnicity');
  if (labelled) {
    const { line } = labelled;
    const next = layout.hits
      .filter((h) => h.line === line && h.from > labelled.to)
      .reduce((min, h) => Math.min(min, h.from), line.glyphs.length);
    const beside = groups(line.glyphs.slice(labelled.to + 1, next), line.h, 3)[0];
    return beside ? [{ glyphs: beside, at: 'start' }] : [];
  }
  const line = sexLine(layout, idNumber);
  if (!line) return sexThenMin(layout);
  const { glyphs, sex } = sexLineGlyphs(layout, line);
  const rest = glyphs.slice(sex + 1);
  const label = rest.findIndex((g) => g.ch === '民');
  if (label >= 0)
    return [1, 2].flatMap((skip) => {
      const value = groups(rest.slice(label + skip), line.h, 3)[0];
      return value ? [{ glyphs: value, at: 'start' as const }] : [];
    });
  const parts = groups(glyphs, line.h, APART);
  // The groups after the one holding the sex (or after the first: the sex lost).
  const from = sex < 0 ? 1 : parts.findIndex((g) => g.includes(glyphs[sex]!)) + 1;
  const apart = parts.length >= 2 ? parts.slice(from) : [];
  // The line's end, where it read a sex (女汉, the two close) or keeps a piece of a label.
  const keepsLabel = line.glyphs.some((g) => SEX_LINE_LABELS.includes(g.ch));
  const end = (sex >= 0 || keepsLabel) && rest.length > 0 ? [rest] : [];
  return [...apart, ...end].map((g) => ({ glyphs: g, at: 'end' as const }));
}

/**
 * Where no line is known for 性别 (the name and the 出生 lines lost too): the line that
 * reads a sex and, within three characters after it, a 民 (女民汉: the labels 性别 and 族
 * lost) is that line, its ethnicity one or two glyphs after the 民.
 */
function sexThenMin(layout: PageLayout): Place[] {
  for (const line of layout.lines) {
    const gs = line.glyphs;
    const sex = gs.findIndex((g) => g.ch === '男' || g.ch === '女');
    const min = sex < 0 ? -1 : gs.slice(sex + 1, sex + 4).findIndex((g) => g.ch === '民');
    if (min < 0) continue;
    return [1, 2].flatMap((skip) => {
      const value = groups(gs.slice(sex + 1 + min + skip), line.h, 3)[0];
      return value ? [{ glyphs: value, at: 'start' as const }] : [];
    });
  }
  return [];
}

/**
 * 民族 of a card front, where the card prints it (ethnicityPlaces), when no name of the
 * list was read for it: a name read there is taken (below the confidence of a labelled
 * reading); a value a character away from one is taken as read (ethnicityProposal then
 * proposes the name); a name the OCR only saw behind the characters read there is proposed
 * (`proposals`), the field left as it was (no value, or one of no ethnicity's, at most 0.5).
 */
export function ethnicityFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
  proposals: Correction[],
): void {
  const read = readings.get('ethnicity');
  if (read && isEthnicity(read.value)) return;
  const idNumber = readings.get('idNumber')?.value ?? null;
  for (const layout of layouts) {
    const places = ethnicityPlaces(layout, idNumber);
    const matches = places.flatMap((place) => ethnicityIn(place.glyphs, place.at) ?? []);
    const found = matches.find((m) => m.asRead);
    if (found) {
      readings.set('ethnicity', {
        value: found.name,
        confidence: Math.min(UNLABELLED_CONFIDENCE, ...found.glyphs.map((g) => g.confidence)),
        box: union(found.glyphs, layout.page),
      });
      return;
    }
    const seen = [...matches].sort((a, b) => b.p - a.p)[0];
    const sure = seen && new Set(matches.map((m) => m.name)).size === 1 ? listSure(seen) : null;
    if (seen && sure !== null) {
      // No box: the characters in its place are another's (社), whose confidence is not
      // this value's (files.legible measures a box's characters); and the list chose
      // it, so it is no evidence for itself (corroboration.ts).
      readings.set('ethnicity', {
        value: seen.name,
        confidence: Math.min(UNLABELLED_CONFIDENCE, sure),
        completed: true,
      });
      return;
    }
    if (seen) {
      const asRead = seen.glyphs.map((g) => g.ch).join('');
      proposals.push({
        field: 'ethnicity',
        from: read?.value ?? '',
        to: seen.name,
        reason: 'ocr-alternative',
        note: `The OCR read ${asRead} where the card prints 民族, none of the 56; it also saw ${seen.name} there: check it against the image.`,
      });
      return;
    }
    // A name with one character misread (乌收别克): taken as read, and proposed.
    for (const place of places) {
      const han = place.glyphs.filter((g) => HAN_CHAR.test(g.ch));
      const text = han.map((g) => g.ch).join('');
      if (read || han.length < 2 || nearestEthnicity(text) === null) continue;
      readings.set('ethnicity', {
        value: text,
        confidence: Math.min(CONFIDENCE_CAP.wrongType, ...han.map((g) => g.confidence)),
        box: union(han, layout.page),
      });
      return;
    }
  }
}
