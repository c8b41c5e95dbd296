// What one reading of a name says about the character at one of its places: whether its
// OCR saw another document's character there, or a measured look-alike rule, the page's
// own evidence or its place slot allows it (couldBe for a person's name,
// couldBeInCompanyName for a company's), and how much likelier two readings together make
// the other's character (jointOdds). name-agreement.ts settles names with it.
import type { DocumentKind } from '../documents';
import type { DocumentText, ExtractedDocument } from '../extraction';
import {
  NAME_SECOND_P,
  SURE_CHARACTER_P,
  valueAlternatives,
  type ValueAlternatives,
} from './alternatives';
import { misreadingsOf } from './confusables';
import { pageLines } from './lines';
import { pageBacksAt, pageConsidered } from './page-support';
import { placeDoubt } from './places';
import { startsWithSurname } from './surnames';
import { HAN_CHAR } from '../text/han';

/**
 * A character the OCR kept no runner-up for had at most this probability there: the
 * decoder keeps nothing below 0.5% (NAME_SECOND_P), and at most two runners-up, so one
 * not among two kept was at most as probable as the weaker of them.
 */
const UNSEEN_P = NAME_SECOND_P;
/**
 * The odds a runner-up of a person's name's glyph (one of the two classes the decoder ranks
 * next) needs, against the character read, to settle it from another document: fresh tuned
 * dossiers (seed offset 4620) read 佘 as 余 with 佘 behind at odds 0.017 (0.959 / 0.0166) and
 * 0.032, both settled right by the license's 佘; a runner-up the decoder keeps at 0.005
 * behind a character read at 0.96 (odds 0.005) no longer settles anything. A candidate
 * below the runners-up needs WITH_RULE_ODDS (page-support.ts): an ID card printing 阙赟翔,
 * read 阙 at 0.367 with 阚 fifth at 0.009 (odds 0.025), is not the license's 阚赟翔.
 */
const RUNNER_UP_ODDS = 0.015;
/** Where one name was read: its characters and what the OCR also saw in each (null: sure). */
export interface Reading {
  kind: DocumentKind;
  field: string;
  value: string;
  alternatives: ValueAlternatives | null;
  confidence: number;
  /** The document it was read on (none: a person's confirmation). */
  document?: ExtractedDocument;
  /** Located by the cross-document search: the page's characters, but no source. */
  located: boolean;
}

export function alternativesOf(
  doc: ExtractedDocument,
  field: string,
  text: DocumentText | undefined,
): ValueAlternatives | null {
  const value = doc.fields[field];
  const box = doc.boxes?.[field];
  if (text === undefined || text.source === 'pdf-text' || typeof value !== 'string' || !box)
    return null;
  const page = text.pages.find((p) => p.page === box.page);
  return page ? valueAlternatives(value, box, pageLines(page)) : null;
}

/** Whether the OCR saw `ch` at position `i` of `reading` (its runner-ups). */
export const sawThere = (reading: Reading, i: number, ch: string): boolean =>
  reading.alternatives?.[i]?.options.some((o) => o.text === ch) ?? false;

/** The middle dots of a transcribed minority name (·, •, ・). */
export const SEPARATORS = /[·•・]/gu;
const SEPARATOR = /[·•・]/u;

/**
 * Whether a reading may be a misreading of `ch` at position i: its OCR saw `ch` there with
 * WITH_RULE_ODDS of its own character (page-support.ts pageBacksAt), or `ch` is a rarer
 * character PP-OCR was measured to read as what the OCR saw there (confusables.ts). At a
 * name's first place, which holds a surname, only a surname (隐 for 隗); at any other place
 * only where the OCR kept a runner-up there (赞 at 50% with 资 behind, read for 赟). A
 * look-alike rule speaks only for a character the OCR doubted (below SURE_CHARACTER_P): one
 * read surely (元钊昕 at 0.99, the license printing 亓钊昕) may be what is printed, and is
 * settled only where the page backs the other one (the glyph judge found it likest, or the
 * recogniser gave it the odds). A Han name whose reading starts with no surname at all is
 * misread at its first place: a surname the page's recognition considered there
 * (page-support.ts pageConsidered) may stand there, and no other: a bank form printing
 * 浏钊翔, read surely, differs from a license's 刘钊翔, however wrong it is.
 */
export function couldBe(reading: Reading, i: number, ch: string): boolean {
  // A runner-up or a look-alike rule's character must be backed by the page: the judge
  // found it likest, or the recogniser gave it the odds (pageBacksAt: a runner-up at
  // RUNNER_UP_ODDS of the character read, a candidate below the runners-up at more).
  const backed = pageBacksAt(reading.alternatives, reading.value, i, ch, RUNNER_UP_ODDS);
  if (backed && sawThere(reading, i, ch)) return true;
  const options = reading.alternatives?.[i]?.options ?? [];
  if (i === 0 ? !startsWithSurname(ch) : options.length === 0) return false;
  // A Han name read with no surname first (到康彬) is misread at its first place: a surname
  // another document reads there, which the page's recognition considered, may stand there.
  if (
    i === 0 &&
    !SEPARATOR.test(reading.value) &&
    !startsWithSurname(reading.value) &&
    pageConsidered(reading.alternatives, reading.value, i, ch)
  )
    return true;
  const seen = [[...reading.value][i], ...options.map((o) => o.text)];
  return backed && seen.some((s) => s !== undefined && misreadingsOf(s, i).includes(ch));
}

