// The same value read independently on two documents of a dossier, as evidence that a
// reading the OCR was unsure of is right (issue 13, files.legible). The legal
// representative printed on the license, the bank form and the ID card is one name; the
// company's name and its credit code are printed on the license and the bank form. An ID
// photo that read 逄昕琰 at 0.68, when the license scan reads 逄昕琰 for sure, is legible:
// two readings of two images agree in every character. Such a value earns
// CORROBORATED_CONFIDENCE (0.85: the legibility floor is met, 0.9 is not) and
// `corroborated: 'other-document'`; its characters are never changed, so a comparison
// (license-vs-id, license-vs-bank) still sees every real difference. The evidence holds
// only when it is independent:
// - both values were read where they are printed, by their own labels: not located or
//   settled by another document's value (`found`, by the cross-document search, name and
//   code agreement), not waiting for a bracket's width to be confirmed. One exception: a
//   person's name whose page shows, at a place or two, the name's character behind a
//   character its OCR doubted (终 at 0.35 with 佟 behind; or further behind, among the
//   recogniser's candidates, at the odds the page must give for the name agreement to settle
//   it: page-support.ts glyphBacks), or a look-alike the recogniser
//   is measured to read for it, as its character or a runner-up (confusables.ts: 隐 for
//   隗 where a surname belongs and 隐 is none, 赞 read unsurely for 赟, 是 with 曼 behind
//   for 旻), whether the reader or the name agreement chose it; such a place counts as
//   doubted, so the other reading must be sure of it (readsFor), as for a doubted
//   character read as itself;
// - the two values are identical, character for character, and of the field's type (a
//   code's checksum holds);
// - at every character at least one of the two readings was sure (read at SURE_CHARACTER_P,
//   0.9, or more, on a line not read below the floor), and the two
//   never both saw the same other character there: two readings hesitating at the same
//   place prove nothing;
// - a person's name read by OCR on both documents holds no character PP-OCR was measured
//   to read for a rarer one (逢 for 逄, confusables.ts), and neither reading saw another
//   surname behind its first character: the recogniser reads a rare surname as its common
//   look-alike on every image, sure or not, so two such readings agree and are both wrong.
//   A text layer or a person's confirmation reads no look-alike: it corroborates those too.
import type { DocumentKind } from '../documents';
import type { DocumentText, ExtractedDocument } from '../extraction';
import { validateUscc } from '../codes/uscc';
import { lookAlikeGlyphs, SURE_CHARACTER_P, valueGlyphs } from './alternatives';
import { misreadingsOf } from './confusables';
import { glyphBacks } from './page-support';
import { CORROBORATED_CONFIDENCE } from './corroboration';
import { pageLines, type Glyph } from './lines';
import { startsWithSurname } from './surnames';
import { isPersonNameField, neverValue, typeOf } from './value-types';

/** A character the OCR read below this (its line's weakest character included) is unsure. */
const SURE_GLYPH_CONFIDENCE = 0.8;

export interface CorroborationDocument {
  document: ExtractedDocument;
  text?: DocumentText;
}

type Group = readonly { kind: DocumentKind; field: string }[];
type Confirmed = Partial<Record<DocumentKind, Record<string, string | boolean>>>;

/** One reading of a value, character by character. */
interface Reading {
  kind: DocumentKind;
  value: string;
  /** The document it was read on (none: a person's confirmation). */
  document?: ExtractedDocument;
  /** Read by OCR (not a text layer, not a person): its look-alikes are a risk. */
  ocr: boolean;
  /** Per character: the reading was not sure of it. */
  doubted: boolean[];
  /** Per character: what else the OCR saw there. */
  seen: (readonly string[])[];
}

/** A reading sure of every character: a text layer's, or a person's confirmation. */
function exactReading(kind: DocumentKind, value: string, document?: ExtractedDocument): Reading {
  const doubted = new Array<boolean>([...value].length).fill(false);
  return { kind, value, ...(document ? { document } : {}), ocr: false, doubted, seen: [] };
}

/** Whether a value is of its field's type and can be what it is (a code: its checksum). */
function wellFormed(field: string, value: string): boolean {
  if (!typeOf(field).valid(value) || neverValue(field, value) !== null) return false;
  return field !== 'creditCode' || validateUscc(value).valid;
}

