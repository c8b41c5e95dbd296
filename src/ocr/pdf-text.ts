// Reads the text layer of a PDF with pdfjs-dist, host-agnostic: the caller passes the
// pdfjs module its host loads (Node: the legacy build, browser: the standard build).
// Returns text items with boxes in page coordinates (scale 1, origin top-left).
import type * as Pdfjs from 'pdfjs-dist';
import type { DocumentText, PageText, ReadProblem, TextItem } from '../core/extraction';
import { DocumentReadError } from '../core/read-error';
import { INTAKE_LIMITS } from '../core/intake';
import { disguisedGlyphs, suspectRun } from './pdf-disguised';
import {
  multiply,
  pageGlyphs,
  pagePaintsImage,
  type Matrix,
  type PageGlyphs,
} from './pdf-dropped';

/** The part of the pdfjs-dist module this reader uses. */
/** What the reading code uses of pdfjs (the Node legacy build or the browser build). */
export type PdfjsLib = Pick<typeof Pdfjs, 'getDocument' | 'OPS'>;

/** A PDF opened by pdfjs (openPdf): its text is read and its pages rendered from it. */
export type PdfDocument = Awaited<ReturnType<PdfjsLib['getDocument']>['promise']>;

/** Extra getDocument parameters a host supplies (cMaps, standard fonts, worker settings). */
export type PdfDocumentParams = Omit<
  Parameters<PdfjsLib['getDocument']>[0] & object,
  'data' | 'url'
>;

export interface ReadPdfOptions {
  /** A PDF with more pages is refused (`too-many-pages`); 20 unless given. */
  maxPages?: number;
  documentParams?: PdfDocumentParams;
}

export type PdfReadErrorCode =
  | 'empty'
  | 'encrypted'
  | 'corrupt'
  | 'no-text-layer'
  | 'unmapped-text'
  | 'ocr-layer'
  | 'scanned-page'
  | 'too-many-pages';

const MESSAGES: Record<Exclude<PdfReadErrorCode, 'too-many-pages'>, string> = {
  empty: 'the file is empty (0 bytes)',
  encrypted: 'the PDF is password-protected: remove the password and try again',
  corrupt: 'the file is not a readable PDF: it may be damaged',
  'no-text-layer': 'no text layer: OCR is needed',
  'unmapped-text': 'the text layer does not say which characters it shows: OCR is needed',
  'ocr-layer': "the text layer is a scanner's invisible OCR over the page's image: OCR is needed",
  'scanned-page': 'a page of the PDF is a scanned image with no text layer: OCR is needed',
};

/** The reason each code gives the person (no-text-layer: when no OCR can take over). */
const REASONS: Record<PdfReadErrorCode, ReadProblem['reason']> = {
  empty: 'empty',
  encrypted: 'encrypted',
  corrupt: 'damaged',
  'no-text-layer': 'no-ocr',
  'unmapped-text': 'no-ocr',
  'ocr-layer': 'no-ocr',
  'scanned-page': 'no-ocr',
  'too-many-pages': 'too-many-pages',
};

/** The message is a sentence fragment; readDocument capitalises it and ends it. */
export class PdfReadError extends DocumentReadError {
  override readonly name = 'PdfReadError';
  constructor(
    readonly code: PdfReadErrorCode,
    message: string,
    values?: Record<string, number>,
  ) {
    super(values ? { reason: REASONS[code], values } : { reason: REASONS[code] }, message);
  }

  static of(code: Exclude<PdfReadErrorCode, 'too-many-pages'>): PdfReadError {
    return new PdfReadError(code, MESSAGES[code]);
  }
}

/**
 * What pdfjs gives for a glyph its font does not map to Unicode (no ToUnicode entry, as
 * some PDF writers leave out for subset CJK fonts): the glyph's code as a control
 * character (C0, DEL or C1: a subset's 148th glyph comes back as U+0094, 阚骁婕 as
 * 阚骁\u0094), U+FFFD, or a private-use code point. One such character and the text layer
 * no longer says what the page shows (a name's rare character comes back as U+0000), so
 * the pages are OCR'd instead. Tab and line breaks are ordinary text.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is searched for
const UNMAPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/;

/** True when every character of the text layer is mapped to Unicode (see UNMAPPED). */
function isTextMapped(text: string): boolean {
  return !UNMAPPED.test(text);
}

