// Red ink printed over the text (a company's or a bank's seal, a `此复印件与原件一致` stamp,
// a red watermark) seen as a drop-out scanner sees forms: through a red filter. Red ink
// lets red light through, so in the red channel the seal is nearly paper while the black
// print under it stays black; the recogniser then reads the characters the seal covers
// (its ring of characters crossed 电子商务 of a company's name, and the rest of the line
// was lost). Only pixels that are clearly red are changed: grey print, a blue or grey
// watermark, warm light on a photo, a frame's gold stay as they are. Plain pixel
// arithmetic over RGBA (raster.ts), so both hosts do it alike.
import type { Raster } from './raster';

/** How much redder than its green and blue a pixel must be to be red ink (0-255). */
const RED_MARGIN = 40;
/** ... and that as a share of its red: warm paper (255, 215, 180) is not red ink. */
const RED_SHARE = 0.2;
/**
 * Where red covers the page (a watermark), red ink is not quite transparent to red light:
 * the red channel is lifted by this share of the pixel's redness, so that the watermark is
 * paper again while a dark stroke under it (little redness) stays dark.
 */
const REDNESS_LIFT = 0.3;

/**
 * Whether a pixel is red ink: red well above both green and blue, which are alike (a
 * gold or an orange has far more green than blue).
 */
export function isRedInk(r: number, g: number, b: number): boolean {
  const redness = r - Math.max(g, b);
  return redness > RED_MARGIN && redness > RED_SHARE * r && Math.abs(g - b) < 0.5 * redness;
}

/**
 * A faint red: a watermark's pink, a copy of red print, blurred on a photo of that copy
 * (225, 200, 200), too pale to pass isRedInk (its red share), red all the same.
 */
const FAINT_MARGIN = 12;
/**
 * Share of the page in faint red or stronger above which red covers the page (a purpose
 * watermark repeated over a copy: 2.5-6% of a photographed A4 copy of an ID card), not a
 * seal or a stamp (under 1% of a page).
 */
const RED_COVER = 0.02;

const isFaintRed = (r: number, g: number, b: number): boolean => {
  const redness = r - Math.max(g, b);
  return redness > FAINT_MARGIN && Math.abs(g - b) < 0.5 * redness;
};

/** Share of the page's pixels (every fourth looked at) in faint red or stronger. */
function redCover(data: Uint8ClampedArray): number {
  let red = 0;
  for (let i = 0; i < data.length; i += 16)
    if (isFaintRed(data[i]!, data[i + 1]!, data[i + 2]!)) red++;
  return red / Math.max(1, data.length / 16);
}

/** Red at least this bright (0-255) in its red channel is pale red, not print under red ink. */
const PALE = 128;

/**
 * The red channel of the page's red ink (0-255; Infinity where there is none): the median
 * over its most saturated pixels (redness over 0.4 of red: the ink itself, not its edges),
 * or over all of its pixels where none is; not over those dark in red light (print under
 * the ink). Red ink is not quite
 * transparent to red light, and how much depends on the ink and the copy: a seal's red is
 * some 0.85-0.9 of the paper, a bold copy stamp's on a scan 0.75.
 */
function inkRedLevel(data: Uint8ClampedArray): number {
  const saturated = new Uint32Array(256);
  const all = new Uint32Array(256);
  let nSaturated = 0;
  let nAll = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    // Red ink lets red light through: a red pixel dark in it is print under the ink.
    if (r < PALE || !isRedInk(r, g, b)) continue;
    all[r]!++;
    nAll++;
    if (r - Math.max(g, b) > 0.4 * r) {
      saturated[r]!++;
      nSaturated++;
    }
  }
  const [histogram, n] = nSaturated > 0 ? [saturated, nSaturated] : [all, nAll];
  if (n === 0) return Infinity;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level]!;
    if (seen * 2 >= n) return Math.max(PALE, level);
  }
  return 255;
}

/**
 * The page with its red ink seen through a red filter: each red pixel, and the pale red at
 * ink's edges, becomes the grey of its red channel scaled so that the page's own red ink
 * (inkRedLevel) is paper: a bold copy stamp's darker red and its edges left a light grey
 * outline of 此复印件与原件一致 that the detector joined to the term row it crossed and the
 * recogniser read into the dates. Print under the ink, far darker in red light, stays dark;
 * every other pixel is unchanged. Where red
 * covers the page (RED_COVER: a watermark), every pixel is seen so: a pale watermark's
 * pink, and the paler pink at its strokes' edges, are paper in red light, where turning
 * only its clearly red pixels grey left the strokes' outlines over the text (a
 * photographed copy's name, address and term lines were lost to the detector). Blue and
 * grey print stay dark in red light. The same raster when no pixel is red ink.
 */
export function dropRedInk(src: Raster): Raster {
  const { data } = src;
  const cover = redCover(data);
  if (cover > RED_COVER) {
    const out = new Uint8ClampedArray(data);
    for (let i = 0; i < data.length; i += 4) {
      const grey = inRedLight(data[i]!, data[i + 1]!, data[i + 2]!);
      out[i] = grey;
      out[i + 1] = grey;
      out[i + 2] = grey;
    }
    return { ...src, data: out };
  }
  const level = inkRedLevel(data);
  if (level === Infinity) return cover > 0 ? faintRedInRedLight(src) : src;
  const scale = 255 / level;
  let out: Uint8ClampedArray | null = null;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    // Red ink, and the pale red at its edges (too pale for red ink, a JPEG's colour smeared
    // over them): a dark red is print under the ink, kept as it is.
    if (!isRedInk(r, g, b) && !(r >= PALE && isFaintRed(r, g, b))) continue;
    out ??= new Uint8ClampedArray(data);
    const grey = Math.min(255, r * scale);
    out[i] = grey;
    out[i + 1] = grey;
    out[i + 2] = grey;
  }
  return out ? { ...src, data: out } : src;
}

/** A pixel's grey through a red filter: its red channel, lifted by REDNESS_LIFT of its redness. */
function inRedLight(r: number, g: number, b: number): number {
  return Math.min(255, r + REDNESS_LIFT * Math.max(0, r - Math.max(g, b)));
}

/**
 * A page with faint red but no red ink (a pale pink watermark laid over one card of an A4
 * copy: 0.6% of the page, under RED_COVER, and no seal to set a level by): its faint red
 * pixels seen through a red filter as where red covers the page, their red channel lifted
 * by REDNESS_LIFT of their redness; dark print under them stays dark. Left as it was, the
 * pink crossed a card front's labels and number, and the detector lost them (a fresh tuned
 * photo of both ID sides, seed offset 5400: the front not found). The same raster when
 * no pixel is faint red (none of those redCover samples: no second pass then).
 */
function faintRedInRedLight(src: Raster): Raster {
  const { data } = src;
  let out: Uint8ClampedArray | null = null;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    if (!isFaintRed(r, g, b)) continue;
    out ??= new Uint8ClampedArray(data);
    const grey = inRedLight(r, g, b);
    out[i] = grey;
    out[i + 1] = grey;
    out[i + 2] = grey;
  }
  return out ? { ...src, data: out } : src;
}
