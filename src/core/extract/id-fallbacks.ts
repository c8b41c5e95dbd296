// An ID card front whose small labels a photocopy or a photo lost: the ID number found by
// its checksum alone, the name, 性别 and the address by the order of the card's lines (民族:
// ethnicity.ts), 出生 and 性别 from the ID number itself. All at a confidence below that of
// a labelled reading. (A card back's: id-back-fallbacks.ts.)
import { birthDateFromIdNumber, isIdNumberShaped, validateIdNumber } from '../codes/id-number';
import type { PageLayout } from './page-layout';
import { findRuns } from './runs';
import { minConfidence, union, type Glyph, type Line } from './lines';
import { withoutLoneTail } from './lone-glyph';
import type { FieldReading } from './scoring';
import { startsWithSurname } from './surnames';
import { isPersonName, neverValue, typeOf } from './value-types';
import { linePrintsDate, linePrintsDatePart } from './printed-date';
import { HAN_CHAR } from '../text/han';

/**
 * The most an ID number found without its label is trusted: its checksum holds, but
 * nothing on the page says which field it is.
 */
export const UNLABELLED_CONFIDENCE = 0.8;

/** An ID number as a run of its own: 17 digits and a digit or X. */
const ID_NUMBER_RUN = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/g;

/**
 * An ID number between any characters but digits: a letter read against it (码 of a
 * blurred 公民身份号码 read Y: 公民身（号Y440305198902147535) is not part of it, as no ID
 * number holds a letter but its last X. Taken only where its checksum holds.
 */
const ID_NUMBER_AMID = /(?<!\d)\d{17}[\dX](?!\d)/g;

/**
 * The ID number of a card front whose 公民身份号码 label was not read (small grey print on
 * a photocopy or a blurred photo): the one run of 18 code characters on the page that
 * passes the checksum (and matches the birth date when that was read). Only when exactly
 * one such run exists, so a second number on the page never gets picked. Where none
 * passes, the one run shaped as an ID number (isIdNumberShaped, the birth date read
 * agreeing) is read as it is: a misread digit, whose checksum then caps its confidence
 * and proposes the repair, rather than no number at all.
 */
export function unlabelledIdNumber(
  layouts: readonly PageLayout[],
  birthDate: string | null,
): FieldReading | null {
  const runs = layouts.flatMap((layout) => findRuns(layout.lines, ID_NUMBER_RUN));
  const amid = layouts.flatMap((layout) => findRuns(layout.lines, ID_NUMBER_AMID));
  const one = (found: typeof runs): FieldReading | null => {
    const distinct = new Set(found.map((run) => run.text));
    const run = found[0];
    if (!run || distinct.size !== 1) return null;
    return {
      value: run.text,
      confidence: Math.min(run.confidence, UNLABELLED_CONFIDENCE),
      box: run.box,
    };
  };
  const valid = amid.filter((run) => validateIdNumber(run.text, birthDate).valid);
  if (valid.length > 0) return one(valid);
  return one(
    runs.filter(
      (run) =>
        isIdNumberShaped(run.text) &&
        (birthDate === null || birthDateFromIdNumber(run.text) === birthDate),
    ),
  );
}

/** Whether two lines print text of about one size (not a watermark or a title). */
const sameSize = (a: Line, b: Line): boolean => a.h <= 1.6 * b.h && a.h >= b.h / 1.6;

/**
 * The 出生 line: its label's, else (the label lost) the line holding the birth date that
 * the card's ID number holds, digits 7-14 (its checksum may fail, a digit elsewhere
 * misread: the line and the number are two readings of the date that agree), else, the
 * checksum holding, the one line above the
 * number's holding only a part of that date, its year first (linePrintsDatePart: `1986`,
 * its small 年 1 月 8 日 lost on a photo of a copy).
 */
