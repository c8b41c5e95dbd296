// One document's images in, its quality flags and seals out (spec §3 files.legible,
// bank.seal, files.quality). Hosts decode or render each page and pass the pixels with
// the page's size in the coordinates of the field boxes; everything here is pure.
import type { DetectedKind } from '../documents';
import type { Box, Region as PartRegion } from '../extraction';
import {
  cellGrid,
  colourShare,
  findCovered,
  findGlare,
  GREYSCALE_MAX_COLOUR_SHARE,
  gridPeriodicity,
  inkAtEdges,
  textSharpness,
  type Blob,
  type EdgeInk,
} from './detectors';
import { SIDE_NAMES, where, imageFieldLabel } from './labels';
import { intersects, reduce, toLuma, type Rect, type RgbaImage } from './pixels';
import type { DocumentQuality, QualityFlag, Region, SealBox, SealReport, SealRole } from './schema';
import { findSeals } from './seal';
import { boxesIntoCrop, cropToRegion, regionOntoPage, type CropPlacement } from './part';

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
}

export interface InspectInput {
  kind: DetectedKind;
  pages: readonly PageImage[];
  /** Field boxes as the extraction found them. */
  boxes?: Readonly<Record<string, Box>>;
  /**
   * The document is this part of its page (box units; a part is on one page): the page is
   * analysed on the part's own pixels, and the regions reported are in the page's.
   */
  region?: PartRegion;
}

/** The defaults of the rule pack's resolution floor (spec §3 files.legible). */
export const RESOLUTION_FLOOR = { a4Dpi: 150, idWidthPx: 600 } as const;

/** Text sharpness (textSharpness) below which a field's text is blurred. */
export const BLUR_MAX_SHARPNESS = 0.24;
/**
 * Share of a side where ink crosses the image's edge (inkAtEdges) from which the document
 * runs off it: one text line cut by the edge is about 1% of a page's side; clean scans
 * and photos measured 0 (BENCHMARKS.md).
 */
export const BORDER_MIN_INK_SHARE = 0.005;
/** Grid periodicity (gridPeriodicity) above which the image shows a screen's pixel grid. */
export const SCREEN_MIN_PERIODICITY = 0.6;

const A4_LONG_INCHES = 297 / 25.4;
const A4_SHORT_INCHES = 210 / 25.4;
const ID_CARD_ASPECT = 85.6 / 54;
const A4_KINDS: ReadonlySet<DetectedKind> = new Set(['business-license', 'bank-permit']);
const ID_KINDS: ReadonlySet<DetectedKind> = new Set(['id-card-front', 'id-card-back']);

/** Reduced copies are this long: seal rings stay 2-6 px thick, cells 1/60 of the page. */
const ANALYSIS_SIDE = 1000;

interface Mapping {
  /** Image pixels per box unit. */
  sx: number;
  sy: number;
  /** Boxes can be mapped onto the image (not turned by the reader). */
  boxesFit: boolean;
}

function mappingOf(p: PageImage): Mapping {
  const sx = p.image.width / p.width;
  const sy = p.image.height / p.height;
  return { sx, sy, boxesFit: Math.abs(sx / sy - 1) < 0.05 };
}

function toRegion(page: number, r: Rect, m: Mapping, factor = 1): Region {
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    page,
    x: round((r.x * factor) / m.sx),
    y: round((r.y * factor) / m.sy),
    w: round((r.w * factor) / m.sx),
    h: round((r.h * factor) / m.sy),
  };
}

function fieldRects(input: InspectInput, p: PageImage, m: Mapping): [string, Rect][] {
  if (!m.boxesFit || input.boxes === undefined) return [];
  return Object.entries(input.boxes)
    .filter(([, b]) => b.page === p.page)
    .map(([field, b]) => [field, { x: b.x * m.sx, y: b.y * m.sy, w: b.w * m.sx, h: b.h * m.sy }]);
}

function fieldUnder(blob: Rect, fields: [string, Rect][]): string | undefined {
  return fields.find(([, r]) => intersects(blob, r))?.[0];
}

function sealRole(kind: DetectedKind, box: Rect, page: RgbaImage): SealRole {
  if (kind === 'bank-permit') return 'bank';
  // The registration authority stamps over its name and date, in the page's lower right
  // corner (both license layouts); a company stamps its copy anywhere else, mostly across
  // the text ("与原件一致").
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  if (kind === 'business-license' && cx > page.width * 0.6 && cy > page.height * 0.6)
    return 'registration-authority';
  return 'company';
}