/**
 * Whether a reading of a company's name may be a misreading of `ch` at position i: the
 * OCR read its character unsurely (below SURE_CHARACTER_P) and saw the ideograph `ch`
 * behind it (雾 at 0.35 with 霁 behind at 0.17), or the page's own place evidence names
 * `ch` there (placeSays: 浠 at 0.25 in （浠圳）, which names no place, one character off
 * 深圳). A company's name holds no surname and no measured look-alike rule: a character
 * read for sure, or one neither the OCR nor a place name puts there, is what the page
 * prints, and a difference there is for the comparison to show.
 */
export function couldBeInCompanyName(reading: Reading, i: number, ch: string): boolean {
  const seen = reading.alternatives?.[i];
  return (
    seen !== null &&
    seen !== undefined &&
    seen.p < SURE_CHARACTER_P &&
    HAN_CHAR.test(ch) &&
    (seen.options.some((o) => o.text === ch) || placeSays(reading, i, ch)) &&
    oddsWithRule(reading, i, ch)
  );
}

/**
 * A company's name's runner-up, or the place its slot's misreading was one character off,
 * settles the place only where the page's recognition gave `ch` WITH_RULE_ODDS or more of
 * the character read (page-support.ts pageOdds): a bank form printing 琛圳森禾…, read 琛 at
 * 0.84 with 深 behind it at 0.012, prints 琛, whatever the license reads, and 琛圳 naming no
 * place does not make it 深圳.
 */
function oddsWithRule(reading: Reading, i: number, ch: string): boolean {
  return pageBacksAt(reading.alternatives, reading.value, i, ch);
}

/**
 * Whether the reading's place slot at i (a place in brackets, a city the name starts
 * with: places.ts) names no place and the place the page's OCR doubted its way to is one
 * holding `ch` at i: placeDoubt, from this page's own glyphs, proposes the value with `ch`
 * there. A name's place is a registered administrative name (企业名称: 字号（行政区划）),
 * so a slot naming none was misread; the other document's reading only chooses among the
 * places one character away.
 */
function placeSays(reading: Reading, i: number, ch: string): boolean {
  const glyphs = reading.alternatives?.map((a) => a && { confidence: a.p, options: a.options });
  const doubt = placeDoubt(reading.field, reading.value, glyphs ?? null);
  if (doubt === null) return false;
  const chars = [...reading.value];
  chars[i] = ch;
  const to = chars.join('');
  return doubt.corrections.some((c) => c.to === to);
}

/**
 * How probable the OCR of `reading` found `ch` at position i: its own character's
 * probability, a runner-up's, or, for a character it kept no runner-up for, the most it
 * can have been (UNSEEN_P, or the weaker of two runners-up kept). Null where the reading
 * kept no probabilities there (a text layer, a person, a character read without doubt).
 */
function probabilityAt(reading: Reading, i: number, ch: string): number | null {
  const seen = reading.alternatives?.[i];
  if (seen === null || seen === undefined) return null;
  if ([...reading.value][i] === ch) return seen.p;
  const option = seen.options.find((o) => o.text === ch);
  if (option !== undefined) return option.p;
  return seen.options.length >= 2 ? Math.min(...seen.options.map((o) => o.p)) : UNSEEN_P;
}

/**
 * Two readings of one company's name that both doubted their ideograph at position i,
 * each seeing the other's there (霁 at 0.82 with 雾 behind on the bank form, 雾 at 0.38
 * with 霁 behind on the license): how many times more likely the printed name holds
 * theirs than ours, if both documents print the same name, by the product of each OCR's
 * probabilities (two images read independently). Null where either reading kept no
 * probabilities there or ours did not see theirs. A difference the readings cannot tell
 * (霁 0.43 / 雾 0.25 on one, 雾 0.64 / 霁 0.31 on the other) stays near 1: not settled.
 */
export function jointOdds(own: Reading, other: Reading, i: number): number | null {
  const ours = [...own.value][i]!;
  const theirs = [...other.value][i]!;
  if (!HAN_CHAR.test(theirs) || !sawThere(own, i, theirs)) return null;
  const p = [
    probabilityAt(own, i, theirs),
    probabilityAt(other, i, theirs),
    probabilityAt(own, i, ours),
    probabilityAt(other, i, ours),
  ];
  if (p.some((x) => x === null)) return null;
  const [ownTheirs, otherTheirs, ownOurs, otherOurs] = p as number[];
  return (ownTheirs! * otherTheirs!) / Math.max(ownOurs! * otherOurs!, Number.EPSILON);
}
