// The EXIF orientation of a JPEG in the renderer or a worker (exifr, loaded on first use).
import type { ExifOrientationReader } from './engine';

export const readExifOrientationBrowser: ExifOrientationReader = async (bytes) => {
  const exifr = (await import('exifr')).default;
  const value: unknown = await exifr.orientation(bytes).catch(() => undefined);
  return typeof value === 'number' ? value : undefined;
};