function isTextItem(
  item: unknown,
): item is { str: string; transform: number[]; width: number; height: number } {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/**
 * Text set at a slant (more than 2° off the page's axes): a watermark (仅供…使用，他用无效)
 * or a stamp, never a field. Its axis-aligned box would cut through the lines it
 * crosses and mix its characters into their values.
 */
function isDiagonal(m: Matrix): boolean {
  const degrees = Math.abs(angleOf(m)) % 90;
  return degrees > 2 && degrees < 88;
}

const angleOf = (m: Matrix): number => (Math.atan2(m[1], m[0]) * 180) / Math.PI;

/** How far two angles are apart, a quarter turn counting as none (sideways text is level). */
function offAxis(a: number, b: number): number {
  const d = (((a - b) % 90) + 90) % 90;
  return Math.min(d, 90 - d);
}

/**
 * Degrees a text item may stand off its page's own axis: a text layer sets its lines on
 * one axis (a skewed scan's layer all at the scan's angle). A character a degree or two
 * off it is one of a seal's ring (each set at its own angle around the ring: 科 at -1.9°
 * beside 的项目 read as 的项目科外) or of a stamp set at a slant, not a line's.
 */
const MAX_OFF_AXIS = 1;

/**
 * The axis most of a page's characters are set on (a quarter turn counting as none), to
 * the nearest half degree: the mode, by characters.
 */
function mainAngle(angles: readonly { angle: number; chars: number }[]): number {
  const count = new Map<number, number>();
  for (const { angle, chars } of angles) {
    const axis = Math.round((((angle % 90) + 90) % 90) * 2) / 2;
    const key = axis >= 45 ? axis - 90 : axis;
    count.set(key, (count.get(key) ?? 0) + chars);
  }
  let best = 0;
  let most = 0;
  for (const [axis, n] of count) if (n > most) [best, most] = [axis, n];
  return best;
}

/**
 * Opens a PDF with pdfjs for reading its text and rendering its pages; the caller destroys
 * it. pdfjs never decodes an image over the intake's pixel limit. Throws PdfReadError:
 * `empty`, `encrypted` (a password is needed to open it), `corrupt`.
 */
export async function openPdf(
  bytes: Uint8Array,
  pdfjs: PdfjsLib,
  documentParams: PdfDocumentParams = {},
): Promise<PdfDocument> {
  if (bytes.length === 0) throw PdfReadError.of('empty');
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    maxImageSize: INTAKE_LIMITS.maxImagePixels,
    ...documentParams,
    data: bytes.slice(),
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw errorName(error) === 'PasswordException'
      ? PdfReadError.of('encrypted')
      : PdfReadError.of('corrupt');
  }
}

/**
 * The PDF's text layer (opened and closed here). Throws PdfReadError as openPdf and
 * readOpenPdfText do.
 */
export async function readPdfText(
  bytes: Uint8Array,
  pdfjs: PdfjsLib,
  options: ReadPdfOptions = {},
): Promise<DocumentText> {
  const document = await openPdf(bytes, pdfjs, options.documentParams);
  try {
    return await readOpenPdfText(document, options.maxPages);
  } finally {
    await document.destroy();
  }
}

/**
 * The text layer of a PDF opened with openPdf (left open). Throws PdfReadError:
 * `no-text-layer` (image-only: OCR is needed), `unmapped-text` (a glyph the layer does not
 * map to Unicode: OCR is needed), `too-many-pages` (more than `maxPages`, 20 unless given),
 * `corrupt`.
 */
export async function readOpenPdfText(document: PdfDocument, maxPages = 20): Promise<DocumentText> {
  const { text, unmapped } = await readLayer(document, maxPages);
  if (unmapped.length > 0) throw PdfReadError.of('unmapped-text');
  return text;
}

