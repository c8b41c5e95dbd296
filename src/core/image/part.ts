// A document that is a part of its page (an ID side on an A4 photocopy holding both): the
// analysis looks at that part's own pixels. The page image is cropped to the region, the
// field boxes are moved into the crop's coordinates, and every region the analysis
// reports is moved back into the page's, where review draws it.
import type { Box, Region as PartRegion } from '../extraction';
import { clip, type RgbaImage } from './pixels';
import type { Region } from './schema';

/** Where a crop lies on the page image it was cut from, in that image's pixels. */
export interface CropPlacement {
  x: number;
  y: number;
  /** The whole page image's size. */
  pageWidth: number;
  pageHeight: number;
}

export interface CroppedPage {
  image: RgbaImage;
  placement: CropPlacement;
  /** The crop's origin and size in box units (the page's coordinates). */
  origin: { x: number; y: number };
  width: number;
  height: number;
}

/** Copies a rectangle of an RGBA image (integer pixels, already clipped). */
function cropPixels(src: RgbaImage, x: number, y: number, w: number, h: number): RgbaImage {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * src.width + x) * 4;
    out.set(src.data.subarray(start, start + w * 4), row * w * 4);
  }
  return { width: w, height: h, data: out };
}

/**
 * The region (box units of a page `width` × `height`) cut from the page's image; null when
 * the region lies outside the image.
 */
export function cropToRegion(
  image: RgbaImage,
  width: number,
  height: number,
  region: PartRegion,
): CroppedPage | null {
  const sx = image.width / width;
  const sy = image.height / height;
  const rect = clip(
    { x: region.x * sx, y: region.y * sy, w: region.w * sx, h: region.h * sy },
    image.width,
    image.height,
  );
  if (rect === null) return null;
  return {
    image: cropPixels(image, rect.x, rect.y, rect.w, rect.h),
    placement: { x: rect.x, y: rect.y, pageWidth: image.width, pageHeight: image.height },
    origin: { x: rect.x / sx, y: rect.y / sy },
    width: rect.w / sx,
    height: rect.h / sy,
  };
}

/** Boxes on `page` moved into the crop's coordinates; boxes on other pages as they are. */
export function boxesIntoCrop(
  boxes: Readonly<Record<string, Box>>,
  page: number,
  origin: { x: number; y: number },
): Record<string, Box> {
  return Object.fromEntries(
    Object.entries(boxes).map(([field, b]) => [
      field,
      b.page === page ? { ...b, x: b.x - origin.x, y: b.y - origin.y } : b,
    ]),
  );
}

/** A region reported in the crop's coordinates, moved back into its page's. */
export function regionOntoPage<R extends Region>(r: R, origin: { x: number; y: number }): R {
  const round = (v: number): number => Math.round(v * 10) / 10;
  return { ...r, x: round(r.x + origin.x), y: round(r.y + origin.y) };
}
