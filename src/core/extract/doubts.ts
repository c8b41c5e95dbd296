// The characters of a compared value the OCR read unsurely (issue 13). A comparison that
// differs only at such characters rests on a doubtful reading, not on a difference the
// page shows for sure: the check still fails (spec §3: a dossier never turns ready on a
// reading that failed) but says so and asks a person to confirm against the image. A
// character's own probability comes from the recogniser (its per-character confidence,
// or the probability kept with its runners-up); a text layer's characters are what is
// printed and never doubted.
import type { DocumentText, ExtractedDocument, PageText } from '../extraction';
import { lookAlikeGlyphs, SURE_CHARACTER_P, valueGlyphs } from './alternatives';
import { pageLines, type Glyph, type Line } from './lines';

/** The recogniser's own probability of one glyph (1 where it reported none). */
const ownProbability = (glyph: Glyph): number =>
  Math.min(glyph.alternatives?.p ?? 1, glyph.own ?? 1);

/**
 * The positions (code points of the value) of the characters of `field` the OCR read
 * below SURE_CHARACTER_P; empty when none, or when the value is not spelled by the glyphs
 * of its box but where the OCR doubted them (a value settled from another reading: nothing
 * of it is known to be doubted).
 */
export function doubtedPlaces(
  doc: ExtractedDocument,
  field: string,
  text: DocumentText,
  linesOf: (page: PageText) => readonly Line[] = pageLines,
): number[] {
  const value = doc.fields[field];
  const box = doc.boxes?.[field];
  if (text.source === 'pdf-text' || typeof value !== 'string' || box === undefined) return [];
  const page = text.pages.find((p) => p.page === box.page);
  if (page === undefined) return [];
  const lines = linesOf(page);
  const unsure = (g: Glyph): boolean => ownProbability(g) < SURE_CHARACTER_P;
  // The value as the glyphs spell it, or (a character the reader chose among the OCR's
  // runners-up: 闵 over the glyph 闷 at 0.28) the one run differing only where it doubted.
  const glyphs =
    valueGlyphs(value, box, lines) ??
    lookAlikeGlyphs(value, box, lines, (g) => unsure(g))?.glyphs ??
    null;
  if (glyphs === null) return [];
  return glyphs.flatMap((g, i) => (unsure(g) ? [i] : []));
}

/**
 * The document with `doubted` set for `fields` (those with a doubted character), replacing
 * what it held for them; the same object when nothing changes.
 */
export function withDoubts(
  doc: ExtractedDocument,
  fields: readonly string[],
  text: DocumentText | undefined,
): ExtractedDocument {
  if (text === undefined || doc.kind === 'unknown' || fields.length === 0) return doc;
  const lines = new Map<PageText, readonly Line[]>();
  const linesOf = (page: PageText): readonly Line[] => {
    let l = lines.get(page);
    if (l === undefined) lines.set(page, (l = pageLines(page)));
    return l;
  };
  const doubted: Record<string, number[]> = { ...doc.doubted };
  for (const field of fields) {
    const places = doubtedPlaces(doc, field, text, linesOf);
    if (places.length > 0) doubted[field] = places;
    else delete doubted[field];
  }
  const before = JSON.stringify(doc.doubted ?? {});
  if (JSON.stringify(doubted) === before) return doc;
  const { doubted: _old, ...rest } = doc;
  return Object.keys(doubted).length > 0 ? { ...rest, doubted } : rest;
}