/**
 * A glyph of the text layer that its font does not map to Unicode (see UNMAPPED), standing
 * as UNMAPPED_GLYPH in its item's text.
 */
export interface UnmappedGlyph {
  page: number;
  /** The item's index in its page's items. */
  item: number;
  /** The glyph's index in the item's text, in code points. */
  at: number;
  /** Where it is printed (estimated from the item's width), page units, origin top-left. */
  box: { x: number; y: number; w: number; h: number };
}

/** What an unmapped glyph stands as in a text item's text: U+FFFD REPLACEMENT CHARACTER. */
export const UNMAPPED_GLYPH = '\ufffd';

/**
 * A layer where more than this share of the characters is unmapped says too little to
 * be read with the rest taken from OCR: a font with no ToUnicode at all gives a control
 * character for a glyph in four or five, and ASCII for the others (read as OCR instead).
 */
const MAX_UNMAPPED_SHARE = 0.05;
/** Nor more than this many unmapped glyphs in one document. */
const MAX_UNMAPPED_GLYPHS = 24;

/**
 * The text layer as readOpenPdfText reads it, but a few glyphs the layer does not map
 * (a rare character missing from a subset font's ToUnicode map, or printed as a box by a
 * face lacking it) are kept as UNMAPPED_GLYPH with where they are printed, for the caller
 * to read from the page's image. More of them than a few (MAX_UNMAPPED_SHARE,
 * MAX_UNMAPPED_GLYPHS) throws `unmapped-text` as readOpenPdfText does.
 */
export async function readOpenPdfTextKeepingGaps(
  document: PdfDocument,
  maxPages = 20,
): Promise<{ text: DocumentText; unmapped: UnmappedGlyph[] }> {
  const read = await readLayer(document, maxPages);
  const chars = read.text.pages.reduce(
    (n, p) => n + p.items.reduce((m, i) => m + [...i.text.replace(/\s/g, '')].length, 0),
    0,
  );
  if (
    read.unmapped.length > MAX_UNMAPPED_GLYPHS ||
    read.unmapped.length > MAX_UNMAPPED_SHARE * chars
  )
    throw PdfReadError.of('unmapped-text');
  return read;
}

/**
 * A page whose glyphs are this share or more invisible (render mode 3 or 7) is a scan
 * with a scanner's OCR laid over it (a multifunction printer's searchable PDF): the image
 * is what the page says, the invisible text only that OCR's reading of it, which may
 * misread a character where the image shows another (and the layer's 1.00 would vouch
 * for it). The image is read instead, as an image-only PDF's is. Judged per page: a
 * scanned page under its OCR layer among a file's vector pages (a dossier put together
 * from a report and a scan) is no less a scan for the share the other pages dilute, so
 * one such page sends the file to OCR (its layer's misreadings are never taken at 1.00).
 */
const INVISIBLE_SHARE = 0.9;

const NO_GLYPHS: PageGlyphs = { dropped: [], glyphs: 0, invisible: 0 };

/** Glyphs a CJK text prints one em wide; the others are taken as narrower. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\ufffd]|[\u{20000}-\u{3ffff}]/u;

/** The box of each character of an item, its width shared by wide and narrow glyphs. */
export function glyphBoxes(item: TextItem): { x: number; w: number }[] {
  const chars = [...item.text];
  const weights = chars.map((c) => (WIDE.test(c) ? 1 : 0.55));
  const total = weights.reduce((a, b) => a + b, 0);
  let x = item.x;
  return weights.map((weight) => {
    const w = total > 0 ? (item.w * weight) / total : 0;
    const box = { x, w };
    x += w;
    return box;
  });
}