function birthLine(layout: PageLayout, idNumber: string | null): Line | null {
  const birth = layout.hits.find((h) => h.def.id === 'birthDate');
  if (birth) return birth.line;
  if (idNumber === null || !isIdNumberShaped(idNumber)) return null;
  const iso = birthDateFromIdNumber(idNumber);
  if (iso === null) return null;
  const whole = layout.lines.find((l) => linePrintsDate(l, iso));
  if (whole) return whole;
  if (!validateIdNumber(idNumber).valid) return null;
  const numberAt = layout.lines.findIndex((l) =>
    l.glyphs
      .map((g) => g.key)
      .join('')
      .includes(idNumber),
  );
  const parts = layout.lines
    .slice(0, numberAt < 0 ? 0 : numberAt)
    .filter((l) => linePrintsDatePart(l, iso));
  return parts.length === 1 ? parts[0]! : null;
}

/**
 * The birth date of a card front whose 出生 label was lost, read on the line that prints
 * the date its ID number holds (see birthLine), below the confidence of a labelled reading.
 */
export function birthLineFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  const idNumber = readings.get('idNumber')?.value ?? null;
  if (readings.has('birthDate') || idNumber === null) return;
  for (const layout of layouts) {
    const line = birthLine(layout, idNumber);
    if (!line) continue;
    const glyphs = line.glyphs.filter((g) => /\d/u.test(g.ch));
    readings.set('birthDate', {
      value: birthDateFromIdNumber(idNumber)!,
      confidence: Math.min(UNLABELLED_CONFIDENCE, minConfidence(glyphs)),
      box: union(glyphs, layout.page),
    });
    return;
  }
}

/**
 * The line that holds the name: the 姓名 label's, else (the label lost in a photo or a
 * copy: `#上官瑶舒`) by the order every card front prints its fields in, 姓名 / 性别 民族 /
 * 出生: the first line above the 出生 line, at most two lines up, whose ideographs are a
 * name that starts with a surname (the 性别 line, `女民族满`, is none).
 */
function nameLine(
  layout: PageLayout,
  idNumber: string | null,
): { line: Line; glyphs: Glyph[] } | null {
  const { lines, hits } = layout;
  const named = hits.find((h) => h.def.id === 'name');
  if (named) return { line: named.line, glyphs: [] };
  // From the 出生 line, else (its line lost: a photo of a copy) from the line its 性别
  // label was read on, right below the name.
  const birth = birthLine(layout, idNumber);
  const anchor = birth ?? hits.find((h) => h.def.id === 'sex')?.line;
  if (!anchor) return null;
  let below = anchor;
  let seen = 0;
  // Up to three lines of the card's print size up (the 性别 民族 line may be read as two,
  // its small labels apart), over a watermark's large characters between them.
  for (const line of lines.slice(0, lines.indexOf(anchor)).reverse()) {
    if (!sameSize(line, anchor)) continue;
    if (below.y0 - line.y1 > 2.5 * anchor.h || ++seen > (birth ? 3 : 2)) return null;
    const glyphs = nameGlyphs(line.glyphs.filter((g) => HAN_OR_DOT.test(g.ch)));
    const name = glyphs.map((g) => g.ch).join('');
    if (isPersonName(name) && (name.includes('·') || startsWithSurname(name)))
      return { line, glyphs };
    below = line;
  }
  return null;
}

/**
 * A line's glyphs without the piece of the 姓名 label read with the name (`名全嘉容`: 姓
 * lost, 名 left), as the name's value type parses it.
 */
function nameGlyphs(glyphs: readonly Glyph[]): Glyph[] {
  const text = glyphs.map((g) => g.ch).join('');
  const name = typeOf('name').parse(text);
  const at = name === null ? -1 : text.indexOf(name);
  if (name === null || at < 0 || name === text) return [...glyphs];
  const from = [...text.slice(0, at)].length;
  return glyphs.slice(from, from + [...name].length);
}

/**
 * The 性别 民族 line: its 性别 label's, else the one right below the name's line, else (no name read) the one
 * right above the 出生 line; null when it is not close to its neighbour.
 */
