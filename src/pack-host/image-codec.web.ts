// The image codec in the renderer (Chromium): createImageBitmap decodes JPEG, PNG and
// WebP, OffscreenCanvas encodes JPEG; TIFF and HEIC are decoded to pixels first. The
// watermark uses the system's CJK font (the app ships Noto Sans SC for its own UI).
import type { DecodedImage, ImageCodec, JpegEncodeOptions } from '../core/pack/image-codec';
import { decodeHeic, decodeTiff } from './decode-raw';
import { drawOverlays } from './draw-overlays';

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

  async toJpeg({
    width,
    height,
    quality,
    overlays,
    source,
  }: JpegEncodeOptions): Promise<Uint8Array> {
    if (!this.bitmap) throw new Error('The image was closed.');
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas is available to encode the image.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    if (source) {
      ctx.drawImage(this.bitmap, source.x, source.y, source.w, source.h, 0, 0, width, height);
    } else ctx.drawImage(this.bitmap, 0, 0, width, height);
    drawOverlays(ctx, overlays, FONT_FAMILY);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return new Uint8Array(await blob.arrayBuffer());
  }

  close(): void {
    this.bitmap?.close();
    this.bitmap = null;
  }
}

export const webImageCodec: ImageCodec = {
  canDecode: (mime) =>
    ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic'].includes(mime),
  async decode(bytes, mime) {
    if (mime === 'image/tiff' || mime === 'image/heic') {
      const raw = mime === 'image/tiff' ? decodeTiff(bytes) : await decodeHeic(bytes);
      const data = new ImageData(new Uint8ClampedArray(raw.data), raw.width, raw.height);
      return new WebImage(await createImageBitmap(data));
    }
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
    return new WebImage(await createImageBitmap(blob, { imageOrientation: 'from-image' }));
  },
};
