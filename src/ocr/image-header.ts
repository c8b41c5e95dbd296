// An image that stops before its end marker: decoders would fill the rest with grey. The
// type, size and pixel checks before it are the intake policy's (src/core/intake.ts).
import { DocumentReadError } from '../core/read-error';

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

/** Throws DocumentReadError `truncated` for an image without its end marker. */
export function checkNotTruncated(bytes: Uint8Array, mime: string): void {
  if (isTruncatedImage(bytes, mime)) {
    throw new DocumentReadError(
      { reason: 'truncated' },
      'The image is truncated: its end is missing, so it cannot be read.',
    );
  }
}
