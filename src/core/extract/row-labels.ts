// A row's label the OCR misread beyond recognition (径営范国： for 经营范围：) still ends the
// value of the row above: on a form that prints its labels with a colon, text in the label
// column ending in a colon is the next row's label, and the line it stands on is that row's,
// not a wrapped line of the value above it.
import { SEPARATORS, type LabelHit } from './anchors';
import type { Line } from './lines';
import { HAN_CHAR } from '../text/han';

/** The most characters a label has before its colon (法定代表人（单位负责人）). */
const MAX_LABEL_CHARS = 12;

/**
 * Whether `line` holds, left of the value's column at `valueX0` and starting in the column
 * of `hit`'s label, two or more ideographs and a colon after them: another row's label not
 * read as one. Only where `hit` itself is followed by a colon (the form prints them): a label
 * wrapped onto the next line ends in its colon there.
 */
export function unreadLabelBeside(line: Line, hit: LabelHit, valueX0: number): boolean {
  const h = hit.line.h;
  if (!SEPARATORS.has(hit.line.glyphs[hit.to + 1]?.ch ?? '')) return false;
  const column = line.glyphs.filter((g) => g.x0 < valueX0 - 0.5 * h);
  const first = column[0];
  if (!first || Math.abs(first.x0 - hit.x0) > 2 * h) return false;
  const colon = column.findIndex((g) => SEPARATORS.has(g.ch));
  return (
    colon >= 2 &&
    colon <= MAX_LABEL_CHARS &&
    column.slice(0, colon).every((g) => HAN_CHAR.test(g.ch) || /^[（）()]$/u.test(g.ch))
  );
}
