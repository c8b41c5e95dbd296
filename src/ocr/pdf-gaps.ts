// A text layer that does not say which character one glyph is (a rare character missing
// from a subset font's ToUnicode map, or a face that lacked it; or one given as the letter
// of its glyph code, found by its width: pdf-disguised.ts): the layer is taken for
// everything it has, and only the unmapped glyphs are read from the page's image. Each
// text run holding one is rendered at a size the recogniser reads well, recognised, and
// the reading aligned with the run's own characters: where the image agrees with the
// layer, the character read opposite the gap is put in (below 0.9: read from the image);
// where it does not, the layer is not trusted and the whole file is OCR'd as before.
import type { DocumentText, ExtractedDocument, TextItem } from '../core/extraction';
import type { RasterOcrEngine } from './engine';
import { glyphBoxes, UNMAPPED_GLYPH, type UnmappedGlyph } from './pdf-text';
import type { PdfRasteriser, RasteriseOptions } from './rasterise-pdf';

/** A character read from the image is no surer than this (a text layer's are 1). */
export const FROM_IMAGE_CONFIDENCE = 0.85;
/** A run whose unmapped glyph the OCR could not read either. */
export const UNREAD_GLYPH_CONFIDENCE = 0.3;
/** Share of a run's mapped characters the OCR must read alike for the layer to be trusted. */
const MIN_AGREEMENT = 0.6;
/**
 * Fewer mapped characters than this around a document's gaps are too few to distrust the
 * layer on: 佘 of a two-character run `佘\ufffd` read as 余 by the recogniser sent the
 * whole file to OCR, its other fields read worse (霁 as 雾). The gap is filled, held lower.
 */
const MIN_EVIDENCE = 3;
/** A gap filled where the image read its run's few other characters otherwise. */
export const DISPUTED_GLYPH_CONFIDENCE = 0.5;
/** Height in pixels a run is rendered at for the recogniser (PP-OCR reads lines 48 px high). */
const TARGET_HEIGHT_PX = 40;
/** Runs longer than this are cut to a window of characters around their gaps. */
const WINDOW_CHARS = 8;

/**
 * What a glyph read from the image may be: an ideograph, a Latin letter or a digit, CJK
 * punctuation. Anything else read there (an empty box, the glyph a face lacking the
 * character printed, read as α) is no reading: the gap stays unread.
 */
const PLAUSIBLE = /^(?:\p{Script=Han}|[0-9A-Za-z]|[\u3000-\u303f\uff01-\uff5e·])$/u;

/** A glyph read from the image, for the warnings of the fields it fell in. */
export interface FilledGlyph {
  page: number;
  box: UnmappedGlyph['box'];
  /** The character read; null when the OCR could not read it (UNMAPPED_GLYPH stays). */
  text: string | null;
}

/** What reading the gaps gave: the text with them filled, or `distrust` (OCR the file). */
export type GapReading = { text: DocumentText; filled: FilledGlyph[] } | { distrust: true };

interface Recognised {
  text: string;
  /** Per non-space character, where the engine reports them. */
  confidences: number[];
}

/**
 * The run's characters aligned with the OCR's (spaces left out of both): for each gap, the
 * OCR's character opposite it (or null), and the share of the run's mapped characters the
 * OCR read alike. A gap matches any one character at half the cost of any other difference.
 */
export function alignGaps(
  layer: string,
  ocr: string,
): { gaps: ({ char: string; index: number } | null)[]; agreement: number } {
  const a = [...layer.replace(/\s/g, '')];
  const b = [...ocr.replace(/\s/g, '')];
  // A gap costs half a match: a character read alike is aligned with its own first.
  const cost = (i: number, j: number): number =>
    a[i] === b[j] ? 0 : a[i] === UNMAPPED_GLYPH ? 0.5 : 1;
  // Edit distance table, then the path back from its corner.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j - 1]! + cost(i - 1, j - 1),
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
      );
  const opposite = new Map<number, number>();
  for (let i = a.length, j = b.length; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + cost(i - 1, j - 1)) {
      opposite.set(i - 1, j - 1);
      i--;
      j--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) i--;
    else j--;
  }
  let mapped = 0;
  let alike = 0;
  const gaps: ({ char: string; index: number } | null)[] = [];
  for (const [i, c] of a.entries()) {
    const j = opposite.get(i);
    if (c === UNMAPPED_GLYPH) {
      gaps.push(j === undefined ? null : { char: b[j]!, index: j });
      continue;
    }
    mapped++;
    if (j !== undefined && b[j] === c) alike++;
  }
  return { gaps, agreement: mapped === 0 ? 1 : alike / mapped };
}

/** The window of a run's characters around its gaps that is rendered and read. */
function windowOf(item: TextItem, ats: readonly number[]): { from: number; to: number } {
  const length = [...item.text].length;
  if (length <= 2 * WINDOW_CHARS) return { from: 0, to: length };
  return {
    from: Math.max(0, Math.min(...ats) - WINDOW_CHARS / 2),
    to: Math.min(length, Math.max(...ats) + 1 + WINDOW_CHARS / 2),
  };
}

