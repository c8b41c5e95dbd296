// The image codec port: decoding and JPEG encoding are the host's (a canvas in Node or
// Chromium); the core decides what to do with an image, the host only does it.

/** A line of watermark text to draw, in output-image pixels, rotated about (x, y). */
export interface TextOverlay {
  text: string;
  /** Centre of the text run. */
  x: number;
  y: number;
  /** Rotation in degrees, counter-clockwise as seen on screen. */
  angleDegrees: number;
  fontSize: number;
  /** 0..1 */
  opacity: number;
  /** CSS colour without alpha, e.g. "#c00000". */
  color: string;
}

export interface JpegEncodeOptions {
  /** Output size in pixels (the image is scaled to it). */
  width: number;
  height: number;
  /** 0..1 */
  quality: number;
  overlays?: readonly TextOverlay[];
  /** The part of the image to encode, in its pixels (default: all of it). */
  source?: { x: number; y: number; w: number; h: number };
}

/** A decoded image, held by the host until closed. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  toJpeg(options: JpegEncodeOptions): Promise<Uint8Array>;
  close(): void;
}

export interface ImageCodec {
  /** Whether this host can decode the type, e.g. `image/heic` may be unsupported. */
  canDecode(mime: string): boolean;
  /** Throws with one clear sentence when the bytes are not a decodable image. */
  decode(bytes: Uint8Array, mime: string): Promise<DecodedImage>;
}
