// The renderer's (or a worker's) image codec: createImageBitmap + OffscreenCanvas.
import type { ImageCodec } from './codec';
import type { Raster } from './raster';

/**
 * The JPEG without its Exif APP1 segments. Chromium applies the EXIF orientation when it
 * decodes, even with imageOrientation 'none' (deprecated: it now means 'from-image';
 * measured in Chromium 156), so the tag is removed to get the pixels as stored: EXIF
 * orientation is applied once, by prepare.ts, in both hosts. Other bytes are kept.
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

/** Decodes as stored: the EXIF orientation is not applied (see withoutExif). */
export function decodeBitmapAsStored(bytes: Uint8Array, mime: string): Promise<ImageBitmap> {
  const stored = mime === 'image/jpeg' ? withoutExif(bytes) : bytes;
  return createImageBitmap(new Blob([stored as Uint8Array<ArrayBuffer>], { type: mime }), {
    imageOrientation: 'from-image',
  });
}

export const browserImageCodec: ImageCodec = {
  async decode(bytes, mime) {
    const bitmap = await decodeBitmapAsStored(bytes, mime);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (ctx === null)
      throw new Error('This browser cannot create a 2D canvas to decode the image.');
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, data };
  },
  async encode(raster: Raster, format, quality = 0.9) {
    const canvas = new OffscreenCanvas(raster.width, raster.height);
    const ctx = canvas.getContext('2d');
    if (ctx === null)
      throw new Error('This browser cannot create a 2D canvas to encode the image.');
    ctx.putImageData(
      new ImageData(new Uint8ClampedArray(raster.data), raster.width, raster.height),
      0,
      0,
    );
    const blob = await canvas.convertToBlob({
      type: format === 'png' ? 'image/png' : 'image/jpeg',
      quality,
    });
    return new Uint8Array(await blob.arrayBuffer());
  },
};
