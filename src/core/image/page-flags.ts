// The flags a page's image raises, as the reader sees them: its resolution against the
// rule pack's floor, and the sentences, regions and fields of the glare, covered and
// cut-edge findings (inspect.ts runs the detectors and calls these). Regions are mapped
// from the image's pixels to the page's box units.
import type { DetectedKind } from '../documents';
import type { EdgeInk } from './edges';
import type { Blob } from './glare';
import { SIDE_NAMES, where } from './labels';
import { intersects, type Rect, type RgbaImage } from './pixels';
import type { QualityFlag, Region } from './schema';
import type { CropPlacement } from './part';

export interface PageImage {
  page: number;
  /** The page's pixels as scanned, photographed or rendered. */
  image: RgbaImage;
  /** The page's size in the coordinate space of the document's boxes. */
  width: number;
  height: number;
  /** Rendered from a PDF's own text: only colour and seals mean anything. */
  vector: boolean;
  /** The page's physical width in inches, where the file says it (a PDF page). */
  widthInches?: number;
  /** The image is a part cut from a larger page image (see part.ts), placed there. */
  crop?: CropPlacement;
  /**
   * A photographed page cut from the desk and squared (the frame of its boxes): the
   * photo's own size, on which its resolution is judged as before the cut.
   */
  uncut?: { width: number; height: number };
}

/** The defaults of the rule pack's resolution floor (spec §3 files.legible). */
export const RESOLUTION_FLOOR = { a4Dpi: 150, idWidthPx: 600 } as const;

const A4_LONG_INCHES = 297 / 25.4;
const A4_SHORT_INCHES = 210 / 25.4;
const ID_CARD_ASPECT = 85.6 / 54;
const A4_KINDS: ReadonlySet<DetectedKind> = new Set(['business-license', 'bank-permit']);
const ID_KINDS: ReadonlySet<DetectedKind> = new Set(['id-card-front', 'id-card-back']);

export interface Mapping {
  /** Image pixels per box unit. */
  sx: number;
  sy: number;
  /** Boxes can be mapped onto the image (not turned by the reader). */
  boxesFit: boolean;
}

export function mappingOf(p: PageImage): Mapping {
  const sx = p.image.width / p.width;
  const sy = p.image.height / p.height;
  return { sx, sy, boxesFit: Math.abs(sx / sy - 1) < 0.05 };
}

export function toRegion(page: number, r: Rect, m: Mapping, factor = 1): Region {
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    page,
    x: round((r.x * factor) / m.sx),
    y: round((r.y * factor) / m.sy),
    w: round((r.w * factor) / m.sx),
    h: round((r.h * factor) / m.sy),
  };
}

function fieldUnder(blob: Rect, fields: [string, Rect][]): string | undefined {
  return fields.find(([, r]) => intersects(blob, r))?.[0];
}

export function resolutionFlag(
  kind: DetectedKind,
  p: PageImage,
): { flag?: QualityFlag; dpi?: number; widthPx?: number } {
  // A part of a page has the resolution of the page it was cut from: an ID side on an A4
  // copy is as many pixels wide as the card's 85.6 mm of that page.
  const { width, height } =
    p.crop !== undefined
      ? { width: p.crop.pageWidth, height: p.crop.pageHeight }
      : (p.uncut ?? p.image);
  if (A4_KINDS.has(kind)) {
    const dpi = Math.round(
      p.widthInches !== undefined
        ? width / p.widthInches
        : // Either side: a page cut short on one side keeps the other.
          Math.max(
            Math.max(width, height) / A4_LONG_INCHES,
            Math.min(width, height) / A4_SHORT_INCHES,
          ),
    );
    if (dpi >= RESOLUTION_FLOOR.a4Dpi) return { dpi };
    return {
      dpi,
      flag: {
        flag: 'low-resolution',
        reason: `The page is ${dpi} dpi, below ${RESOLUTION_FLOOR.a4Dpi} dpi: scan it again at 200 dpi or more.`,
        reasonZh: `页面分辨率为 ${dpi} dpi，低于 ${RESOLUTION_FLOOR.a4Dpi} dpi：请以 200 dpi 或以上重新扫描。`,
        value: dpi,
      },
    };
  }
  if (ID_KINDS.has(kind)) {
    const long = Math.max(width, height);
    const short = Math.min(width, height);
    // A card on its own is its width; a photocopy on A4 holds the card at 85.6 of 210 mm.
    const card = long / short > (ID_CARD_ASPECT + Math.SQRT2) / 2;
    const widthPx = Math.round(card ? long : short * (85.6 / 210));
    if (widthPx >= RESOLUTION_FLOOR.idWidthPx) return { widthPx };
    return {
      widthPx,
      flag: {
        flag: 'low-resolution',
        reason: `The ID side is ${widthPx} px wide, below ${RESOLUTION_FLOOR.idWidthPx} px: scan it again at 300 dpi or more.`,
        reasonZh: `身份证图像宽 ${widthPx} 像素，低于 ${RESOLUTION_FLOOR.idWidthPx} 像素：请以 300 dpi 或以上重新扫描。`,
        value: widthPx,
      },
    };
  }
  return {};
}