export function sexLine(layout: PageLayout, idNumber: string | null): Line | null {
  const { lines, hits } = layout;
  const labelled = hits.find((h) => h.def.id === 'sex');
  if (labelled) return labelled.line;
  const name = nameLine(layout, idNumber);
  if (name) {
    // The next line of about the name's size (not a watermark's large characters).
    const below = lines.slice(lines.indexOf(name.line) + 1).find((l) => sameSize(l, name.line));
    return below && below.y0 - name.line.y1 <= 2.5 * name.line.h ? below : null;
  }
  const birth = birthLine(layout, idNumber);
  const above = birth ? lines[lines.indexOf(birth) - 1] : undefined;
  return birth && above && sameSize(above, birth) && birth.y0 - above.y1 <= 2.5 * birth.h
    ? above
    : null;
}

const HAN_OR_DOT = /^[\p{Script=Han}·]$/u;

/**
 * The name of a card front whose 姓名 label was lost, from the card's field order (see
 * nameLine), below the confidence of a labelled reading.
 */
export function nameLineFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has('name')) return;
  const idNumber = readings.get('idNumber')?.value ?? null;
  for (const layout of layouts) {
    const found = nameLine(layout, idNumber);
    if (!found || found.glyphs.length === 0) continue;
    const { glyphs } = found;
    readings.set('name', {
      value: glyphs.map((g) => g.ch).join(''),
      confidence: Math.min(UNLABELLED_CONFIDENCE, minConfidence(glyphs)),
      box: union(glyphs, layout.page),
    });
    return;
  }
}

/** Most lines an address wraps onto on a card front. */
const ADDRESS_LINES = 3;

/**
 * The address of a card front whose 住址 label was lost (a photo of a copy): the block of
 * lines of the card's print size right below the 出生 line, up to the ID number's line
 * (or a label's), its first line without what is no ideograph before the address starts
 * (`I江苏省…`: a lost label's remnant). Only a value of the address's type, below the
 * confidence of a labelled reading.
 */
export function addressBlockFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has('address')) return;
  const idNumber = readings.get('idNumber')?.value ?? null;
  const type = typeOf('address');
  for (const layout of layouts) {
    const birth = birthLine(layout, idNumber);
    if (!birth) continue;
    const { lines, hits } = layout;
    const rows: Glyph[][] = [];
    let above = birth;
    for (const line of lines.slice(lines.indexOf(birth) + 1)) {
      if (!sameSize(line, birth)) continue;
      const text = line.glyphs.map((g) => g.ch).join('');
      const labelled = hits.some((h) => h.line === line);
      if (line.y0 - above.y1 > 2.5 * birth.h || labelled || /\d{15,}/u.test(text)) break;
      rows.push(
        withoutLoneTail(
          line.glyphs.filter((g) => g.ch.trim() !== ''),
          line.h,
        ),
      );
      above = line;
      if (rows.length === ADDRESS_LINES) break;
    }
    const block = addressGlyphs(rows);
    const value = block.length === 0 ? null : type.parse(block.map((g) => g.ch).join(''));
    if (value === null || !type.valid(value) || neverValue('address', value) !== null) continue;
    readings.set('address', {
      value,
      confidence: Math.min(UNLABELLED_CONFIDENCE, minConfidence(block)),
      box: union(block, layout.page),
    });
    return;
  }
}

/**
 * An address block's glyphs: the first line's without the remnant of its lost label
 * (`味浙江省…`, `I江苏省…`): what stands left of where the wrapped lines start (the value's
 * column), and what is no ideograph before the address starts.
 */
function addressGlyphs(rows: readonly Glyph[][]): Glyph[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  const column = rest.length > 0 ? Math.min(...rest.map((r) => r[0]?.x0 ?? Infinity)) : -Infinity;
  const inColumn = first.filter((g) => (g.x0 + g.x1) / 2 >= column);
  const start = inColumn.findIndex((g) => HAN_CHAR.test(g.ch));
  return start < 0 ? [] : [...inColumn.slice(start), ...rest.flat()];
}

