// A card front's birth date that its own ID number contradicts, where the OCR doubted the
// differing digits and saw the number's behind them (issue 13: 出生1969年7月10日 with 6 at
// 0.79 and 8 behind at 0.17, the number 310115198907101985 read surely, its checksum
// holding): the printed date is the number's. The number's check character makes a
// misread digit there unlikely; the OCR itself doubted the date's digit and saw the
// number's. A date the number contradicts in a digit the OCR read surely, or whose
// digit it did not see there, stays as read (and id.checksum shows the difference).
import type { Box } from '../extraction';
import { birthDateFromIdNumber, validateIdNumber } from '../codes/id-number';
import { SURE_CHARACTER_P } from './alternatives';
import type { Glyph, Line } from './lines';
import { parseDate } from './values';

/** The glyphs whose centres fall in `box`, in reading order. */
function glyphsIn(box: Box, lines: readonly Line[]): Glyph[] {
  return lines
    .filter((l) => l.page === box.page)
    .flatMap((l) => l.glyphs)
    .filter((g) => {
      const cx = (g.x0 + g.x1) / 2;
      const cy = (g.y0 + g.y1) / 2;
      return cx >= box.x && cx <= box.x + box.w && cy >= box.y && cy <= box.y + box.h;
    });
}

/** The digits the OCR doubted at a glyph (below SURE_CHARACTER_P): its runner-up digits. */
function doubtedDigits(g: Glyph): string[] {
  if (!/^\d$/u.test(g.ch) || (g.alternatives?.p ?? 1) >= SURE_CHARACTER_P) return [];
  return (g.alternatives?.options ?? []).map((o) => o.text).filter((t) => /^\d$/u.test(t));
}

/**
 * The ID number's birth date where the date read at `box` (`read`) differs from it only
 * in one or two digits the OCR doubted and saw the number's digit behind; null otherwise
 * (no valid number, the same date, a sure digit, a digit not seen).
 */
export function birthDateByIdNumber(
  read: string,
  idNumber: string,
  box: Box,
  lines: readonly Line[],
): string | null {
  if (!validateIdNumber(idNumber).valid) return null;
  const wanted = birthDateFromIdNumber(idNumber);
  if (wanted === null || wanted === read) return null;
  const glyphs = glyphsIn(box, lines);
  const text = glyphs.map((g) => g.ch);
  if (parseDate(text.join('')) !== read) return null;
  const doubted = glyphs.flatMap((g, i) => (doubtedDigits(g).length > 0 ? [i] : []));
  // Every choice of one or two doubted digits, each read as a runner-up it has.
  const tries: Map<number, string>[] = [];
  for (const i of doubted) {
    for (const d of doubtedDigits(glyphs[i]!)) tries.push(new Map([[i, d]]));
    for (const j of doubted.filter((j) => j > i))
      for (const d of doubtedDigits(glyphs[i]!))
        for (const e of doubtedDigits(glyphs[j]!))
          tries.push(
            new Map([
              [i, d],
              [j, e],
            ]),
          );
  }
  const settles = tries.some(
    (t) => parseDate(text.map((ch, k) => t.get(k) ?? ch).join('')) === wanted,
  );
  return settles ? wanted : null;
}
