// The same person's name read on other documents of the dossier, as evidence for a
// character the page's own OCR was not sure of (issue 13). A legal representative printed
// on the license, the bank form and the ID card is one name; where this page read 李或 but
// its OCR also saw 彧 in that place, and the ID card read 李彧 without doubting it, the page
// reads 李彧. The other document only decides among what this page's OCR saw: a character
// the OCR did not see there is never taken from elsewhere, so a real difference between
// two documents (a license printing 李或) is still seen by the comparison. Two exceptions:
// a name's first place holds a surname, and the rarer surnames PP-OCR was measured to read
// as what the OCR saw there (隐 for 隗, 元 for 亓, confusables.ts) are what it may hold; and
// a transcribed minority name's middle dot, which PP-OCR drops (买买提吐尔逊 is no name:
// six Han characters), is put back where the other document prints it. A name chosen so
// is below 0.9, says how it was found, and keeps the page's own top reading as a proposal.
import type { DocumentKind } from '../documents';
import type { DocumentText, ExtractedDocument } from '../extraction';
import {
  CLOSE_SECOND_CONFIDENCE,
  NAME_SECOND_P,
  SURE_CHARACTER_P,
  valueAlternatives,
  type ValueAlternatives,
} from './alternatives';
import { misreadingsOf } from './confusables';
import { pageLines } from './lines';
import { pageBacksAt, pageConsidered, pageSupportsAt } from './page-support';
import { placeDoubt } from './places';
import { startsWithSurname } from './surnames';
import { isPersonName, isPersonNameField } from './value-types';
import { HAN_CHAR } from '../text/han';

/** A reading of the name at least this sure may speak for another document's. */
const SOURCE_CONFIDENCE = 0.65;
/** The least a name chosen with another document's evidence is trusted (two readings agree). */
const AGREED_CONFIDENCE = 0.8;
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
/**
 * Two doubting readings of one company's name settle a place when, by both OCRs' own
 * probabilities, the name holds the other's character at least this many times more likely
 * than ours (see jointOdds).
 */
const JOINT_ODDS = 3;

export interface NameDocument {
  document: ExtractedDocument;
  text?: DocumentText;
}