/**
 * 性别 of a card front whose small labels were lost (a photocopy, a photo): the card
 * prints it on the line right below the name (right above 出生), first: a 男/女 among that
 * line's first three characters. (The 民族 on that line: ethnicity.ts.)
 */
export function sexLineFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has('sex')) return;
  const idNumber = readings.get('idNumber')?.value ?? null;
  for (const layout of layouts) {
    const below = sexLine(layout, idNumber);
    if (!below) continue;
    const sex = sexGlyph(layout, below);
    if (!sex) return;
    readings.set('sex', {
      value: sex.glyph.ch,
      confidence: Math.min(UNLABELLED_CONFIDENCE, sex.glyph.confidence),
      box: {
        page: layout.page,
        x: sex.glyph.x0,
        y: below.y0,
        w: sex.glyph.x1 - sex.glyph.x0,
        h: below.y1 - below.y0,
      },
    });
    return;
  }
}

/**
 * The 性别 民族 line's glyphs after a 性别 read at its start, up to the next label read on
 * it (民族 found, 性别 not), and the sex among their first three (-1: not read).
 */
export function sexLineGlyphs(layout: PageLayout, line: Line): { glyphs: Glyph[]; sex: number } {
  const own = layout.hits.filter((h) => h.line === line);
  const start = own.find((h) => h.from === 0 && h.def.id === 'sex')?.to ?? -1;
  const end = own
    .filter((h) => h.from > start)
    .reduce((min, h) => Math.min(min, h.from), line.glyphs.length);
  const glyphs = line.glyphs.slice(start + 1, end);
  return { glyphs, sex: glyphs.slice(0, 3).findIndex((g) => g.ch === '男' || g.ch === '女') };
}

/** The sex read on the 性别 民族 line (see sexLineGlyphs). */
function sexGlyph(layout: PageLayout, line: Line): { glyph: Glyph } | null {
  const { glyphs, sex } = sexLineGlyphs(layout, line);
  return sex < 0 ? null : { glyph: glyphs[sex]! };
}

/**
 * The confidence of a field taken from the ID number instead of its own print: the
 * number's checksum holds, but the card's own line for the field was not read, so it is
 * not legible (below the rule pack's legibility floor, 0.8) and waits for a person.
 */
export const FROM_ID_NUMBER_CONFIDENCE = 0.6;

/** The most a birth date or sex read on the card that its ID number contradicts is trusted. */
export const CONTRADICTED_CONFIDENCE = 0.5;

/**
 * 出生 and 性别 of a card front whose lines for them were not read (a blurred photo of a
 * copy: the small print lost, the large number read): every ID number holds the birth
 * date (digits 7-14) and the sex (digit 17: odd for a man, even for a woman), GB 11643.
 * Only from a number whose checksum holds, at a confidence that asks a person to check it
 * against the card, said in a warning, and with no box: nothing was read where it is.
 */
export function idNumberFallback(readings: Map<string, FieldReading>, warnings: string[]): void {
  const id = readings.get('idNumber');
  if (!id || !validateIdNumber(id.value).valid) return;
  const derived: Record<string, string | null> = {
    birthDate: birthDateFromIdNumber(id.value),
    sex: Number(id.value.charAt(16)) % 2 === 1 ? '男' : '女',
  };
  const where: Record<string, string> = { birthDate: 'digits 7-14', sex: 'digit 17' };
  for (const [field, value] of Object.entries(derived)) {
    if (value === null) continue;
    const read = readings.get(field);
    if (!read) {
      readings.set(field, { value, confidence: FROM_ID_NUMBER_CONFIDENCE });
      warnings.push(
        `${field} was not read on the card: taken from the ID number (${where[field]})`,
      );
    } else if (read.value !== value) {
      // The card's own number, whose checksum holds, says otherwise: one of them is misread.
      readings.set(field, {
        ...read,
        confidence: Math.min(read.confidence, CONTRADICTED_CONFIDENCE),
      });
    }
  }
}
