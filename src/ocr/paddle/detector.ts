// The text detector (PP-OCRv4 det, DB): a page in, its text-line boxes out in the page's
// pixels. The input size follows the text's size as well as the page's.
import type * as Ort from 'onnxruntime-web';
import { dropNestedBoxes } from '../engine';
import { fitLongSide, resize, type Raster } from '../raster';
import {
  dbBoxes,
  DEFAULT_DB_OPTIONS,
  separateNeighbours,
  type DetectedBox,
} from './db-postprocess';
import type { OrtModule } from './engine';

const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];
/**
 * Each channel's normalised value for each byte, (v / 255 − mean) / std as float32: one
 * lookup per value instead of a division, a subtraction and a division (the same floats).
 */
const DET_NORMALISED = DET_MEAN.map((mean, c) =>
  Float32Array.from({ length: 256 }, (_, v) => (v / 255 - mean) / DET_STD[c]!),
);
/** Text line height wanted in the detector's input, in pixels (A4 at 1600 px: ~21). */
const DET_LINE_HEIGHT = 22;
/** Smallest detector input (long side) whatever the text size. */
const DET_MIN_SIDE = 640;
/** The detector input is reduced for large text only when it shrinks by over 20%. */
const DET_SHRINK_ONLY_BELOW = 0.8;

/**
 * The detector's input size: the page at most `detMaxSide` long, and smaller where
 * the text is large (an ID card at 300 dpi), since detection costs per pixel.
 */
export function detSide(page: Raster, lineHeight: number | undefined, detMaxSide: number): number {
  const long = Math.max(page.width, page.height);
  const full = Math.min(detMaxSide, long);
  if (lineHeight === undefined || lineHeight <= 0) return detMaxSide;
  const wanted = Math.round((long * DET_LINE_HEIGHT) / lineHeight);
  // Only clearly large text is detected smaller: shaving a few percent off an A4 page
  // changed which boxes PP-OCR saw, and a rare character with them (栖 read as 梧).
  if (wanted > DET_SHRINK_ONLY_BELOW * full) return detMaxSide;
  return Math.min(detMaxSide, Math.max(DET_MIN_SIDE, wanted));
}

export type Detect = (page: Raster, lineHeight?: number) => Promise<DetectedBox[]>;

export function createDetector(
  ort: OrtModule,
  det: Ort.InferenceSession,
  detMaxSide: number,
): Detect {
  return async function detect(page, lineHeight) {
    const { raster: small, scale } = fitLongSide(page, detSide(page, lineHeight, detMaxSide));
    const w = Math.max(32, Math.round(small.width / 32) * 32);
    const h = Math.max(32, Math.round(small.height / 32) * 32);
    const input = resize(small, w, h);
    const tensor = new Float32Array(3 * w * h);
    const plane = w * h;
    // BGR planes, as PaddleOCR reads images with OpenCV.
    const [blue, green, red] = DET_NORMALISED as [Float32Array, Float32Array, Float32Array];
    const data = input.data;
    for (let p = 0, i = 0; p < plane; p++, i += 4) {
      tensor[p] = blue[data[i + 2]!]!;
      tensor[p + plane] = green[data[i + 1]!]!;
      tensor[p + 2 * plane] = red[data[i]!]!;
    }
    const feeds = { [det.inputNames[0]!]: new ort.Tensor('float32', tensor, [1, 3, h, w]) };
    const out = (await det.run(feeds))[det.outputNames[0]!]!;
    const map = { width: w, height: h, data: out.data as Float32Array };
    out.dispose();
    // Map pixels → page pixels: undo the snap to 32 and the downscale.
    const sx = small.width / w / scale;
    const sy = small.height / h / scale;
    return separateNeighbours(dropNestedBoxes(dbBoxes(map, DEFAULT_DB_OPTIONS))).map((b) => ({
      x: b.x * sx,
      y: b.y * sy,
      w: b.w * sx,
      h: b.h * sy,
      score: b.score,
      pad: b.pad * sx,
      ...(b.fill === undefined ? {} : { fill: b.fill }),
    }));
  };
}
