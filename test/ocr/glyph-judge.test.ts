// The visual judge's comparison (src/ocr/paddle/glyph-judge.ts judgeGlyph), on the bitmaps
// themselves: one face's bitmap of a character judged with the OTHER six faces' (as
// bench/name-judge.ts measures it). 余 and 佘, 逢 and 逄 differ in one stroke or two: a
// correlation of the whole glyph (the old judge) gave the rare one a lead below its 0.08
// margin in these faces (佘: 0.055 in Noto Sans CJK SC, 0.079 in Source Han Serif; 逄:
// 0.034 and 0.059 in Noto Sans CJK SC and LXGW WenKai), so it told nothing; weighed where
// the two differ, each is told by JUDGE_MIN_MARGIN and the common one keeps its character.
import { describe, expect, it } from 'vitest';
import { lookalikesOf } from '../../src/core/extract/confusables';
import {
  applyGlyphJudge,
  differenceWeights,
  GRID,
  JUDGE_MIN_MARGIN,
  judgeGlyph,
  SHARED_WEIGHT,
  type GlyphVector,
} from '../../src/ocr/paddle/glyph-judge';
import { GLYPH_TEMPLATE_DATA } from '../../src/ocr/paddle/glyph-templates.data';
import { glyphTemplates } from '../../src/ocr/paddle/glyph-templates';
import { createRaster, type Raster } from '../../src/ocr/raster';

const all = glyphTemplates();

/** `ch` as drawn in `face`, judged against `rare` with the other faces' bitmaps. */
function judged(ch: string, face: string, read: string, rare: string) {
  const faces: readonly string[] = GLYPH_TEMPLATE_DATA.faces;
  const glyph = all.byFace(ch)[faces.indexOf(face)]!;
  return judgeGlyph(glyph, read, [rare], glyphTemplates([face]))!;
}

describe('a rare surname one stroke from a common one', () => {
  it.each([
    ['余', '佘', 'Noto Sans CJK SC'],
    ['余', '佘', 'Source Han Serif CN for Display'],
    ['逢', '逄', 'Noto Sans CJK SC'],
    ['逢', '逄', 'LXGW WenKai'],
  ])('read %s, printed %s in %s: told by the judge', (read, rare, face) => {
    const rareOne = judged(rare, face, read, rare);
    expect(rareOne.text).toBe(rare);
    expect(rareOne.margin).toBeGreaterThanOrEqual(JUDGE_MIN_MARGIN);
    const common = judged(read, face, read, rare);
    expect(common.text).toBe(read);
  });

  it('余 read as a surname may be 佘 (the judge decides)', () => {
    expect(lookalikesOf('余', 0)).toContain('佘');
    expect(lookalikesOf('余', 1)).not.toContain('佘');
  });
});

describe('differenceWeights', () => {
  it('weighs the cells where two bitmaps differ most, the rest at SHARED_WEIGHT', () => {
    const a = new Float32Array(GRID * GRID).fill(0.5);
    const b = Float32Array.from(a);
    b[5] = 1;
    const w = differenceWeights([a, undefined], [b, b])!;
    expect(w[5]).toBeCloseTo(1);
    expect(w[6]).toBeCloseTo(SHARED_WEIGHT);
    expect(differenceWeights([a], [a])).toBeNull();
  });
});

/** A line's crop holding one glyph: `v` drawn at 2 px a cell, dark where it has ink. */
function lineOf(v: GlyphVector): Raster {
  const r = createRaster(2 * GRID + 8, 2 * GRID + 8, 255);
  for (let y = 0; y < 2 * GRID; y++)
    for (let x = 0; x < 2 * GRID; x++) {
      const i = ((y + 4) * r.width + x + 4) * 4;
      const grey = Math.round(255 * (1 - v[(y >> 1) * GRID + (x >> 1)]!));
      r.data[i] = r.data[i + 1] = r.data[i + 2] = grey;
    }
  return r;
}

describe('applyGlyphJudge: what the recogniser doubts needs a smaller lead', () => {
  // 逄 as LXGW WenKai draws it leads 逢 by about 0.08 with the other faces' bitmaps: under
  // JUDGE_MIN_MARGIN (the old code's only margin), over UNSURE_MARGIN.
  const face = 'LXGW WenKai';
  const faces: readonly string[] = GLYPH_TEMPLATE_DATA.faces;
  const judge = (printed: string, confidence: number) => {
    const line = lineOf(all.byFace(printed)[faces.indexOf(face)]!);
    const read = { text: '逢', confidence, x: line.width / 2, start: 0, alternatives: [] };
    return applyGlyphJudge(
      [line],
      [[read]],
      new Map([['逢', ['逄']]]),
      glyphTemplates([face]),
    )[0]![0]!.judged;
  };

  it('逄 read 逢 at 0.8 is judged 逄', () => expect(judge('逄', 0.8)).toBe('逄'));
  it('逄 read 逢 at 0.999 is not (the recogniser is sure)', () =>
    expect(judge('逄', 0.999)).toBeUndefined());
  it('逢 read 逢 at 0.8 keeps it', () => expect(judge('逢', 0.8)).toBeUndefined());
});
