// Decoders for the formats neither canvas reads: TIFF (utif2, pure JS) and HEIC phone
// photos (heic-decode, libheif compiled to WebAssembly). Both give RGBA pixels.
import * as UTIF from 'utif2';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The first page of a TIFF, as RGBA. */
export function decodeTiff(bytes: Uint8Array): RgbaImage {
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  const ifds = UTIF.decode(buffer);
  const first = ifds[0];
  if (!first) throw new Error('The TIFF holds no image.');
  UTIF.decodeImage(buffer, first);
  const rgba = UTIF.toRGBA8(first);
  if (!first.width || !first.height || rgba.length !== first.width * first.height * 4) {
    throw new Error('The TIFF image could not be decoded.');
  }
  return {
    width: first.width,
    height: first.height,
    data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length),
  };
}

export async function decodeHeic(bytes: Uint8Array): Promise<RgbaImage> {
  const { default: decode } = await import('heic-decode');
  return decode({ buffer: bytes });
}

/** The types the pack's image codec decodes, in both hosts. */
export const PACK_IMAGE_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/tiff',
  'image/heic',
];

/** TIFF and HEIC as pixels (neither canvas reads them); null for the types a canvas reads. */
export async function decodeToPixels(bytes: Uint8Array, mime: string): Promise<RgbaImage | null> {
  if (mime === 'image/tiff') return decodeTiff(bytes);
  if (mime === 'image/heic') return decodeHeic(bytes);
  return null;
}
