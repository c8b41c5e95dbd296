// A glyph a font's ToUnicode map leaves out is given by pdfjs as its character code: with
// the Identity-H encoding of a CID font that is the glyph's number in the subset, so a rare
// name character comes back as a control character (pdf-text.ts UNMAPPED), or as a Latin
// letter, a digit or ASCII punctuation: 李彧 read as 李e, 张嘉 as 张S, 隗彧沁 as 隗彧; (and
// the name reader dropped the `;`: a wrong name at 1.00). Such a glyph is still printed
// at the CJK glyph's width, one em, where the letter it stands as is half as wide: a
// character no font prints an em wide (not CJK, not a full-width form) printed an em wide
// is no such character, and is read from the image like any unmapped glyph.
//
// pdfjs's text runs give a run's width, not each glyph's: a run whose width leaves room for
// such a glyph (suspectRun) sends its page's operator list to be read, whose glyphs carry
// their own widths (disguisedGlyphs).
import type { PdfDocument } from './pdf-text';
import { HAS_HAN } from '../core/text/han';

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** pdfjs's OPS.showText (every text operator is one in an operator list): pinned by a test. */
export const OPS_SHOW_TEXT = 44;

/** Characters a CJK text prints one em wide (as pdf-text.ts WIDE, without U+FFFD). */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[\u{20000}-\u{3ffff}]/u;

/**
 * A character no CJK font prints an em wide: an ASCII letter, digit or mark, a Latin
 * letter with an accent. (Not the middle dot of a minority name, a dash, quotes or a degree
 * sign: CJK faces print those an em wide.)
 */
const NARROW = /^[\x21-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]$/u;
export const isNarrow = (c: string): boolean => NARROW.test(c);

/** Least width (in ems) of a narrow character as fonts print it: digits and most letters. */
const NARROW_MIN_EM = 0.45;
/** A glyph at least this wide (in ems) may be an em-wide glyph: a hint only. */
const EM_WIDE = 0.97;
/** How far (a share of it) a glyph's width may be off the page's CJK width and be one. */
const EM_SLACK = 0.005;

/**
 * True when a text run may hold a glyph standing as a narrow character while printed an
 * em wide: a narrow character beside a CJK one (or alone in its run), and a run wider than
 * its wide characters and at least half an em per narrow one leave room for it. Only a hint:
 * the page's glyph widths decide (disguisedGlyphs).
 */
export function suspectRun(text: string, width: number, size: number): boolean {
  const chars = [...text];
  if (size <= 0) return false;
  const besideHan = chars.some(
    (c, i) =>
      isNarrow(c) &&
      (chars.length === 1 || HAS_HAN.test(chars[i - 1] ?? '') || HAS_HAN.test(chars[i + 1] ?? '')),
  );
  if (!besideHan) return false;
  const wide = chars.filter((c) => WIDE.test(c)).length;
  const narrow = chars.filter(isNarrow).length;
  return width / size >= wide + NARROW_MIN_EM * (narrow - 1) + EM_WIDE - 0.1;
}

interface OpGlyph {
  unicode: string;
  width: number;
}

const isGlyph = (g: unknown): g is OpGlyph =>
  typeof g === 'object' && g !== null && 'unicode' in g && 'width' in g;

/**
 * For each text item of the page (pdfjs's getTextContent items, in their order), the
 * indices (in code points) of the characters that are em-wide glyphs standing as narrow
 * characters. The page's glyphs are matched to its items' characters in content order,
 * spaces left out of both; where they do not match one for one (text normalised by
 * pdfjs), a character is taken as disguised where the page prints it only em-wide.
 */
export async function disguisedGlyphs(
  page: PdfPage,
  items: readonly { str: string }[],
): Promise<Map<number, number[]>> {
  const list = await page.getOperatorList();
  const printed: OpGlyph[] = [];
  list.fnArray.forEach((fn, i) => {
    if (fn !== OPS_SHOW_TEXT) return;
    for (const g of (list.argsArray[i] as unknown[][])[0] ?? [])
      if (isGlyph(g) && typeof g.unicode === 'string') printed.push(g);
  });
  // The width the page prints its CJK characters at (1000: one em): a glyph standing as a
  // narrow character is disguised when it is printed at just that width. (A heavy face's
  // W is wider than an em, 1042, and no CJK glyph.)
  const widths = new Map<number, number>();
  for (const g of printed)
    if (HAS_HAN.test(g.unicode))
      widths.set(Math.round(g.width), (widths.get(Math.round(g.width)) ?? 0) + 1);
  const cjkWidth = [...widths].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1000;
  const glyphs: { c: string; disguised: boolean }[] = [];
  for (const g of printed)
    for (const c of g.unicode)
      if (c.trim() !== '')
        glyphs.push({
          c,
          disguised: isNarrow(g.unicode) && Math.abs(g.width - cjkWidth) <= EM_SLACK * cjkWidth,
        });
  const chars = items.flatMap((item, index) =>
    [...item.str].flatMap((c, at) => (c.trim() === '' ? [] : [{ index, at, c }])),
  );
  const out = new Map<number, number[]>();
  const add = (index: number, at: number): void => {
    out.set(index, [...(out.get(index) ?? []), at]);
  };
  if (glyphs.length === chars.length && glyphs.every((g, k) => g.c === chars[k]!.c)) {
    glyphs.forEach((g, k) => g.disguised && add(chars[k]!.index, chars[k]!.at));
    return out;
  }
  const onlyWide = new Set(glyphs.filter((g) => g.disguised).map((g) => g.c));
  for (const g of glyphs) if (!g.disguised) onlyWide.delete(g.c);
  for (const { index, at, c } of chars) if (onlyWide.has(c)) add(index, at);
  return out;
}
