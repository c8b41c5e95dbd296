// The angle classifier (PP-OCR mobile cls): whether each text-line crop is upside down.
import type * as Ort from 'onnxruntime-web';
import { resize, type Raster } from '../raster';
import type { OrtModule } from './engine';
import { recNormalise } from './recogniser';

const CLS_WIDTH = 192;
const CLS_HEIGHT = 48;

/** Probability that each crop is upside down (cls label '180'). */
export type UpsideDown = (crops: Raster[]) => Promise<number[]>;

export function createClassifier(ort: OrtModule, cls: Ort.InferenceSession): UpsideDown {
  return async function upsideDown(crops) {
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
  };
}
