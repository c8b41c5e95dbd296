// How a host turns image bytes into pixels and back. Node implements it with
// @napi-rs/canvas (codec.node.ts), the renderer with OffscreenCanvas (codec.web.ts).
import type { Raster } from './raster';

export interface ImageCodec {
  /** Decodes JPEG/PNG/WebP bytes to RGBA, exactly as stored (EXIF orientation not applied). */
  decode(bytes: Uint8Array, mime: string): Promise<Raster>;
  /** Encodes RGBA as PNG (fixtures, debugging) or JPEG at a quality 0..1. */
  encode(raster: Raster, format: 'png' | 'jpeg', quality?: number): Promise<Uint8Array>;
}
