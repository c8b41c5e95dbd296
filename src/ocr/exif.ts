// EXIF in JPEGs, for decoders that would otherwise apply the orientation themselves.
import { stripJpegMetadata } from '../core/image/jpeg-metadata';

/**
 * The JPEG without its metadata segments (EXIF among them). Both decoders apply the EXIF
 * orientation themselves: Chromium even with imageOrientation 'none' (deprecated: it now
 * means 'from-image'; measured in Chromium 156), Skia in @napi-rs/canvas always. The tag
 * is removed to get the pixels as stored, so that EXIF orientation is applied once, by
 * prepare.ts, in both hosts. The image data is kept byte for byte.
 */
export function withoutExif(bytes: Uint8Array): Uint8Array {
  return stripJpegMetadata(bytes)?.bytes ?? bytes;
}