async function readLayer(
  document: PdfDocument,
  maxPages: number,
): Promise<{ text: DocumentText; unmapped: UnmappedGlyph[] }> {
  try {
    if (document.numPages > maxPages) {
      throw new PdfReadError(
        'too-many-pages',
        `the PDF has ${document.numPages} pages, more than the ${maxPages} a document may have`,
        { pages: document.numPages, limit: maxPages },
      );
    }
    const pages: PageText[] = [];
    const unmapped: UnmappedGlyph[] = [];
    // Pages that are a scan under its OCR layer (INVISIBLE_SHARE).
    let scanned = 0;
    // Pages with no text item: a scan with no layer at all, or a blank page.
    const textless: number[] = [];
    for (let index = 0; index < document.numPages; index++) {
      const page = await document.getPage(index + 1);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs = content.items.filter((item) => isTextItem(item));
      const level: { str: string; width: number; m: Matrix; angle: number; run: number }[] = [];
      for (const [run, item] of runs.entries()) {
        if (item.str.trim() === '') continue;
        const m = multiply(viewport.transform as Matrix, item.transform as Matrix);
        if (isDiagonal(m)) continue;
        level.push({ str: item.str, width: item.width, m, angle: angleOf(m), run });
      }
      // Glyphs printed an em wide that the layer gives as narrow characters (pdf-disguised.ts).
      const disguised = level.some((l) => suspectRun(l.str, l.width, Math.hypot(l.m[2], l.m[3])))
        ? await disguisedGlyphs(page, runs)
        : new Map<number, number[]>();
      // Glyphs the text content left out as spaces though printed an em wide (pdf-dropped.ts).
      // A page with no text item has none (pdfjs gives every glyph shown, invisible ones
      // too, as text content): its operator list, whose building decodes the page's image
      // once more before it is rendered, is not read.
      if (runs.length === 0) textless.push(index);
      const { dropped, glyphs, invisible } =
        runs.length === 0
          ? NO_GLYPHS
          : await pageGlyphs(page, viewport.transform as Matrix);
      if (glyphs > 0 && invisible >= INVISIBLE_SHARE * glyphs) scanned++;
      const main = mainAngle(level.map((l) => ({ angle: l.angle, chars: [...l.str].length })));
      const items: TextItem[] = [];
      for (const { str, width, m, angle, run } of level) {
        if (offAxis(angle, main) > MAX_OFF_AXIS) continue;
        // Font size along the glyphs' vertical axis; the box spans from the baseline up.
        const size = Math.hypot(m[2], m[3]);
        const gaps = new Set(disguised.get(run));
        const item: TextItem = {
          page: index,
          x: m[4],
          y: m[5] - size,
          // item.width is in user-space units, which scale 1 keeps as page units.
          w: width,
          h: size,
          text:
            isTextMapped(str) && gaps.size === 0
              ? str
              : [...str]
                  .map((c, at) => (UNMAPPED.test(c) || gaps.has(at) ? UNMAPPED_GLYPH : c))
                  .join(''),
          confidence: 1,
        };
        if (item.text !== str) {
          // Only a level item (a text run along the page's axes) has glyph boxes to read.
          const boxes = glyphBoxes(item);
          for (const [at, c] of [...item.text].entries())
            if (c === UNMAPPED_GLYPH)
              unmapped.push({
                page: index,
                item: items.length,
                at,
                box: { x: boxes[at]!.x, y: item.y, w: boxes[at]!.w, h: item.h },
              });
        }
        items.push(item);
      }
      for (const box of dropped) {
        unmapped.push({ page: index, item: items.length, at: 0, box });
        items.push({ page: index, ...box, text: UNMAPPED_GLYPH, confidence: 1 });
      }
      pages.push({ page: index, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    if (pages.every((p) => p.items.length === 0)) throw PdfReadError.of('no-text-layer');
    if (scanned > 0) throw PdfReadError.of('ocr-layer');
    // A scanned page among text pages (an ID card's scan put into a dossier after the
    // license's electronic copy) has no layer to read: its documents would be silently
    // missing. It sends the file to OCR, as a scan under an OCR layer does; a blank page
    // (no image) does not. Only pages with no text are asked, and only in files with text,
    // so an image-only PDF's images are not decoded one more time.
    for (const index of textless) {
      const page = await document.getPage(index + 1);
      const scan = await pagePaintsImage(page);
      page.cleanup();
      if (scan) throw PdfReadError.of('scanned-page');
    }
    return { text: { source: 'pdf-text', pages }, unmapped };
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    throw PdfReadError.of('corrupt');
  }
}