/** The document's own reading of `field`, or null when it is not one (see the file comment). */
function readingOf(
  doc: ExtractedDocument,
  kind: DocumentKind,
  field: string,
  text: DocumentText | undefined,
): Reading | null {
  const value = doc.fields[field];
  if (doc.kind !== kind || doc.error !== undefined || typeof value !== 'string') return null;
  if (doc.found?.[field] !== undefined || doc.needsConfirmation?.includes(field)) return null;
  if (!wellFormed(field, value)) return null;
  if (doc.source === 'pdf-text' || text?.source === 'pdf-text')
    return exactReading(kind, value, doc);
  const box = doc.boxes?.[field];
  const page = box && text?.pages.find((p) => p.page === box.page);
  if (!box || !page) return null;
  const lines = pageLines(page);
  // The characters must be on the page where the value was read, exactly; a person's
  // name's may be look-alikes the recogniser reads for its characters (see readsFor).
  const exact = valueGlyphs(value, box, lines);
  const read =
    exact !== null && exact.length === [...value].length
      ? { glyphs: exact, changed: [] as number[] }
      : isPersonNameField(field)
        ? lookAlikeGlyphs(value, box, lines, (g, i, ch) => readsFor(g, i, ch, value))
        : null;
  if (read === null) return null;
  const { glyphs, changed } = read;
  return {
    kind,
    value,
    document: doc,
    ocr: true,
    // A place read as a look-alike is doubted: the other reading must be sure of it.
    doubted: glyphs.map(
      (g, i) =>
        changed.includes(i) ||
        (g.alternatives?.p ?? 1) < SURE_CHARACTER_P ||
        g.confidence < SURE_GLYPH_CONFIDENCE,
    ),
    seen: glyphs.map((g, i) => [
      ...(changed.includes(i) ? [g.ch] : []),
      ...(g.alternatives?.options.map((o) => o.text) ?? []),
    ]),
  };
}

/**
 * Whether a name's glyph read as `glyph.ch` at place i stands for the value's `ch`, as the
 * name agreement chose it (name-agreement.ts couldBe): the OCR read its character unsurely
 * and saw `ch` itself behind it (终 at 0.35 with 佟 behind: a doubt between two characters,
 * which the other reading, sure of that place, settles as it settles a doubted character
 * read as itself); or by the recogniser's measured habit (confusables.ts: it cannot output
 * the rarer character and reads a look-alike, as its character or a runner-up: 是 at 0.37
 * with 曼 behind for 旻), where the page itself shows the doubt: at a Han name's first
 * place, which holds a surname, a character no surname is (隐 for 隗, 睡 for 眭); elsewhere
 * a character the OCR read unsurely (赞 at 0.52 for 赟). A surname read as a surname (逢
 * for 逄) with nothing behind it, or a sure given-name character, may be what is printed:
 * not such a place.
 */
function readsFor(glyph: Glyph, i: number, ch: string, value: string): boolean {
  const dotted = value.includes('·');
  const unsure =
    (glyph.alternatives?.p ?? 1) < SURE_CHARACTER_P || glyph.confidence < SURE_GLYPH_CONFIDENCE;
  const behind = glyph.alternatives?.options.map((o) => o.text) ?? [];
  if (unsure && behind.includes(ch)) return true;
  // Further behind, among the recogniser's candidates, where the page backs it as it must
  // for the name agreement to settle it (page-support.ts): 隗 at 0.038 behind 啤 at 0.52.
  if (unsure && glyph.alternatives && glyphBacks(glyph.alternatives, glyph.ch, ch)) return true;
  const place = dotted ? i + 1 : i;
  if (![glyph.ch, ...behind].some((seen) => misreadingsOf(seen, place).includes(ch))) return false;
  if (i === 0 && !dotted) return !startsWithSurname(glyph.ch);
  return unsure;
}

/**
 * A person's name character the OCR may have read for a rarer one, or a doubted surname:
 * another surname seen at the first place. The name's own surname seen there is no other
 * (翠 read at 0.32 with 覃 behind, for the 覃 the other document reads surely).
 */
function lookAlikeRisk(r: Reading): boolean {
  const chars = [...r.value];
  if (chars.some((ch) => misreadingsOf(ch, 0).length > 0)) return true;
  return (
    !r.value.includes('·') && (r.seen[0] ?? []).some((o) => o !== chars[0] && startsWithSurname(o))
  );
}

