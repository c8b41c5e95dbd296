// The renderer's (or a worker's) image codec: createImageBitmap + OffscreenCanvas.
import type { ImageCodec } from './codec';
import { withoutExif } from './exif';
import type { Raster } from './raster';

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
