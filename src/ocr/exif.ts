// EXIF in JPEGs, for decoders that would otherwise apply the orientation themselves.

/**
 * The JPEG without its Exif APP1 segments. Both decoders apply the EXIF orientation
 * themselves: Chromium even with imageOrientation 'none' (deprecated: it now means
 * 'from-image'; measured in Chromium 156), Skia in @napi-rs/canvas always. The tag is
 * removed to get the pixels as stored, so that EXIF orientation is applied once, by
 * prepare.ts, in both hosts. Other bytes are kept.
 */
export function withoutExif(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return bytes;
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  let removed = false;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    // Start of scan (or a marker without length): the rest is image data.
    if (marker === 0xda || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7)) break;
    const end = i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    const exif =
      marker === 0xe1 &&
      bytes[i + 4] === 0x45 && // E
      bytes[i + 5] === 0x78 && // x
      bytes[i + 6] === 0x69 && // i
      bytes[i + 7] === 0x66; // f
    if (exif) removed = true;
    else keep.push(bytes.subarray(i, end));
    i = end;
  }
  if (!removed) return bytes;
  keep.push(bytes.subarray(i));
  const out = new Uint8Array(keep.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of keep) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
