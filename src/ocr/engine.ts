// What both OCR engines share: the raster-level interface read-document.ts uses (so a
// rendered PDF page is not re-encoded), and turning ImageInput into a prepared page.
import type { DocumentText, OcrRuntime, PageText } from '../core/extraction';
import type { OcrEngine, OcrProgress, ImageInput } from '../core/ports';
import type { ImageCodec } from './codec';
import { preparePage, type PreparedPage, type PrepareOptions } from './prepare';
import type { Raster } from './raster';
import { CJK_UNIFIED } from '../core/text/han';

/** What an engine's model runs on, and why not on the native runtime when that was wanted. */
export interface OcrRuntimeInfo {
  runtime: OcrRuntime;
  /** Present when the native runtime was wanted but could not be used: its error, in one line. */
  nativeFailure?: string;
}

/** Given the pixels of a whole image file as decoded (EXIF orientation not yet applied). */
export type OnDecoded = (raster: Raster) => void;

/** Given the page as page preparation made it from those pixels (see PreparedPage). */
export type OnPrepared = (page: PreparedPage) => void;

/** An engine that can also read pixels directly (a page pdfjs rendered). */
export interface RasterOcrEngine extends OcrEngine {
  /** Known once the engine exists (a lazy engine has none before its first page). */
  readonly runtime?: OcrRuntimeInfo;
  /**
   * Reads a whole image file; `onDecoded` is handed its decoded pixels and `onPrepared`
   * the page prepared from them, so a host that analyses the image too (read-document.ts)
   * neither decodes it nor cuts a photographed page from it a second time.
   */
  recognise(
    image: ImageInput,
    onProgress?: (p: OcrProgress) => void,
    onDecoded?: OnDecoded,
    onPrepared?: OnPrepared,
  ): Promise<DocumentText>;
  /** Reads one upright-or-not page; boxes are in the prepared page's pixels. */
  recogniseRaster(
    raster: Raster,
    page: number,
    options?: PrepareOptions,
    onProgress?: (p: OcrProgress) => void,
  ): Promise<PageText>;
}

export function isRasterOcrEngine(engine: OcrEngine): engine is RasterOcrEngine {
  return typeof (engine as Partial<RasterOcrEngine>).recogniseRaster === 'function';
}

/** Reads the EXIF orientation tag of a JPEG; undefined when absent or unreadable. */
export type ExifOrientationReader = (bytes: Uint8Array) => Promise<number | undefined>;

export async function decodeImageInput(
  image: ImageInput,
  codec: ImageCodec,
  readOrientation: ExifOrientationReader,
): Promise<{ raster: Raster; exifOrientation: number | undefined }> {
  const [raster, exifOrientation] = await Promise.all([
    codec.decode(image.bytes, image.mime),
    image.mime === 'image/jpeg'
      ? readOrientation(image.bytes).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  return { raster, exifOrientation };
}

/**
 * What every raster engine's `recognise` is: decode, read the EXIF orientation, read the
 * pixels as page 0 (the orientation is applied once, in page preparation).
 */
export async function recogniseImageFile(
  engine: Pick<RasterOcrEngine, 'id' | 'recogniseRaster'>,
  image: ImageInput,
  decoder: { codec: ImageCodec; readOrientation: ExifOrientationReader },
  onProgress?: (p: OcrProgress) => void,
  onDecoded?: OnDecoded,
  onPrepared?: OnPrepared,
): Promise<DocumentText> {
  const { raster, exifOrientation } = await decodeImageInput(
    image,
    decoder.codec,
    decoder.readOrientation,
  );
  onDecoded?.(raster);
  const options: PrepareOptions = {
    ...(exifOrientation === undefined ? {} : { exifOrientation }),
    ...(onPrepared === undefined ? {} : { onPrepared }),
  };
  const page = await engine.recogniseRaster(raster, 0, options, onProgress);
  return { source: engine.id, pages: [page] };
}

export { preparePage };

/** Mean confidence of a page's items weighted by text length (0 when empty). */
export function meanConfidence(page: PageText): number {
  let weight = 0;
  let sum = 0;
  for (const item of page.items) {
    const w = [...item.text].length;
    weight += w;
    sum += item.confidence * w;
  }
  return weight === 0 ? 0 : sum / weight;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');

/** Chinese OCR puts spaces between characters; spaces only matter between Latin words. */
export function removeCjkSpaces(text: string): string {
  return text.replace(SPACE_NEXT_TO_CJK, '').trim();
}

const TO_FULL_WIDTH: Record<string, string> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  ',': '，',
  '?': '？',
  '!': '！',
};

/**
 * OCR cannot see whether a bracket or colon was printed full- or half-width; in Chinese
 * text the full-width form is what documents print, so a half-width one touching a
 * Chinese character is read as full-width. Values compared character for character
 * still need a person's confirmation (extractDocument marks them).
 */
export function preferCjkWidths(text: string): string {
  const chars = [...text];
  return chars
    .map((ch, i) => {
      const full = TO_FULL_WIDTH[ch];
      if (full === undefined) return ch;
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      if (ch === '(') return CJK_UNIFIED.test(after) ? full : ch;
      if (ch === ')') return CJK_UNIFIED.test(before) || before === '）' ? full : ch;
      return CJK_UNIFIED.test(before) ? full : ch;
    })
    .join('');
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Share of a's area inside b. */
export function overlapShare(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / Math.max(1e-6, a.w * a.h);
}

/** Below this fill a box is hollow: diagonal text, a frame, a seal's ring (DetectedBox.fill). */
export const HOLLOW_FILL = 0.3;

export const isHollow = (box: { fill?: number }): boolean => (box.fill ?? 1) < HOLLOW_FILL;

/**
 * Drops boxes lying mostly inside a larger solid one: specks the detector found inside a
 * line. A hollow box swallows nothing: a diagonal watermark line's box spans the card
 * under it, and dropped every line of that card.
 */
export function dropNestedBoxes<T extends Rect & { fill?: number }>(boxes: readonly T[]): T[] {
  return boxes.filter(
    (a) =>
      !boxes.some(
        (b) => b !== a && !isHollow(b) && b.w * b.h > a.w * a.h * 2 && overlapShare(a, b) > 0.5,
      ),
  );
}
