// Page preparation shared by every OCR engine and both hosts: EXIF orientation
// (orientation.ts), a photographed page cut from its surroundings and squared
// (page-quad.ts), sideways-page detection and small-skew correction (skew.ts), red ink
// (seals, stamps) dropped, and contrast for faint scans.
// Works on RGBA buffers only (see raster.ts).
import {
  fitLongSide,
  keepDarkestInk,
  rotateQuarter,
  rotateSmall,
  stretchContrast,
  type QuarterTurn,
  type Raster,
} from './raster';
import { evenLighting } from './lighting';
import { applyExifOrientation, turnForExifOrientation } from './orientation';
import { findPageQuad, rectify, squaredSize, type Quad } from './page-quad';
import { dropRedInk } from './red-ink';
import { estimateLayout } from './skew';

export interface PreparedPage {
  /** Upright, deskewed, contrast-corrected; what the engine reads and what boxes refer to. */
  raster: Raster;
  /** Clockwise quarter turn applied (EXIF and sideways detection together). */
  turn: QuarterTurn;
  /**
   * A photographed page's corners in the source's pixels as stored (before the EXIF
   * orientation): the page was cut out there and squared before any turn or skew.
   */
  quad?: Quad;
  /**
   * That page as cut out and squared at its full size (`rectify(source, quad)`), before any
   * turn: what the image analysis measures a photo on (inspect-pages.ts), handed over so
   * it is not cut a second time. Absent when the page was scaled down to `maxSide`.
   */
  squared?: Raster;
  /** Small rotation applied after the quarter turn, degrees clockwise. */
  skewDegrees: number;
  /** A photo (cut from its surroundings, or lit unevenly): its text may be blurred. */
  photo?: true;
  /**
   * Median height of the text lines in `raster`'s pixels (absent when unknown): lets an
   * engine scale its detector input to the text rather than to the page.
   */
  lineHeight?: number;
  /**
   * The same page with ink lighter than the text whitened (a diagonal watermark), for
   * finding the text lines; absent when the page needs no such copy.
   */
  detectionRaster?: Raster;
}

export interface PrepareOptions {
  /** EXIF orientation tag 1..8 when the host read one. */
  exifOrientation?: number;
  /** Longest side kept for recognition; larger pages are scaled down first (memory). */
  maxSide?: number;
  /** Largest skew looked for, degrees. */
  maxSkewDegrees?: number;
  /**
   * Turn pages whose ink profile says the text runs vertically. Off by default: on the
   * fixture photos the desk around the page fooled it 4 times in 54; engines check the
   * orientation from what they read instead (PP-OCR: box shapes and the angle classifier).
   */
  detectSideways?: boolean;
  /**
   * Called with the prepared page before the engine reads it: the browser reader needs its
   * size, turn and skew to draw the page in the coordinate space of the boxes.
   */
  onPrepared?: (page: PreparedPage) => void;
}

/**
 * A photo (cut from its surroundings, or lit unevenly: `evened` is not the page itself):
 * ink is told from paper by its surroundings, and the paper is already at one level (no
 * contrast stretch).
 */
const isPhoto = (page: Raster, evened: Raster, cut: boolean): boolean => cut || evened !== page;

/**
 * The skew preparePage corrects on an upright page (cut out and squared already when
 * `cut`), for a host that draws the page again (the review screen) at another size.
 */
export function pageSkew(upright: Raster, cut: boolean, maxSkewDegrees = 5): number {
  const evened = evenLighting(upright);
  const photo = isPhoto(upright, evened, cut);
  return estimateLayout(dropRedInk(evened), maxSkewDegrees, photo).skewDegrees;
}

/**
 * Makes a page upright and straight. A sideways page is turned 90° clockwise; whether
 * it (or any page) is upside down is for the engine to decide (its recognition confidence
 * or angle classifier), see `OcrEngine` implementations.
 */
export function preparePage(src: Raster, options: PrepareOptions = {}): PreparedPage {
  const maxSide = options.maxSide ?? 2600;
  // A photographed page is cut from the full-size pixels as stored: its edges do not
  // depend on the orientation, and no detail is lost to scaling the surroundings.
  const quad = findPageQuad(src);
  let raster = quad ? rectify(src, quad, maxSide) : fitLongSide(src, maxSide).raster;
  const size = quad ? squaredSize(quad) : undefined;
  // Cut at full size: the very pixels rectify(src, quad) gives (nothing below mutates them).
  const squared = size && Math.max(size.width, size.height) <= maxSide ? raster : undefined;
  let turn = turnForExifOrientation(options.exifOrientation);
  raster = applyExifOrientation(raster, options.exifOrientation);
  const evened = evenLighting(raster);
  const photo = isPhoto(raster, evened, quad !== null);
  // A seal or a stamp in red over the text, seen through a red filter (red-ink.ts): the
  // layout is measured, and the text detected and read, without it.
  raster = dropRedInk(evened);
  const maxSkew = options.maxSkewDegrees ?? 5;
  const layout = estimateLayout(raster, maxSkew, photo);
  const turnSideways = layout.sideways && options.detectSideways === true;
  if (turnSideways) {
    raster = rotateQuarter(raster, 90);
    turn = ((turn + 90) % 360) as QuarterTurn;
  }
  const skewDegrees = turnSideways
    ? estimateLayout(raster, maxSkew, photo).skewDegrees
    : layout.skewDegrees;
  raster = rotateSmall(raster, skewDegrees);
  // A photo's paper is already at one level: stretching its darkest 0.5% to black (on a
  // sparse A4 copy of an ID card, the paper's noise) left both such quick-set photos 0/6.
  if (!photo) raster = stretchContrast(raster);
  // Unknown (0) for a sideways page: estimateLayout measures lines only when they run across.
  let lineHeight = layout.lineHeight;
  let detectionRaster: Raster | undefined;
  if (layout.inkAcrossLines && !turnSideways) {
    // A watermark in lighter ink joins the text lines for the detector: the lines are
    // found on the darkest ink alone (and measured again there), and read on the page as
    // it is, where a faint label keeps all its strokes.
    detectionRaster = keepDarkestInk(raster);
    lineHeight = estimateLayout(detectionRaster, 0, photo).lineHeight;
  }
  const prepared: PreparedPage = {
    raster,
    turn,
    ...(quad ? { quad } : {}),
    ...(squared ? { squared } : {}),
    skewDegrees,
    ...(photo ? { photo: true as const } : {}),
    // Not for a photo: its blur wants the detector's full input (sized by a phone photo's
    // 29 px lines, an ID card's was detected at 722 px and lost the 姓 of 姓名).
    ...(lineHeight && !photo ? { lineHeight } : {}),
    ...(detectionRaster ? { detectionRaster } : {}),
  };
  options.onPrepared?.(prepared);
  return prepared;
}