export function blobFlag(
  flag: 'glare' | 'covered',
  blob: Blob,
  page: number,
  fields: [string, Rect][],
  m: Mapping,
  factor: number,
): QualityFlag {
  const scaled = { x: blob.x * factor, y: blob.y * factor, w: blob.w * factor, h: blob.h * factor };
  const field = fieldUnder(scaled, fields);
  const what = where(field);
  const share = Math.round(blob.share * 1000) / 10;
  const text =
    flag === 'glare'
      ? {
          en: `Glare washes out ${what.en} (${share}% of the image): photograph it again without the reflection.`,
          zh: `反光遮盖了${what.zh}（占图像 ${share}%）：请避开反光重新拍摄。`,
        }
      : {
          en: `Something covers ${what.en} (${share}% of the image): photograph it again with nothing over it.`,
          zh: `有物体遮挡了${what.zh}（占图像 ${share}%）：请移开遮挡物重新拍摄。`,
        };
  return {
    flag,
    reason: text.en,
    reasonZh: text.zh,
    ...(field === undefined ? {} : { field }),
    region: toRegion(page, blob, m, factor),
    value: blob.share,
  };
}

export function borderFlag(
  edge: EdgeInk,
  p: PageImage,
  fields: [string, Rect][],
  m: Mapping,
): QualityFlag {
  const { side, share, from, to } = edge;
  const name = SIDE_NAMES[side];
  const { width: w, height: h } = p.image;
  const strip = Math.round(Math.max(w, h) * 0.02);
  // The stretch of the side where ink crosses it, a strip deep.
  const length = to - from + 1;
  const rect: Rect =
    side === 'top'
      ? { x: from, y: 0, w: length, h: strip }
      : side === 'bottom'
        ? { x: from, y: h - strip, w: length, h: strip }
        : side === 'left'
          ? { x: 0, y: from, w: strip, h: length }
          : { x: w - strip, y: from, w: strip, h: length };
  // The field cut: of those at this stretch, the one reaching furthest past the edge.
  const beyond = ([, r]: [string, Rect]): number =>
    side === 'top'
      ? -r.y
      : side === 'bottom'
        ? r.y + r.h - h
        : side === 'left'
          ? -r.x
          : r.x + r.w - w;
  const field = fields
    .filter(([, r]) => intersects(rect, r))
    .sort((a, b) => beyond(b) - beyond(a))[0]?.[0];
  return {
    flag: 'border-incomplete',
    reason: `The document runs off the ${name.en} edge of the image${field === undefined ? '' : `, through ${where(field).en}`}: scan or photograph the whole page.`,
    reasonZh: `证件${name.zh}边缘超出图像${field === undefined ? '' : `（${where(field).zh}被截断）`}：请扫描或拍摄完整页面。`,
    ...(field === undefined ? {} : { field }),
    region: toRegion(p.page, rect, m),
    value: Math.round(share * 1000) / 1000,
  };
}

/**
 * A crop's side that lies inside its page is no edge of the image: what crosses it (the
 * card's photo past its text's margin) continues on the page.
 */
export function cutInsidePage(side: EdgeInk['side'], p: PageImage): boolean {
  const c = p.crop;
  if (c === undefined) return false;
  const slack = 2;
  if (side === 'left') return c.x > slack;
  if (side === 'top') return c.y > slack;
  if (side === 'right') return c.x + p.image.width < c.pageWidth - slack;
  return c.y + p.image.height < c.pageHeight - slack;
}