/** Where one name was read: its characters and what the OCR also saw in each (null: sure). */
interface Reading {
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

function alternativesOf(
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
const sawThere = (reading: Reading, i: number, ch: string): boolean =>
  reading.alternatives?.[i]?.options.some((o) => o.text === ch) ?? false;

/** The middle dots of a transcribed minority name (·, •, ・). */
const SEPARATORS = /[·•・]/gu;
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
function couldBe(reading: Reading, i: number, ch: string): boolean {
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
function couldBeInCompanyName(reading: Reading, i: number, ch: string): boolean {
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
function jointOdds(own: Reading, other: Reading, i: number): number | null {
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

const withoutSeparators = (name: string): string => name.replace(SEPARATORS, '');

/** Most places two readings of one name may differ at and still be settled. */
const MAX_DIFFERENCES = 2;

/**
 * The positions two names of equal length differ at; null for none, for names of other
 * lengths, for more than MAX_DIFFERENCES, or where no character is the same (then they
 * are two readings of nothing in common: 李或 and 赵彧).
 */
function differences(a: string, b: string): number[] | null {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return null;
  const at = x.flatMap((ch, i) => (ch === y[i] ? [] : [i]));
  if (at.length === 0 || at.length > MAX_DIFFERENCES || at.length === x.length) return null;
  return at;
}

/**
 * The documents with each person's name that this page's OCR read with a doubt settled by
 * another document's reading of the same name (`groups`: the fields printing one name,
 * by kind). Confirmed values are left alone; a person's confirmation is evidence like a
 * sure reading. A value the cross-document search located is the page's own characters:
 * it may be settled, and it seconds, but never settles another's doubt (it was searched
 * for). Any other document's reading of this page's character, however weak, that did not
 * see the other one there keeps it: the readings disagree and a person compares them.
 * The input is not changed.
 */
export function agreeNames(
  documents: readonly NameDocument[],
  groups: readonly (readonly { kind: DocumentKind; field: string }[])[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>> = {},
): ExtractedDocument[] {
  return agreeReadings(documents, groups, confirmed, couldBe);
}

/**
 * agreeNames for a company's name (the license's 名称 and the bank form's 存款人名称):
 * settled only where this page's OCR doubted an ideograph and saw the other document's
 * there (couldBeInCompanyName), under the same rules of evidence (a source read at
 * SOURCE_CONFIDENCE or more, never one located by the search; any other reading of ours
 * that did not see theirs keeps ours). The input is not changed.
 */
export function agreeCompanyNames(
  documents: readonly NameDocument[],
  groups: readonly (readonly { kind: DocumentKind; field: string }[])[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>> = {},
): ExtractedDocument[] {
  return agreeReadings(documents, groups, confirmed, couldBeInCompanyName, true);
}

function agreeReadings(
  documents: readonly NameDocument[],
  groups: readonly (readonly { kind: DocumentKind; field: string }[])[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>>,
  couldBeAlone: (reading: Reading, i: number, ch: string) => boolean,
  joint = false,
): ExtractedDocument[] {
  // What the rule allows, or what the page's own recognition supports (page-support.ts).
  const couldBe = (reading: Reading, i: number, ch: string): boolean =>
    couldBeAlone(reading, i, ch) || pageSupportsAt(reading.alternatives, reading.value, i, ch);
  const readings: Reading[] = [];
  for (const group of groups)
    for (const { kind, field } of group) {
      const byPerson = confirmed[kind]?.[field];
      if (typeof byPerson === 'string' && byPerson.trim() !== '') {
        readings.push({
          kind,
          field,
          value: byPerson,
          alternatives: null,
          confidence: 2,
          located: false,
        });
        continue;
      }
      for (const { document: doc, text } of documents) {
        const value = doc.fields[field];
        if (doc.kind !== kind || doc.error !== undefined || typeof value !== 'string') continue;
        readings.push({
          kind,
          field,
          value,
          alternatives: alternativesOf(doc, field, text),
          confidence: doc.confidence[field] ?? 0,
          document: doc,
          located: doc.found?.[field] !== undefined,
        });
      }
    }
  return documents.map(({ document: doc, text }) => {
    if (text === undefined || text.source === 'pdf-text' || doc.error !== undefined) return doc;
    let next = doc;
    for (const group of groups)
      for (const { kind, field } of group) {
        if (doc.kind !== kind || field in (confirmed[kind] ?? {})) continue;
        const own = readings.find((r) => r.document === doc && r.field === field);
        if (own === undefined) continue;
        // Every other document's reading of the name, however weak or however located.
        const elsewhere = readings.filter(
          (r) =>
            r.document !== doc &&
            r.kind !== kind &&
            group.some((g) => g.kind === r.kind && g.field === r.field),
        );
        // Only a reading of its own may settle a doubt: a located one was searched for.
        // A weaker one (a company's name) only where both readings' probabilities decide.
        const others = elsewhere
          .filter((r) => !r.located && (joint || r.confidence >= SOURCE_CONFIDENCE))
          .sort((a, b) => b.confidence - a.confidence);
        for (const other of others) {
          const dotted = other.value !== own.value && withoutSeparators(other.value) === own.value;
          if (dotted && isPersonNameField(field) && !isPersonName(own.value)) {
            next = agreed(
              next,
              field,
              own.value,
              other,
              `The OCR read ${own.value}, which is no name without the middle dot the ${other.field} of the ${other.kind} prints: check it against the image.`,
              `the middle dot was put back where the ${other.field} of the ${other.kind} prints it`,
            );
            break;
          }
          const at = differences(own.value, other.value);
          if (at === null) continue;
          const settles = (i: number): boolean => {
            const theirs = [...other.value][i]!;
            const ours = [...own.value][i]!;
            // This page saw their character there, and theirs (read surely enough) did not
            // see ours: theirs. Or, for a company's name, both doubted and the two OCRs'
            // probabilities together make theirs JOINT_ODDS times likelier than ours.
            const bySource =
              other.confidence >= SOURCE_CONFIDENCE &&
              couldBe(own, i, theirs) &&
              !sawThere(other, i, ours);
            const byBoth = joint && (jointOdds(own, other, i) ?? 0) >= JOINT_ODDS;
            if (!bySource && !byBoth) return false;
            // Unless another document read ours there without seeing theirs, however weakly
            // and however its reading was found: it is that page's own characters, and the
            // readings disagree.
            return !elsewhere.some(
              (r) =>
                r !== other &&
                [...r.value].length === [...own.value].length &&
                [...r.value][i] === ours &&
                !couldBe(r, i, theirs),
            );
          };
          // Every place they differ at: a place the OCR did not doubt is a real difference.
          if (!at.every(settles)) continue;
          const chars = [...own.value];
          const theirs = [...other.value];
          next = agreed(
            next,
            field,
            own.value,
            other,
            at.every((i) => sawThere(own, i, theirs[i]!))
              ? `The OCR read ${at.map((i) => `${chars[i]} at position ${i + 1}`).join(' and ')} and also saw ${at.map((i) => theirs[i]).join(' and ')} there, which the ${other.field} of the ${other.kind} reads: check it against the image.`
              : at.every((i) => couldBeAlone(own, i, theirs[i]!))
                ? `The OCR read ${at.map((i) => `${chars[i]} at position ${i + 1}`).join(' and ')}, where ${at.map((i) => theirs[i]).join(' and ')} may stand (a place name or a look-alike PP-OCR misreads), which the ${other.field} of the ${other.kind} reads: check it against the image.`
                : `The OCR read ${at.map((i) => `${chars[i]} at position ${i + 1}`).join(' and ')} unsurely, and its recognition found ${at.map((i) => theirs[i]).join(' and ')} there nearly as likely, which the ${other.field} of the ${other.kind} reads: check it against the image.`,
            `${at.map((i) => `${theirs[i]} at position ${i + 1}`).join(' and ')} ${at.length > 1 ? 'were' : 'was'} chosen among the OCR's readings by the ${other.field} of the ${other.kind}`,
          );
          break;
        }
      }
    return next;
  });
}

function agreed(
  doc: ExtractedDocument,
  field: string,
  read: string,
  other: Reading,
  note: string,
  warning: string,
): ExtractedDocument {
  const value = other.value;
  const confidence = Math.min(
    Math.max(doc.confidence[field] ?? 0, AGREED_CONFIDENCE),
    CLOSE_SECOND_CONFIDENCE,
  );
  return {
    ...doc,
    fields: { ...doc.fields, [field]: value },
    confidence: { ...doc.confidence, [field]: confidence },
    found: { ...doc.found, [field]: 'cross-document' },
    corrections: [
      ...doc.corrections
        .filter((c) => c.field !== field || c.to !== value)
        .map((c) => (c.field === field ? { ...c, from: value } : c)),
      { field, from: value, to: read, reason: 'ocr-alternative', note },
    ],
    warnings: [...doc.warnings, `${field}: ${warning}: confirm it against the image`],
  };
}
