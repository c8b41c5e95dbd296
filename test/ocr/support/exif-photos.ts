// Real JPEG photos as phones store them: the pixels turned (and mirrored) the way a
// camera held sideways stores them, with the EXIF orientation tag (piexifjs) that says
// how to show them upright.
import piexif from 'piexifjs';
import { nodeImageCodec } from '../../../src/ocr/codec.node.ts';
import {
  mirrorHorizontal,
  rotateQuarter,
  type QuarterTurn,
  type Raster,
} from '../../../src/ocr/raster';
import { exifMirrored, turnForExifOrientation } from '../../../src/ocr/orientation';

export const EXIF_ORIENTATIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The stored pixels that orientation `o` shows as `upright` (its inverse transform). */
export function storedFor(upright: Raster, o: number): Raster {
  const back = ((360 - turnForExifOrientation(o)) % 360) as QuarterTurn;
  const turned = rotateQuarter(upright, back);
  return exifMirrored(o) ? mirrorHorizontal(turned) : turned;
}

/** Writes `orientation` into a JPEG's EXIF (a new APP1 segment). */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const exif = piexif.dump({ '0th': { [piexif.ImageIFD.Orientation]: orientation } });
  const binary = piexif.insert(exif, Buffer.from(jpeg).toString('binary'));
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

/** A phone-style JPEG of `upright` for each EXIF orientation. */
export async function exifPhoto(upright: Raster, orientation: number): Promise<Uint8Array> {
  const jpeg = await nodeImageCodec.encode(storedFor(upright, orientation), 'jpeg', 0.92);
  return withExifOrientation(jpeg, orientation);
}
