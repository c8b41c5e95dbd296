// The image codec in Node (CLI, tests, bench): @napi-rs/canvas (Skia) decodes JPEG, PNG
// and WebP and encodes JPEG; TIFF and HEIC are decoded to pixels first. Watermark text is
// drawn with the report's CJK font, registered once.
import { createRequire } from 'node:module';
import type * as CanvasModule from '@napi-rs/canvas';
import type { Canvas, Image } from '@napi-rs/canvas';
import type { DecodedImage, ImageCodec, JpegEncodeOptions } from '../core/pack/image-codec';
import { decodeToPixels, PACK_IMAGE_TYPES, type RgbaImage } from './decode-raw';
import { drawJpegPage } from './draw-page';
import { reportFontPath } from './report-font.node.ts';

// Required, not imported, as in src/ocr/codec.node.ts (which says why): an ESM import of
// this CommonJS package is scanned for its export names on every `dossier pack`.
const { createCanvas, GlobalFonts, ImageData, loadImage } = createRequire(import.meta.url)(
  '@napi-rs/canvas',
) as typeof CanvasModule;

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

  async toJpeg(options: JpegEncodeOptions): Promise<Uint8Array> {
    if (!this.source) throw new Error('The image was closed.');
    const canvas = createCanvas(options.width, options.height);
    if (options.overlays?.length) ensureFont();
    drawJpegPage(canvas.getContext('2d'), this.source, options, FONT_FAMILY);
    const jpeg = await canvas.encode('jpeg', Math.round(options.quality * 100));
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
  canDecode: (mime) => PACK_IMAGE_TYPES.includes(mime),
  async decode(bytes, mime) {
    const raw = await decodeToPixels(bytes, mime);
    if (raw) return new NodeImage(canvasOf(raw), raw.width, raw.height);
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return new NodeImage(image, image.width, image.height);
  },
};
