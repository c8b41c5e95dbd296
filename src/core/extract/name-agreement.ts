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
import { CLOSE_SECOND_CONFIDENCE } from './alternatives';
import {
  alternativesOf,
  couldBe,
  couldBeInCompanyName,
  jointOdds,
  sawThere,
  SEPARATORS,
  type Reading,
} from './name-evidence';
import { pageSupportsAt } from './page-support';
import { isPersonName, isPersonNameField } from './value-types';

/** A reading of the name at least this sure may speak for another document's. */
const SOURCE_CONFIDENCE = 0.65;
/** The least a name chosen with another document's evidence is trusted (two readings agree). */
const AGREED_CONFIDENCE = 0.8;
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
