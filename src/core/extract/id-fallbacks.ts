// An ID card front whose small labels a photocopy or a photo lost: the ID number found by
// its checksum alone, and 性别/民族 from the line below the name. Both at a confidence
// below that of a labelled reading.
import { validateIdNumber } from '../codes/id-number';
import { findRuns, type PageLayout } from './layout';
import type { FieldReading } from './scoring';
import { parseEthnicity } from './values';

/**
 * The most an ID number found without its label is trusted: its checksum holds, but
 * nothing on the page says which field it is.
 */
export const UNLABELLED_CONFIDENCE = 0.8;

/** An ID number as a run of its own: 17 digits and a digit or X. */
const ID_NUMBER_RUN = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/g;

/**
 * The ID number of a card front whose 公民身份号码 label was not read (small grey print on
 * a photocopy or a blurred photo): the one run of 18 code characters on the page that
 * passes the checksum (and matches the birth date when that was read). Only when exactly
 * one such run exists, so a second number on the page never gets picked.
 */
export function unlabelledIdNumber(
  layouts: readonly PageLayout[],
  birthDate: string | null,
): FieldReading | null {
  const found = layouts.flatMap((layout) =>
    findRuns(layout.lines, ID_NUMBER_RUN).filter(
      (run) => validateIdNumber(run.text, birthDate).valid,
    ),
  );
  const distinct = new Set(found.map((run) => run.text));
  const run = found[0];
  if (!run || distinct.size !== 1) return null;
  return {
    value: run.text,
    confidence: Math.min(run.confidence, UNLABELLED_CONFIDENCE),
    box: run.box,
  };
}

/**
 * 性别 and 民族 of a card front whose small labels were lost (a photocopy, a photo): the
 * card prints them on the line right below the name, the sex first. The sex is a 男/女
 * among that line's first three characters; the ethnicity follows a 民 whose 族 was lost.
 */
export function sexLineFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  for (const { page, lines, hits } of layouts) {
    const name = hits.find((h) => h.def.id === 'name');
    if (!name) continue;
    const below = lines[lines.indexOf(name.line) + 1];
    if (!below || below.y0 - name.line.y1 > 2.5 * name.line.h) return;
    // Stop at the first label read on the line (民族 found, 性别 not).
    const end = hits
      .filter((h) => h.line === below)
      .reduce((min, h) => Math.min(min, h.from), below.glyphs.length);
    const glyphs = below.glyphs.slice(0, end);
    const at = glyphs.slice(0, 3).findIndex((g) => g.ch === '男' || g.ch === '女');
    const sex = glyphs[at];
    if (at < 0 || !sex) return;
    const fallback = (field: string, value: string, gs: typeof glyphs): void => {
      if (readings.has(field)) return;
      readings.set(field, {
        value,
        confidence: Math.min(UNLABELLED_CONFIDENCE, ...gs.map((g) => g.confidence)),
        box: {
          page,
          x: gs[0]!.x0,
          y: below.y0,
          w: gs.at(-1)!.x1 - gs[0]!.x0,
          h: below.y1 - below.y0,
        },
      });
    };
    fallback('sex', sex.ch, [sex]);
    const rest = glyphs.slice(at + 1);
    const label = rest.findIndex((g) => g.ch === '民');
    const value = rest.slice(label + 1);
    const ethnicity = parseEthnicity(value.map((g) => g.ch).join(''));
    if (label >= 0 && ethnicity !== null)
      fallback('ethnicity', ethnicity, value.slice(0, [...ethnicity].length));
    return;
  }
}
