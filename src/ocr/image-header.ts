// Pixel dimensions read from an image's header, before anything is decoded, so a
// decompression bomb (a small file declaring a gigapixel image) is refused up front.
import { DocumentReadError } from '../core/extraction';

export interface ImageDimensions {
  width: number;
  height: number;
}

/** 100 megapixels: an A4 page at 600 dpi is 35 MP; a phone photo is 12-50 MP. */
export const MAX_IMAGE_PIXELS = 100_000_000;

function u16be(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function u32be(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
}

function pngDimensions(b: Uint8Array): ImageDimensions | null {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegDimensions(b: Uint8Array): ImageDimensions | null {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return null;
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const length = u16be(b, o + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isStartOfFrame) return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    o += 2 + length;
  }
  return null;
}

/** Dimensions of a PNG or JPEG from its header; null when the header cannot be read. */
export function readImageDimensions(bytes: Uint8Array, mime: string): ImageDimensions | null {
  if (mime === 'image/png') return pngDimensions(bytes);
  if (mime === 'image/jpeg') return jpegDimensions(bytes);
  return null;
}

function lastIndexOfPair(b: Uint8Array, first: number, second: number, from: number): number {
  for (let i = b.length - 2; i >= from; i--) if (b[i] === first && b[i + 1] === second) return i;
  return -1;
}

/**
 * True when the file stops before its end marker (a JPEG without EOI after its scan, a
 * PNG without IEND): decoders fill the missing part with grey instead of failing.
 */
export function isTruncatedImage(bytes: Uint8Array, mime: string): boolean {
  if (mime === 'image/jpeg') {
    let scan = -1;
    for (let i = 2; i + 1 < bytes.length; i++) {
      if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
        scan = i;
        break;
      }
    }
    return scan === -1 || lastIndexOfPair(bytes, 0xff, 0xd9, scan) === -1;
  }
  if (mime === 'image/png') {
    const tail = String.fromCharCode(...bytes.subarray(Math.max(0, bytes.length - 12)));
    return !tail.includes('IEND');
  }
  return false;
}

/**
 * Throws a DocumentReadError unless the image's header says it can be decoded: `damaged`
 * (no size in the header), `too-many-pixels` (over MAX_IMAGE_PIXELS), `truncated` (no end
 * marker).
 */
export function checkImageHeader(bytes: Uint8Array, mime: string): void {
  const dimensions = readImageDimensions(bytes, mime);
  if (dimensions === null || dimensions.width === 0 || dimensions.height === 0) {
    throw new DocumentReadError(
      { reason: 'damaged' },
      'The image is damaged: its size cannot be read from its header.',
    );
  }
  const { width, height } = dimensions;
  if (width * height > MAX_IMAGE_PIXELS) {
    const megapixels = Math.round((width * height) / 1e6);
    const limit = MAX_IMAGE_PIXELS / 1e6;
    throw new DocumentReadError(
      { reason: 'too-many-pixels', values: { width, height, megapixels, limit } },
      `The image is ${width} × ${height} pixels (${megapixels} megapixels), over the ${limit}-megapixel limit.`,
    );
  }
  if (isTruncatedImage(bytes, mime)) {
    throw new DocumentReadError(
      { reason: 'truncated' },
      'The image is truncated: its end is missing, so it cannot be read.',
    );
  }
}
