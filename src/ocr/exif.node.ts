// The EXIF orientation of a photo, read in Node with exifr (both Node engines use it; its
// own module so that the engine factory and the PaddleOCR engine do not import each other).
import type exifrModule from 'exifr';
import type { ExifOrientationReader } from './engine';

type Exifr = typeof exifrModule;
let exifrOnce: Promise<Exifr> | undefined;

/** exifr (its full build: ~100 KB of code, about 35 ms of CPU to load), loaded once. */
const loadExifr = (): Promise<Exifr> => (exifrOnce ??= import('exifr').then((m) => m.default));

/** The four bytes exifr looks for at the start of a JPEG's EXIF segment (APP1: 'Exif\0\0'). */
const EXIF_HEADER = Buffer.from('Exif', 'latin1');

/**
 * exifr reads the tag only from a segment that starts with 'Exif': a file without those
 * four bytes anywhere has no tag to read, and exifr is not loaded for it (a scan, a PNG
 * converted to JPEG, most fixtures): the same answer, without its load on every call.
 */
export const mayHoldExif = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(EXIF_HEADER) !== -1;

export const readExifOrientationNode: ExifOrientationReader = async (bytes) => {
  if (!mayHoldExif(bytes)) return undefined;
  const exifr = await loadExifr();
  const value: unknown = await exifr.orientation(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  return typeof value === 'number' ? value : undefined;
};
