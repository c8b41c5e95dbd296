// One document's images in, its quality flags and seals out (spec §3 files.legible,
// bank.seal, files.quality). Hosts decode or render each page and pass the pixels with
// the page's size in the coordinates of the field boxes; everything here is pure.
import type { DetectedKind } from '../documents';
import type { Box, Region as PartRegion } from '../extraction';
import { findCovered } from './covered';
import {
  colourShare,
  GREYSCALE_MAX_COLOUR_SHARE,
  gridPeriodicity,
  textSharpness,
} from './detectors';
import { inkAtEdges } from './edges';
import { cellGrid, findGlare } from './glare';
import { imageFieldLabel } from './labels';
import { reduce, toLuma, type Rect, type RgbaImage } from './pixels';
import type { DocumentQuality, QualityFlag, SealBox, SealReport, SealRole } from './schema';
import { findSeals } from './seal';
import { boxesIntoCrop, cropToRegion, regionOntoPage } from './part';
import {
  blobFlag,
  borderFlag,
  cutInsidePage,
  mappingOf,
  resolutionFlag,
  toRegion,
  type Mapping,
  type PageImage,
} from './page-flags';

export { RESOLUTION_FLOOR, type PageImage } from './page-flags';

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

/** Reduced copies are this long: seal rings stay 2-6 px thick, cells 1/60 of the page. */
const ANALYSIS_SIDE = 1000;

function fieldRects(input: InspectInput, p: PageImage, m: Mapping): [string, Rect][] {
  if (!m.boxesFit || input.boxes === undefined) return [];
  return Object.entries(input.boxes)
    .filter(([, b]) => b.page === p.page)
    .map(([field, b]) => [field, { x: b.x * m.sx, y: b.y * m.sy, w: b.w * m.sx, h: b.h * m.sy }]);
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
