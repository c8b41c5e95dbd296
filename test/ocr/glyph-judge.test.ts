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
  differenceWeights,
  GRID,
  JUDGE_MIN_MARGIN,
  judgeGlyph,
  SHARED_WEIGHT,
} from '../../src/ocr/paddle/glyph-judge';
import { GLYPH_TEMPLATE_DATA } from '../../src/ocr/paddle/glyph-templates.data';
import { glyphTemplates } from '../../src/ocr/paddle/glyph-templates';

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
