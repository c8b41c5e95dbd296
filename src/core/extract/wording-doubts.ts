// Values whose wording is known doubted where the OCR read it (extraction's step after
// reading, index.ts): a place slot holding no place, an authority with no 公安局, a word
// measured to be misread, a scope's standard phrase a doubted character made none
// (known-wording.ts); then a headed scope's confidence from its ideographs
// (scope-confidence.ts). A text layer is not doubted.
import type { Draft } from './draft';
import { knownWordingDoubt, KNOWN_WORDING_FIELDS } from './known-wording';
import { itemsUnder, scopeConfidence } from './scope-confidence';

/**
 * A place slot holding no place (潘圳, 圳市公安局: a glyph misread or lost), an authority
 * with no 公安局, a word measured to be misread (技市), a scope's standard phrase a doubted
 * character made none (技术椎广): the place or the wording is proposed before any other
 * doubt, and the value is held below 0.9 (taken, in a field no check compares exactly,
 * where one place only fits, and a scope's wording, with the reading proposed:
 * known-wording.ts). A headed scope is then as sure as its ideographs: not held down by
 * marks its grammar puts back, nor by characters its standard wording settled.
 */
export function doubtKnownWording(draft: Draft): void {
  const { fields, confidence, text } = draft;
  // The scope as read and its glyphs, before its standard wording is taken.
  const scopeRead = fields.businessScope;
  const scopeGlyphs = text.source === 'pdf-text' ? null : draft.placeGlyphsOf('businessScope');
  let scopeSettled: ReadonlySet<number> = new Set();
  for (const name of KNOWN_WORDING_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string' || text.source === 'pdf-text') continue;
    const glyphs = name === 'businessScope' ? scopeGlyphs : draft.placeGlyphsOf(name);
    const doubt = knownWordingDoubt(name, value, glyphs);
    if (doubt === null) continue;
    if (doubt.settled !== undefined) scopeSettled = doubt.settled;
    if (doubt.taken !== undefined) fields[name] = doubt.taken;
    draft.corrections.push(...draft.unproposed(doubt.corrections));
    draft.capConfidence(name, doubt.cap);
  }
  const scopeBox = draft.boxes.businessScope;
  if (
    typeof scopeRead === 'string' &&
    scopeGlyphs !== null &&
    scopeBox !== undefined &&
    confidence.businessScope !== undefined
  )
    confidence.businessScope = scopeConfidence(
      scopeRead,
      scopeGlyphs,
      scopeSettled,
      confidence.businessScope,
      itemsUnder(text, scopeBox),
    );
}
