// EXIF orientation: which flip and clockwise quarter turn make a stored image upright as
// its camera saw it (the decoders give the pixels as stored). Used by page preparation
// (prepare.ts) and by the review screen, which draws the page again.
import { mirrorHorizontal, rotateQuarter, type QuarterTurn, type Raster } from './raster';

/**
 * EXIF orientation → the clockwise quarter turn that makes the image upright, applied
 * after `exifMirrored`'s flip (ExifTool: 5 is "mirror horizontal and rotate 270 CW", 7
 * "mirror horizontal and rotate 90 CW").
 */
export function turnForExifOrientation(orientation: number | undefined): QuarterTurn {
  switch (orientation) {
    case 3:
    case 4:
      return 180;
    case 6:
    case 7:
      return 90;
    case 5:
    case 8:
      return 270;
    default:
      return 0;
  }
}

/** Whether the EXIF orientation flips the stored image left to right before its turn. */
export function exifMirrored(orientation: number | undefined): boolean {
  return orientation === 2 || orientation === 4 || orientation === 5 || orientation === 7;
}

/** The image as the EXIF orientation says it is seen (the decoders give it as stored). */
export function applyExifOrientation(src: Raster, orientation: number | undefined): Raster {
  const flipped = exifMirrored(orientation) ? mirrorHorizontal(src) : src;
  return rotateQuarter(flipped, turnForExifOrientation(orientation));
}
