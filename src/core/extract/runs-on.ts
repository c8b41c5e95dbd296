// Whether a value read beside its label may be only part of what is printed there: text
// of the value's size, on the value's row, right after its last character or right
// before its first (between it and its label), that the reading left out. OCR grouped it
// into a line of its own (a seal over the row grew that line's box, a photo tilted it),
// so the value stopped where that line began: 有限责任公司 read, （自然人投资或控股） beside
// it in a box twice as tall. The value has its type; it is not the whole of it.
import { SEPARATORS, type LabelHit } from './anchors';
import { MAX_VALUE_GAP, textSize, type ValueRegion } from './layout';
import { labelGlyphs, rightBound, type PageLayout } from './page-layout';
import type { Glyph } from './lines';

/** Whether the centre of `q` lies within the height of `g`'s row. */
const onRowOf = (q: Glyph, g: Glyph): boolean => {
  const c = (q.y0 + q.y1) / 2;
  return c >= g.y0 && c <= g.y1;
};

export function textRunsOn(region: ValueRegion, hit: LabelHit, layout: PageLayout): boolean {
  const first = region.glyphs[0]?.[0];
  const last = region.glyphs.at(-1)?.at(-1);
  if (first === undefined || last === undefined) return false;
  const taken = new Set(region.glyphs.flat());
  const h = hit.line.h;
  const right = rightBound(hit, layout);
  const sized = (q: Glyph, g: Glyph): boolean => {
    const ratio = textSize(q) / textSize(g);
    return ratio > 1 / 1.6 && ratio < 1.6;
  };
  for (const line of layout.lines) {
    const labelled = labelGlyphs(line, layout.hits);
    for (const [i, q] of line.glyphs.entries()) {
      if (taken.has(q) || labelled(i) || SEPARATORS.has(q.ch)) continue;
      const after =
        q.x0 >= last.x1 - 0.1 * h &&
        q.x0 - last.x1 <= MAX_VALUE_GAP * h &&
        q.x1 <= right + 0.5 * h &&
        onRowOf(q, last) &&
        sized(q, last);
      const before =
        q.x1 <= first.x0 + 0.1 * h &&
        first.x0 - q.x1 <= MAX_VALUE_GAP * h &&
        q.x0 >= hit.x1 - 0.1 * h &&
        onRowOf(q, first) &&
        sized(q, first);
      if (after || before) return true;
    }
  }
  return false;
}
