// The EXIF orientation of a photo, read in Node with exifr (both Node engines use it; its
// own module so that the engine factory and the PaddleOCR engine do not import each other).
import exifr from 'exifr';
import type { ExifOrientationReader } from './engine';

export const readExifOrientationNode: ExifOrientationReader = async (bytes) => {
  const value: unknown = await exifr.orientation(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  return typeof value === 'number' ? value : undefined;
};
