// A glyph its font's ToUnicode map leaves out is given by pdfjs as its code (pdf-text.ts
// UNMAPPED, pdf-disguised.ts); where that code is a space (0x20, 0xA0, a line break) or an
// invisible format mark (0xAD), pdfjs's text content leaves the glyph out altogether, as
// it does every space: 司马霖沁 with 沁 on code 0x20 (the subset's 32nd glyph) read as
// 司马霖, a wrong name at 1.00, nothing in the layer saying a glyph was there. The page's
// operator list still holds it, at the width it is printed: a space or format mark printed
// at the page's CJK glyph width (±0.5%) is such a glyph (a real space is narrower; the
// ideographic and typographic spaces that are an em wide are not taken). Its place is found
// by following the text state through the operator list (text matrix, moves, spacing, the
// graphics state's transforms and form XObjects), so it is read from the image like any
// unmapped glyph, wherever the content stream set it.
import type { PdfDocument } from './pdf-text';
import { HAS_HAN } from '../core/text/han';

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
/** A PDF transformation matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

/** pdfjs's operator numbers this reader follows (pinned by a test against pdfjs's OPS). */
export const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRenderingMode: 38,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintInlineImageXObjectGroup: 87,
  paintImageXObjectRepeat: 88,
} as const;

/**
 * What pdfjs's text content leaves out: spaces and line breaks (not the ideographic space
 * or the typographic spaces of a fixed width, U+2000-U+200A, U+205F, U+3000) and invisible
 * format marks.
 */
const LEFT_OUT = /^(?:[\t-\r \u00a0\u1680\u2028\u2029\u202f\ufeff]|\p{Cf})$/u;
/** As pdf-disguised.ts: how far a glyph's width may be off the CJK width and be one. */
const EM_SLACK = 0.005;

/** A glyph pdfjs's text content left out, where it is printed (page units, top-left). */
export interface DroppedGlyph {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface OpGlyph {
  unicode: string;
  width: number;
}

const isGlyph = (g: unknown): g is OpGlyph =>
  typeof g === 'object' && g !== null && 'unicode' in g && 'width' in g;

/** m applied after n. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** A matrix operator's six numbers, given flat or as one array (pdfjs's setTextMatrix). */
function matrixOf(args: readonly unknown[]): Matrix {
  const first = args[0];
  const values =
    typeof first === 'object' && first !== null ? Array.from(first as ArrayLike<number>) : args;
  return values.slice(0, 6).map(Number) as Matrix;
}

const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];

/** The glyphs of a page's text operators, in content order. */
export function printedGlyphs(list: { fnArray: number[]; argsArray: unknown[] }): OpGlyph[] {
  const out: OpGlyph[] = [];
  list.fnArray.forEach((fn, i) => {
    if (fn !== OPS.showText) return;
    for (const g of (list.argsArray[i] as unknown[][])[0] ?? []) if (isGlyph(g)) out.push(g);
  });
  return out;
}