function resolutionFlag(
  kind: DetectedKind,
  p: PageImage,
): { flag?: QualityFlag; dpi?: number; widthPx?: number } {
  // A part of a page has the resolution of the page it was cut from: an ID side on an A4
  // copy is as many pixels wide as the card's 85.6 mm of that page.
  const { width, height } =
    p.crop === undefined ? p.image : { width: p.crop.pageWidth, height: p.crop.pageHeight };
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

function blobFlag(
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

function borderFlag(
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
function cutInsidePage(side: EdgeInk['side'], p: PageImage): boolean {
  const c = p.crop;
  if (c === undefined) return false;
  const slack = 2;
  if (side === 'left') return c.x > slack;
  if (side === 'top') return c.y > slack;
  if (side === 'right') return c.x + p.image.width < c.pageWidth - slack;
  return c.y + p.image.height < c.pageHeight - slack;
}

interface PageResult {
  flags: QualityFlag[];
  greyscale: boolean;
  seals: SealBox[];
  dpi?: number;
  widthPx?: number;
}

function inspectPage(input: InspectInput, p: PageImage): PageResult {
  const m = mappingOf(p);
  const { image: small, factor } = reduce(p.image, ANALYSIS_SIDE);
  const greyscale = colourShare(small) < GREYSCALE_MAX_COLOUR_SHARE;
  const seals: SealBox[] = greyscale
    ? []
    : findSeals(small).map((s) => ({
        ...toRegion(p.page, s, m, factor),
        role: sealRole(input.kind, s, small),
        score: Math.round(s.score * 100) / 100,
      }));
  if (p.vector) return { flags: [], greyscale, seals };

  const flags: QualityFlag[] = [];
  const fields = fieldRects(input, p, m);
  const grey = toLuma(p.image);
  const resolution = resolutionFlag(input.kind, p);
  if (resolution.flag) flags.push(resolution.flag);
  if (greyscale && input.kind !== 'unknown') {
    flags.push({
      flag: 'copy',
      reason:
        'A greyscale copy of a colour document: the platform may ask for a colour scan of the original.',
      reasonZh: '彩色证件的黑白复印件：平台可能要求原件的彩色扫描件。',
    });
  }
  const periodicity = gridPeriodicity(grey);
  if (periodicity >= SCREEN_MIN_PERIODICITY) {
    flags.push({
      flag: 'screen',
      reason:
        "A photo of a screen (the display's pixel grid shows): scan or photograph the paper document instead.",
      reasonZh: '翻拍屏幕（可见屏幕像素网格）：请扫描或拍摄纸质原件。',
      value: Math.round(periodicity * 100) / 100,
    });
  }
  // A field's box is where the reader found it on its own prepared (deskewed) page:
  // padded, it still holds the text on the image as scanned.
  const pad = Math.max(p.image.width, p.image.height) * 0.012;
  for (const [field, rect] of fields) {
    const padY = Math.max(pad, rect.h * 0.5);
    const sharpness = textSharpness(grey, {
      x: rect.x - pad,
      y: rect.y - padY,
      w: rect.w + 2 * pad,
      h: rect.h + 2 * padY,
    });
    if (sharpness === null || sharpness >= BLUR_MAX_SHARPNESS) continue;
    const label = imageFieldLabel(field);
    flags.push({
      flag: 'blur',
      reason: `The text of the ${label.en} is blurred: scan or photograph it again, in focus.`,
      reasonZh: `${label.zh}的文字模糊：请对准焦点重新扫描或拍摄。`,
      field,
      region: toRegion(p.page, rect, m),
      value: Math.round(sharpness * 100) / 100,
    });
  }
  const grid = cellGrid(small, Math.max(8, Math.round(Math.max(small.width, small.height) / 60)));
  for (const blob of findGlare(grid))
    flags.push(blobFlag('glare', blob, p.page, fields, m, factor));
  // Field boxes on the reduced copy, padded as for sharpness: the box is where the reader
  // found the text on its prepared page.
  const smallFields = fields.map(([, r]) => ({
    x: (r.x - pad) / factor,
    y: (r.y - pad) / factor,
    w: (r.w + 2 * pad) / factor,
    h: (r.h + 2 * pad) / factor,
  }));
  for (const blob of findCovered(small, smallFields))
    flags.push(blobFlag('covered', blob, p.page, fields, m, factor));
  for (const edge of inkAtEdges(grey)) {
    if (edge.share < BORDER_MIN_INK_SHARE || cutInsidePage(edge.side, p)) continue;
    flags.push(borderFlag(edge, p, fields, m));
  }
  return {
    flags,
    greyscale,
    seals,
    ...(resolution.dpi === undefined ? {} : { dpi: resolution.dpi }),
    ...(resolution.widthPx === undefined ? {} : { widthPx: resolution.widthPx }),
  };
}

/** A page, or the document's region of it (cut out, analysed, its regions moved back). */
function inspectPageOrPart(input: InspectInput, p: PageImage): PageResult {
  const { region } = input;
  if (region === undefined) return inspectPage(input, p);
  const cut = cropToRegion(p.image, p.width, p.height, region);
  if (cut === null) return inspectPage(input, p);
  const part: PageImage = {
    ...p,
    image: cut.image,
    width: cut.width,
    height: cut.height,
    crop: cut.placement,
  };
  const result = inspectPage(
    {
      ...input,
      ...(input.boxes === undefined
        ? {}
        : { boxes: boxesIntoCrop(input.boxes, p.page, cut.origin) }),
    },
    part,
  );
  return {
    ...result,
    flags: result.flags.map((f) =>
      f.region === undefined ? f : { ...f, region: regionOntoPage(f.region, cut.origin) },
    ),
    seals: result.seals.map((s) => regionOntoPage(s, cut.origin)),
  };
}

export interface Inspection {
  quality: DocumentQuality;
  /** Present for the bank form and the license, and wherever a seal was found. */
  seal?: SealReport;
}

/** Inspects every page image of one document. */
export function inspectDocument(input: InspectInput): Inspection {
  const results = input.pages.map((p) => inspectPageOrPart(input, p));
  const first = results[0];
  const greyscale = results.length > 0 && results.every((r) => r.greyscale);
  const boxes = results.flatMap((r) => r.seals);
  const quality: DocumentQuality = {
    flags: results.flatMap((r) => r.flags),
    greyscale,
    raster: input.pages.some((p) => !p.vector),
    ...(first?.dpi === undefined ? {} : { dpi: first.dpi }),
    ...(first?.widthPx === undefined ? {} : { widthPx: first.widthPx }),
  };
  const wantsSeal = input.kind === 'bank-permit' || input.kind === 'business-license';
  if (!wantsSeal && boxes.length === 0) return { quality };
  return {
    quality,
    seal: { found: boxes.length > 0, colour: greyscale ? 'greyscale' : 'colour', boxes },
  };
}