/** Whether `other` is independent evidence for `own` (see the file comment). */
function corroborates(own: Reading, other: Reading, personName: boolean): boolean {
  if (own.value !== other.value) return false;
  const n = own.doubted.length;
  for (let i = 0; i < n; i++) {
    if (own.doubted[i] && other.doubted[i]) return false;
    const theirs = other.seen[i] ?? [];
    if ((own.seen[i] ?? []).some((o) => theirs.includes(o))) return false;
  }
  if (personName && own.ocr && other.ocr && (lookAlikeRisk(own) || lookAlikeRisk(other)))
    return false;
  return true;
}

/**
 * `settled` (the documents after the cross-document search and the agreements, in the
 * order of `documents`, the documents as each read itself) with each value of `groups`
 * (fields printing one value, by kind) that another document reads independently and
 * identically marked `corroborated: 'other-document'` and trusted at
 * CORROBORATED_CONFIDENCE at least. The readings compared are the documents' own, before
 * any search: a value the search or an agreement changed is no longer the one read, and
 * is not corroborated; one the search located again unchanged (a weak reading replaced
 * by the same characters) still is. Values are never changed. A field a person confirmed
 * is left alone (and its confirmation corroborates the other documents' readings). The
 * input is not changed.
 */
export function corroborateAcrossDocuments(
  documents: readonly CorroborationDocument[],
  settled: readonly ExtractedDocument[],
  groups: readonly Group[],
  confirmed: Confirmed = {},
): ExtractedDocument[] {
  const readings = new Map<Group[number], Reading[]>();
  for (const group of groups)
    for (const entry of group) {
      const byPerson = confirmed[entry.kind]?.[entry.field];
      if (typeof byPerson === 'string' && byPerson.trim() !== '') {
        readings.set(entry, [exactReading(entry.kind, byPerson)]);
        continue;
      }
      readings.set(
        entry,
        documents.flatMap(({ document, text }) => {
          const r = readingOf(document, entry.kind, entry.field, text);
          return r ? [r] : [];
        }),
      );
    }
  return settled.map((next0, i) => {
    const doc = documents[i]!.document;
    if (doc.source === 'pdf-text' || doc.error !== undefined) return next0;
    let next = next0;
    for (const group of groups)
      for (const entry of group) {
        if (doc.kind !== entry.kind || entry.field in (confirmed[entry.kind] ?? {})) continue;
        const personName = isPersonNameField(entry.field);
        const own = ownReading(doc, entry, next, readings.get(entry), documents[i]!.text);
        if (own === null) continue;
        const evidence = group
          .filter((g) => g.kind !== entry.kind)
          .flatMap((g) => readings.get(g) ?? [])
          .some((other) => corroborates(own, other, personName));
        if (!evidence) continue;
        next = {
          ...next,
          confidence: {
            ...next.confidence,
            [entry.field]: Math.max(next.confidence[entry.field] ?? 0, CORROBORATED_CONFIDENCE),
          },
          corroborated: {
            ...next.corroborated,
            [entry.field]: next.corroborated?.[entry.field] ?? 'other-document',
          },
        };
      }
    return next;
  });
}

/**
 * This document's own reading of the value the checks will see: the one read by its label,
 * or, for a person's name another document's reading settled among what this page's OCR
 * saw (name-agreement.ts: 终雯琦 read with 佟 behind 终; 张赞 read, 赟 a measured
 * misreading of the doubted 赞), that name against the same glyphs, where each changed
 * place is such a place (readsFor). A
 * value the search or an agreement changed in any other way is no longer the one read.
 */
function ownReading(
  doc: ExtractedDocument,
  entry: Group[number],
  settled: ExtractedDocument,
  readings: readonly Reading[] | undefined,
  text: DocumentText | undefined,
): Reading | null {
  const own = readings?.find((r) => r.document === doc);
  if (own === undefined) return null;
  const value = settled.fields[entry.field];
  if (value === own.value) return own;
  if (typeof value !== 'string' || !isPersonNameField(entry.field)) return null;
  if ([...value].length !== [...own.value].length) return null;
  const settledReading = readingOf(
    { ...doc, fields: { ...doc.fields, [entry.field]: value } },
    entry.kind,
    entry.field,
    text,
  );
  return settledReading && { ...settledReading, document: doc };
}
