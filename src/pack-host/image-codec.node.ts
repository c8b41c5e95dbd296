// The image codec in Node (CLI, tests, bench): @napi-rs/canvas (Skia) decodes JPEG, PNG
// and WebP and encodes JPEG; TIFF and HEIC are decoded to pixels first. Watermark text is
// drawn with the report's CJK font, registered once.
import {
  createCanvas,
  GlobalFonts,
  ImageData,
  loadImage,
  type Canvas,
  type Image,
} from '@napi-rs/canvas';
import type { DecodedImage, ImageCodec, JpegEncodeOptions } from '../core/pack/image-codec';
import { decodeHeic, decodeTiff, type RgbaImage } from './decode-raw';
import { drawOverlays } from './draw-overlays';
import { reportFontPath } from './report-font.node.ts';

const FONT_FAMILY = 'DossierVaultCJK';
let fontRegistered = false;

function ensureFont(): void {
  if (fontRegistered) return;
  GlobalFonts.registerFromPath(reportFontPath(), FONT_FAMILY);
  fontRegistered = true;
}

class NodeImage implements DecodedImage {
  constructor(
    private source: Image | Canvas | null,
    readonly width: number,
    readonly height: number,
  ) {}

  async toJpeg({
    width,
    height,
    quality,
    overlays,
    source,
  }: JpegEncodeOptions): Promise<Uint8Array> {
    if (!this.source) throw new Error('The image was closed.');
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    // A transparent PNG has no colour under it; JPEG has no alpha: paper white.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    if (source) {
      ctx.drawImage(this.source, source.x, source.y, source.w, source.h, 0, 0, width, height);
    } else ctx.drawImage(this.source, 0, 0, width, height);
    if (overlays?.length) {
      ensureFont();
      drawOverlays(ctx, overlays, FONT_FAMILY);
    }
    const jpeg = await canvas.encode('jpeg', Math.round(quality * 100));
    return new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  }

  close(): void {
    this.source = null;
  }
}

function canvasOf(raw: RgbaImage): Canvas {
  const canvas = createCanvas(raw.width, raw.height);
  canvas.getContext('2d').putImageData(new ImageData(raw.data, raw.width, raw.height), 0, 0);
  return canvas;
}

export const nodeImageCodec: ImageCodec = {
  canDecode: (mime) =>
    ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic'].includes(mime),
  async decode(bytes, mime) {
    if (mime === 'image/tiff' || mime === 'image/heic') {
      const raw = mime === 'image/tiff' ? decodeTiff(bytes) : await decodeHeic(bytes);
      return new NodeImage(canvasOf(raw), raw.width, raw.height);
    }
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return new NodeImage(image, image.width, image.height);
  },
};