async function recogniseRegion(
  ocr: RasterOcrEngine,
  rasterise: PdfRasteriser,
  options: RasteriseOptions,
  page: number,
): Promise<Recognised> {
  let text = '';
  const confidences: number[] = [];
  for await (const raster of rasterise(new Uint8Array(), options)) {
    const read = await ocr.recogniseRaster(raster, page, { maxSkewDegrees: 0 });
    for (const item of [...read.items].sort((p, q) => p.x - q.x)) {
      text += item.text;
      const chars = [...item.text.replace(/\s/g, '')];
      chars.forEach((_, k) => confidences.push(item.charConfidences?.[k] ?? item.confidence));
    }
  }
  return { text, confidences };
}

/**
 * Reads the unmapped glyphs of `text` from the page's image (see the file's comment).
 * `rasterise` renders from `options.document`, the PDF already open.
 */
export async function readGapsFromImage(
  text: DocumentText,
  unmapped: readonly UnmappedGlyph[],
  ocr: RasterOcrEngine,
  rasterise: PdfRasteriser,
  options: RasteriseOptions,
): Promise<GapReading> {
  const pages = text.pages.map((p) => ({ ...p, items: [...p.items] }));
  const filled: FilledGlyph[] = [];
  const byItem = new Map<string, UnmappedGlyph[]>();
  for (const g of unmapped) {
    const key = `${g.page}:${g.item}`;
    byItem.set(key, [...(byItem.get(key) ?? []), g]);
  }
  let mapped = 0;
  let alike = 0;
  for (const glyphs of byItem.values()) {
    const { page, item: index } = glyphs[0]!;
    const pageText = pages.find((p) => p.page === page)!;
    const item = pageText.items[index]!;
    const chars = [...item.text];
    const { from, to } = windowOf(
      item,
      glyphs.map((g) => g.at),
    );
    // The window's box: from its first character's left edge to its last one's right.
    const boxes = glyphBoxes(item);
    const left = boxes[from]!.x;
    const right = boxes[to - 1]!.x + boxes[to - 1]!.w;
    const scale = Math.min(8, Math.max(2, TARGET_HEIGHT_PX / item.h));
    const padX = item.h * 0.6;
    const padY = item.h * 0.35;
    const region = {
      page,
      x: Math.max(0, left - padX),
      y: Math.max(0, item.y - padY),
      w: right - left + 2 * padX,
      h: item.h + 2 * padY,
      scale,
    };
    const read = await recogniseRegion(ocr, rasterise, { ...options, region }, page);
    const layer = chars.slice(from, to).join('');
    const { gaps, agreement } = alignGaps(layer, read.text);
    const others = [...layer.replace(/\s/g, '')].filter((c) => c !== UNMAPPED_GLYPH).length;
    mapped += others;
    alike += agreement * others;
    if (agreement < MIN_AGREEMENT && others >= MIN_EVIDENCE) return { distrust: true };
    const disputed = agreement < MIN_AGREEMENT;
    // Gaps of the window in order; each non-space character of the window counted once.
    const gapAts = chars
      .map((c, at) => (c === UNMAPPED_GLYPH && at >= from && at < to ? at : -1))
      .filter((at) => at >= 0);
    let confidence = 1;
    for (const [k, at] of gapAts.entries()) {
      const got = gaps[k] ?? null;
      const glyph = glyphs.find((g) => g.at === at)!;
      if (got === null || !PLAUSIBLE.test(got.char)) {
        confidence = Math.min(confidence, UNREAD_GLYPH_CONFIDENCE);
        filled.push({ page, box: glyph.box, text: null });
        continue;
      }
      chars[at] = got.char;
      confidence = Math.min(
        confidence,
        read.confidences[got.index] ?? 0,
        disputed ? DISPUTED_GLYPH_CONFIDENCE : FROM_IMAGE_CONFIDENCE,
      );
      filled.push({ page, box: glyph.box, text: got.char });
    }
    pageText.items[index] = { ...item, text: chars.join(''), confidence };
  }
  // Windows too short to judge alone are judged together.
  if (mapped >= MIN_EVIDENCE && alike < MIN_AGREEMENT * mapped) return { distrust: true };
  return { text: { ...text, pages }, filled };
}

/**
 * Each field whose box holds a glyph read from the image is held below 0.9 and says so
 * in a warning (a glyph the OCR could not read either leaves the field doubtful).
 */
export function markGapFields(doc: ExtractedDocument, filled: readonly FilledGlyph[]): void {
  for (const [field, box] of Object.entries(doc.boxes ?? {})) {
    const value = doc.fields[field];
    if (typeof value !== 'string') continue;
    for (const glyph of filled) {
      const cx = glyph.box.x + glyph.box.w / 2;
      const cy = glyph.box.y + glyph.box.h / 2;
      if (box.page !== glyph.page || cx < box.x || cx > box.x + box.w) continue;
      if (cy < box.y || cy > box.y + box.h) continue;
      const cap = glyph.text === null ? UNREAD_GLYPH_CONFIDENCE : FROM_IMAGE_CONFIDENCE;
      doc.confidence[field] = Math.min(doc.confidence[field] ?? cap, cap);
      doc.warnings.push(
        glyph.text === null
          ? `${field}: the PDF's text layer does not say which character one glyph is, and the image could not be read there either: confirm it against the image`
          : `${field}: ${glyph.text} was read from the image, the PDF's text layer not saying which character that glyph is: confirm it against the image`,
      );
    }
  }
}
