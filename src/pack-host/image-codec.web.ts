// The image codec in the renderer (Chromium): createImageBitmap decodes JPEG, PNG and
// WebP, OffscreenCanvas encodes JPEG; TIFF and HEIC are decoded to pixels first. The
// watermark uses the system's CJK font (the app ships Noto Sans SC for its own UI).
import type { DecodedImage, ImageCodec, JpegEncodeOptions } from '../core/pack/image-codec';
import { decodeToPixels, PACK_IMAGE_TYPES } from './decode-raw';
import { drawJpegPage } from './draw-page';

const FONT_FAMILY =
  '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

class WebImage implements DecodedImage {
  constructor(private bitmap: ImageBitmap | null) {}

  get width(): number {
    return this.bitmap?.width ?? 0;
  }

  get height(): number {
    return this.bitmap?.height ?? 0;
  }

  async toJpeg(options: JpegEncodeOptions): Promise<Uint8Array> {
    if (!this.bitmap) throw new Error('The image was closed.');
    const canvas = new OffscreenCanvas(options.width, options.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas is available to encode the image.');
    drawJpegPage(ctx, this.bitmap, options, FONT_FAMILY);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: options.quality });
    return new Uint8Array(await blob.arrayBuffer());
  }

  close(): void {
    this.bitmap?.close();
    this.bitmap = null;
  }
}

export const webImageCodec: ImageCodec = {
  canDecode: (mime) => PACK_IMAGE_TYPES.includes(mime),
  async decode(bytes, mime) {
    const raw = await decodeToPixels(bytes, mime);
    if (raw) {
      const data = new ImageData(new Uint8ClampedArray(raw.data), raw.width, raw.height);
      return new WebImage(await createImageBitmap(data));
    }
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
    return new WebImage(await createImageBitmap(blob, { imageOrientation: 'from-image' }));
  },
};