/** The width (glyph units) most of the page's ideographs are printed at. */
export function cjkWidthOf(glyphs: readonly OpGlyph[]): number | undefined {
  const widths = new Map<number, number>();
  for (const g of glyphs)
    if (typeof g.unicode === 'string' && HAS_HAN.test(g.unicode))
      widths.set(Math.round(g.width), (widths.get(Math.round(g.width)) ?? 0) + 1);
  return [...widths].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Text render modes that paint nothing: 3 (invisible), 7 (clip only). */
const INVISIBLE_MODES = new Set([3, 7]);

/** What a page's operator list says of its text (see followText). */
export interface PageGlyphs {
  dropped: DroppedGlyph[];
  /** Glyphs shown, and how many of them in a mode that paints nothing. */
  glyphs: number;
  invisible: number;
}

/**
 * The glyphs of the page that pdfjs's text content left out though they are printed an em
 * wide (see the file's comment), with their boxes in the viewport's coordinates.
 */
export function droppedGlyphs(
  list: { fnArray: number[]; argsArray: unknown[] },
  viewport: Matrix,
): DroppedGlyph[] {
  return followText(list, viewport).dropped;
}

/**
 * The page's text as its operator list sets it: the glyphs the text content left out
 * (droppedGlyphs), and how many glyphs are shown invisibly (render mode 3 or 7: the text a
 * scanner's OCR lays over the page's image).
 */
export function followText(
  list: { fnArray: number[]; argsArray: unknown[] },
  viewport: Matrix,
): PageGlyphs {
  const glyphs = printedGlyphs(list);
  const cjkWidth = cjkWidthOf(glyphs) ?? NaN;
  const isDropped = (g: OpGlyph): boolean =>
    typeof g.unicode === 'string' &&
    LEFT_OUT.test(g.unicode) &&
    Math.abs(g.width - cjkWidth) <= EM_SLACK * cjkWidth;
  const hidden = list.fnArray.some(
    (fn, i) =>
      fn === OPS.setTextRenderingMode &&
      INVISIBLE_MODES.has(Number((list.argsArray[i] as unknown[] | null)?.[0])),
  );
  if (!hidden && !glyphs.some(isDropped))
    return { dropped: [], glyphs: glyphs.length, invisible: 0 };
  let invisible = 0;
  let mode = 0;
  const stack: { ctm: Matrix; mode: number }[] = [];
  const out: DroppedGlyph[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  let size = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let leading = 0;
  let rise = 0;
  const moveText = (x: number, y: number): void => {
    tlm = multiply(tlm, translate(x, y));
    tm = tlm;
  };
  list.fnArray.forEach((fn, i) => {
    const args = (list.argsArray[i] ?? []) as unknown[];
    const n = (k: number): number => Number(args[k] ?? 0);
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, mode });
        break;
      case OPS.restore:
        ({ ctm, mode } = stack.pop() ?? { ctm, mode });
        break;
      case OPS.transform:
        ctm = multiply(ctm, matrixOf(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, mode });
        if (Array.isArray(args[0]))
          ctm = multiply(ctm, (args[0] as number[]).map(Number) as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ({ ctm, mode } = stack.pop() ?? { ctm, mode });
        break;
      case OPS.setTextRenderingMode:
        mode = n(0);
        break;
      case OPS.beginText:
        tm = tlm = [1, 0, 0, 1, 0, 0];
        break;
      case OPS.setCharSpacing:
        charSpacing = n(0);
        break;
      case OPS.setWordSpacing:
        wordSpacing = n(0);
        break;
      case OPS.setHScale:
        hScale = n(0) / 100;
        break;
      case OPS.setLeading:
        leading = n(0);
        break;
      case OPS.setFont:
        size = n(1);
        break;
      case OPS.setTextRise:
        rise = n(0);
        break;
      case OPS.moveText:
        moveText(n(0), n(1));
        break;
      case OPS.setLeadingMoveText:
        leading = -n(1);
        moveText(n(0), n(1));
        break;
      case OPS.setTextMatrix:
        tm = tlm = matrixOf(args);
        break;
      case OPS.nextLine:
        moveText(0, -leading);
        break;
      case OPS.showText:
        for (const g of (args[0] as unknown[] | undefined) ?? []) {
          if (typeof g === 'number') {
            tm = multiply(tm, translate((-g / 1000) * size * hScale, 0));
            continue;
          }
          if (!isGlyph(g)) continue;
          if (INVISIBLE_MODES.has(mode)) invisible++;
          if (isDropped(g)) {
            const m = multiply(
              viewport,
              multiply(ctm, multiply(tm, [size * hScale, 0, 0, size, 0, rise])),
            );
            // Only a glyph set level on the page (as the layer's items are read).
            if (Math.abs(m[1]) < 1e-6 * Math.abs(m[0]) && m[0] > 0) {
              const h = Math.abs(m[3]);
              out.push({ x: m[4], y: m[5] - h, w: (m[0] * g.width) / 1000, h });
            }
          }
          const space = g.unicode === ' ' ? wordSpacing : 0;
          tm = multiply(tm, translate(((g.width / 1000) * size + charSpacing + space) * hScale, 0));
        }
        break;
      default:
        break;
    }
  });
  return { dropped: out, glyphs: glyphs.length, invisible };
}

/** What the page's operator list says of its text (see followText). */
export async function pageGlyphs(page: PdfPage, viewport: Matrix): Promise<PageGlyphs> {
  return followText(await page.getOperatorList(), viewport);
}

const PAINTS_IMAGE: ReadonlySet<number> = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
]);

/** Whether an operator list paints an image (a scan), an image mask (a glyph, a seal's ink) aside. */
export const paintsImage = (list: { fnArray: number[] }): boolean =>
  list.fnArray.some((fn) => PAINTS_IMAGE.has(fn));

/** Whether the page paints an image: its operator list is built, which decodes the image. */
export async function pagePaintsImage(page: PdfPage): Promise<boolean> {
  return paintsImage(await page.getOperatorList());
}
