// The Node host's image codec: @napi-rs/canvas (Skia) decodes and encodes.
import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import type { ImageCodec } from './codec';
import { withoutExif } from './exif';
import type { Raster } from './raster';

// Required, not imported: the package is CommonJS, and Node's ESM import of it first scans
// its 29 KB entry for export names (cjs-module-lexer), whose hot loop V8 then optimises on
// a background thread: about 25 ms of main-thread and 60-120 ms of other CPU per CLI call
// (the bundle keeps the package external, so this ran on every `dossier extract`).
const { createCanvas, loadImage } = createRequire(import.meta.url)(
  '@napi-rs/canvas',
) as typeof Canvas;

export const nodeImageCodec: ImageCodec = {
  async decode(bytes, mime) {
    // Skia applies a JPEG's EXIF orientation while decoding; prepare.ts applies it again,
    // so the pixels are decoded as stored (a portrait phone photo was turned twice).
    const stored = mime === 'image/jpeg' ? withoutExif(bytes) : bytes;
    const image = await loadImage(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, image.width, image.height).data;
    return {
      width: image.width,
      height: image.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    };
  },
  async encode(raster: Raster, format, quality = 0.9) {
    const canvas = createCanvas(raster.width, raster.height);
    const ctx = canvas.getContext('2d');
    const imageData = ctx.createImageData(raster.width, raster.height);
    imageData.data.set(raster.data);
    ctx.putImageData(imageData, 0, 0);
    const buffer =
      format === 'png'
        ? await canvas.encode('png')
        : await canvas.encode('jpeg', Math.round(quality * 100));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  },
};

/** A @napi-rs/canvas render target for rasterise-pdf.ts. */
export function createNodeRenderTarget(
  width: number,
  height: number,
): { canvas: unknown; readPixels(): Uint8ClampedArray } {
  const canvas = createCanvas(width, height);
  return {
    canvas,
    readPixels() {
      const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
      return new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    },
  };
}
