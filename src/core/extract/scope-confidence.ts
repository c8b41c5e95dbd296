// How surely a business scope was read. A value is as sure as its weakest character (a
// line's confidence is its weakest character's, lifted a little: line-segments.ts), and a
// scope is a hundred characters or more: in a headed scope (一般项目：…；…。（…）) the
// weakest is most often a mark (； at 0.49, ） at 0.55 on scans whose every ideograph
// read at 0.95), which the scope's grammar puts back whatever the OCR made of it
// (values.ts parseBusinessScope: ： for ；, 。 for ., ； for ，), or an ideograph of a
// standard phrase the wording settled (scope-standard.ts). Those no longer hold the scope
// down: it is as sure as its other ideographs, letters and digits, and below 0.9 while a
// mark was doubted (a 、 read for a ；, which no grammar settles, stays possible). What
// the OCR line itself was capped for (a gap where a character may be lost) and how the
// value was found (a label matched fuzzily) still hold it.
import type { Box, DocumentText, TextItem } from '../extraction';
import { CLOSE_SECOND_CONFIDENCE, SURE_CHARACTER_P } from './alternatives';
import type { PlaceGlyph as ScopeGlyph } from './places';
import { HAS_HAN } from '../text/han';

const READABLE = /[\p{L}\p{N}]/u;
const HEADED = /(?:一般项目|许可项目)[：:]/u;
/** Within this of each other, two confidences are the same (rounding). */
const EPS = 0.005;

/** An OCR line's cap beyond its characters' (line-segments.ts: a lost character's gap), or 1. */
function lineCap(item: TextItem): number {
  const chars = item.charConfidences;
  if (chars === undefined || chars.length === 0) return item.confidence;
  const mean = chars.reduce((a, v) => a + v, 0) / chars.length;
  const expected = Math.min(1, mean, Math.min(...chars) + 0.05);
  return item.confidence < expected - EPS ? item.confidence : 1;
}

/**
 * The scope's confidence: at least `reading` (the value's as found), raised where only
 * marks of a headed scope or characters in `settled` (indices of `value`, as read) held it
 * down; `glyphs` are the value's characters as read (charDoubts), `items` the OCR lines it
 * lies on. `reading` when a character's confidence is not known.
 */
export function scopeConfidence(
  value: string,
  glyphs: readonly (ScopeGlyph | null)[],
  settled: ReadonlySet<number>,
  reading: number,
  items: readonly TextItem[],
): number {
  const chars = [...value];
  if (!HEADED.test(value) || glyphs.length !== chars.length || items.length === 0) return reading;
  let content = 1;
  let markDoubted = false;
  /** The least of the value's ideographs' own confidences, which its glyphs take (lines.ts). */
  let ideographs = 1;
  for (const [i, ch] of chars.entries()) {
    const g = glyphs[i] ?? null;
    if (READABLE.test(ch) && g === null) return reading;
    if (g !== null && HAS_HAN.test(ch)) ideographs = Math.min(ideographs, g.confidence);
    if (settled.has(i) || /\s/u.test(ch)) continue;
    // A mark the grammar made another (： read for ；) has no glyph of its own: doubted.
    if (!READABLE.test(ch)) markDoubted ||= g === null || g.confidence < SURE_CHARACTER_P;
    else if (g !== null) content = Math.min(content, g.confidence);
  }
  // The lines' own caps, and the finding's (the reading below its lines and its ideographs).
  const lines = Math.min(...items.map((item) => item.confidence));
  const found = reading < Math.min(lines, ideographs) - EPS ? reading : 1;
  const capped = Math.min(found, ...items.map(lineCap));
  const sure = Math.min(
    content,
    capped,
    markDoubted || settled.size > 0 ? CLOSE_SECOND_CONFIDENCE : 1,
  );
  return Math.max(reading, sure);
}

/** The OCR lines a field's box lies on: those covering most of it or lying mostly inside it. */
export function itemsUnder(text: DocumentText, box: Box): TextItem[] {
  const page = text.pages.find((p) => p.page === box.page);
  if (page === undefined) return [];
  return page.items.filter((item) => {
    const w = Math.min(item.x + item.w, box.x + box.w) - Math.max(item.x, box.x);
    const h = Math.min(item.y + item.h, box.y + box.h) - Math.max(item.y, box.y);
    const smaller = Math.min(item.w * item.h, box.w * box.h);
    return w > 0 && h > 0 && smaller > 0 && (w * h) / smaller >= 0.5;
  });
}
