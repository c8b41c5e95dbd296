// The line recogniser (PP-OCRv4 rec, CTC): crops of text lines in, their characters out
// with confidences, positions and runners-up. Crops of similar width run in one batch.
import type * as Ort from 'onnxruntime-web';
import { resize, type Raster } from '../raster';
import { ctcGreedyDecode } from './ctc';
import type { OrtModule } from './engine';
import type { RecognisedChar } from './line-segments';

export const REC_HEIGHT = 48;
/**
 * Narrowest recognition input. PaddleOCR pads every line to 320 px, but recognition
 * costs per padded column (≈ 0.2 ms each here): short labels (姓名, 男) padded to 160
 * cut 8% (A4) to 18% (ID side) of the CPU time; on the benchmark set no key field
 * changed (two low-confidence ones did, see BENCHMARKS.md).
 */
export const REC_MIN_WIDTH = 160;
/** Most crops in one recognition run. */
const REC_BATCH = 8;
/**
 * A batch is padded to its widest crop, and recognition costs per padded column: a
 * crop joins the batch only while the batch stays within this factor of its narrowest.
 */
const REC_BATCH_SPREAD = 1.3;

/** NCHW float tensor in BGR order (PaddleOCR reads images with OpenCV). */
export function toBgrTensor(
  r: Raster,
  width: number,
  normalise: (value: number, channel: number) => number,
  into: Float32Array,
  offset: number,
): void {
  const plane = REC_HEIGHT * width;
  const h = r.height;
  // Each channel's value for each byte, computed once per crop rather than per pixel.
  const [c0, c1, c2] = [0, 1, 2].map((c) =>
    Float32Array.from({ length: 256 }, (_, v) => normalise(v, c)),
  ) as [Float32Array, Float32Array, Float32Array];
  const data = r.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = y * r.width * 4, o = offset + y * width; x < r.width; x++, i += 4, o++) {
      into[o] = c0[data[i + 2]!]!;
      into[o + plane] = c1[data[i + 1]!]!;
      into[o + 2 * plane] = c2[data[i]!]!;
    }
  }
}

export const recNormalise = (v: number): number => (v / 255 - 0.5) / 0.5;

interface Ratio {
  /** Index of the crop. */
  i: number;
  /** Its width over its height. */
  ratio: number;
}

/**
 * The recognition runs: crops in order of width, each batch at most REC_BATCH crops
 * within REC_BATCH_SPREAD of its narrowest (crops narrower than `recMinWidth` count
 * as that wide, since they are padded to it anyway).
 */
export function recognitionBatches(
  crops: readonly Pick<Raster, 'width' | 'height'>[],
  recMinWidth: number,
): Ratio[][] {
  const order = crops
    .map((c, i) => ({ i, ratio: c.width / c.height }))
    .sort((a, b) => a.ratio - b.ratio);
  const minRatio = recMinWidth / REC_HEIGHT;
  const batches: Ratio[][] = [];
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
  return batches;
}

/**
 * Characters per time step above which a line is read again wider. The recogniser gives
 * each 8 px of its 48 px high input one time step, and CTC needs a blank step between two
 * equal characters: where narrow glyphs (digits, dots) stand at more than one per two steps,
 * it merges or skips them (有效期限 2022.03.26-2042.03.26 read 202.03.26-204203.26 at 0.57
 * characters per step, its box over twice its digits' height). Lines of ideographs and
 * labels stand at 0.1-0.4.
 */
const DENSE_CHARS_PER_STEP = 0.5;
/** How much wider a dense line is read again: 0.57 characters per step become 0.38. */
const DENSE_STRETCH = 1.5;

export type Recognise = (
  crops: Raster[],
  onBatch?: (done: number) => void,
) => Promise<RecognisedChar[][]>;

export function createRecogniser(
  ort: OrtModule,
  rec: Ort.InferenceSession,
  alphabet: readonly string[],
  recMinWidth: number,
  /** Keep each character's candidate classes (ctc.ts charCandidates) for a second reader. */
  keepCandidates = false,
): Recognise {
  const minRatio = recMinWidth / REC_HEIGHT;
  /** Each crop's characters, and how many characters it read per time step of its own width. */
  async function read(
    crops: Raster[],
    onBatch?: (done: number) => void,
  ): Promise<{ chars: RecognisedChar[][]; density: number[] }> {
    const results: RecognisedChar[][] = new Array<RecognisedChar[]>(crops.length);
    const density: number[] = new Array<number>(crops.length).fill(0);
    let done = 0;
    for (const batch of recognitionBatches(crops, recMinWidth)) {
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
          keepCandidates,
        );
        // Time step → x in the crop: the batch tensor is `width` wide, this crop filled
        // REC_HEIGHT × ratio of it.
        const c = crops[b.i]!;
        const toCropX = (width / steps) * (c.height / REC_HEIGHT);
        // The time steps the crop itself fills (the rest of the batch's width is padding).
        const own = (steps * Math.min(width, Math.ceil(REC_HEIGHT * b.ratio))) / width;
        density[b.i] = decoded.charConfidences.length / Math.max(1, own);
        results[b.i] = [...decoded.text].map((text, k) => ({
          text,
          confidence: decoded.charConfidences[k]!,
          x: decoded.charCentres[k]! * toCropX,
          start: decoded.charStarts[k]! * toCropX,
          alternatives: decoded.charAlternatives[k] ?? [],
          ...((decoded.doubtCandidates[k]?.length ?? 0) > 0
            ? { doubtCandidates: decoded.doubtCandidates[k]! }
            : {}),
          ...(keepCandidates ? { candidates: decoded.charCandidates[k] ?? new Map() } : {}),
        }));
      });
      out.dispose();
      done += batch.length;
      onBatch?.(done);
    }
    return { chars: results, density };
  }

  /**
   * Every crop read; a crop read at more than DENSE_CHARS_PER_STEP characters per time
   * step is read again DENSE_STRETCH times wider (more steps per glyph), and that reading,
   * its positions taken back to the crop, is its reading.
   */
  return async function recognise(crops, onBatch) {
    const first = await read(crops, onBatch);
    const dense = crops.flatMap((_, i) => (first.density[i]! > DENSE_CHARS_PER_STEP ? [i] : []));
    if (dense.length === 0) return first.chars;
    const widths = dense.map((i) => Math.max(1, Math.round(crops[i]!.width * DENSE_STRETCH)));
    const wider = await read(dense.map((i, k) => resize(crops[i]!, widths[k]!, crops[i]!.height)));
    dense.forEach((i, k) => {
      const scale = crops[i]!.width / widths[k]!;
      first.chars[i] = wider.chars[k]!.map((ch) => ({
        ...ch,
        x: ch.x * scale,
        start: ch.start * scale,
      }));
    });
    return first.chars;
  };
}
