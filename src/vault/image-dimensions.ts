// Pixel dimensions from the header of PNG, JPEG, WebP, TIFF and HEIC files, read before
// anything is decoded, so a decompression bomb is refused up front.
import { readImageDimensions as readPngOrJpeg, type ImageDimensions } from '../ocr/image-header';

export type { ImageDimensions };

const u16 = (b: Uint8Array, o: number, le: boolean): number =>
  le ? b[o]! | (b[o + 1]! << 8) : (b[o]! << 8) | b[o + 1]!;
const u24le = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16);
const u32 = (b: Uint8Array, o: number, le: boolean): number =>
  le
    ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0
    : ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const fourCC = (b: Uint8Array, o: number): string => String.fromCharCode(...b.subarray(o, o + 4));

function webpDimensions(b: Uint8Array): ImageDimensions | null {
  if (b.length < 30) return null;
  const chunk = fourCC(b, 12);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L') {
    const bits = u32(b, 21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    // Frame tag (3) then start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: u16(b, 26, true) & 0x3fff, height: u16(b, 28, true) & 0x3fff };
  }
  return null;
}

function tiffDimensions(b: Uint8Array): ImageDimensions | null {
  if (b.length < 8) return null;
  const le = b[0] === 0x49;
  const ifd = u32(b, 4, le);
  if (ifd + 2 > b.length) return null;
  const count = u16(b, ifd, le);
  let width = 0;
  let height = 0;
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > b.length) return null;
    const tag = u16(b, e, le);
    const type = u16(b, e + 2, le);
    const value = type === 3 ? u16(b, e + 8, le) : u32(b, e + 8, le);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width > 0 && height > 0 ? { width, height } : null;
}

function heicDimensions(b: Uint8Array): ImageDimensions | null {
  // The first 'ispe' (image spatial extents) property: version/flags, width, height.
  const end = Math.min(b.length - 16, 1 << 20);
  let largest: ImageDimensions | null = null;
  for (let i = 4; i < end; i++) {
    if (b[i] === 0x69 && fourCC(b, i) === 'ispe') {
      const d = { width: u32(b, i + 8, false), height: u32(b, i + 12, false) };
      if (!largest || d.width * d.height > largest.width * largest.height) largest = d;
    }
  }
  return largest;
}

/** Dimensions from the header of an image of the given sniffed type; null when unreadable. */
export function imageDimensions(bytes: Uint8Array, mime: string): ImageDimensions | null {
  switch (mime) {
    case 'image/png':
    case 'image/jpeg':
      return readPngOrJpeg(bytes, mime);
    case 'image/webp':
      return webpDimensions(bytes);
    case 'image/tiff':
      return tiffDimensions(bytes);
    case 'image/heic':
      return heicDimensions(bytes);
    default:
      return null;
  }
}
