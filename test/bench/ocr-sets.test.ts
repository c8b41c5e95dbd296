// bench:ocr's sets (bench/ocr-sets.ts): drawn over every npm face, in the folders and
// results files they always had, and generated again when the generator draws them
// otherwise (a cached set of the old 3-face draw is never measured as the new one).
import { describe, expect, it } from 'vitest';
import { CJK_FONT_FAMILIES } from '../../scripts/fixtures/fonts';
import { dossierCases, familyCases, type FamilyCase } from '../../scripts/fixtures/families/set';
import { FAMILY_FONTS } from '../../scripts/fixtures/families/style';
import {
  benchCases,
  benchDataDir,
  casesDigest,
  checkBenchFonts,
  facesCaption,
  resultsFile,
} from '../../bench/ocr-sets';

/** The faces of the draw before 2026-12-04, the only ones the sets were drawn in then. */
const EARLIER_FACES = ['Noto Sans CJK SC', 'Noto Serif CJK SC', 'LXGW WenKai'];

describe('bench:ocr sets', () => {
  it('keeps its sizes, folders and results files', () => {
    const before = {
      quick: { perFamily: 2, perMulti: 2, perDossier: 3 },
      full: { perFamily: 6, perMulti: 4, perDossier: 6 },
    } as const;
    for (const partition of ['tuned', 'held-out'] as const) {
      const cases = benchCases(partition, 'quick');
      expect(cases.families()).toEqual(familyCases(partition, { ...before.quick, media: 'mixed' }));
      expect(cases.dossiers()).toEqual(dossierCases(partition, 3, { media: 'mixed' }));
    }
    expect(benchCases('tuned', 'full').families()).toEqual(
      familyCases('tuned', { ...before.full, media: 'mixed' }),
    );
    expect(benchDataDir('/r', 'quick')).toBe('/r/bench/.data/families/quick');
    expect(benchDataDir('/r', 'full')).toBe('/r/bench/.data/families/full');
    expect(resultsFile('quick', false)).toBe('ocr.json');
    expect(resultsFile('full', false)).toBe('ocr-full.json');
    expect(resultsFile('quick', true)).toBe('ocr-dossiers.json');
    expect(resultsFile('full', true)).toBe('ocr-dossiers-full.json');
  });

  it('draws every npm face, in single files, multi-document files and dossiers alike', () => {
    // Every package's face (aliases of one package and weights aside) is drawn from.
    expect(FAMILY_FONTS.length).toBe(7);
    expect(FAMILY_FONTS).toEqual(expect.arrayContaining([...EARLIER_FACES, 'ZCOOL XiaoWei']));
    expect(
      CJK_FONT_FAMILIES.every(
        (f) => FAMILY_FONTS.includes(f.family) || f.family === 'AR PL UKai CN',
      ),
    ).toBe(true);
    const later = FAMILY_FONTS.filter((f) => !EARLIER_FACES.includes(f));
    const inLaterFace = (cases: FamilyCase[]): boolean => {
      const pages = JSON.stringify(cases.map((c) => c.file.pages));
      return later.some((f) => pages.includes(`'${f}'`));
    };
    // The tuned partition only: the held-out one is the bench's to draw.
    const sets = benchCases('tuned', 'quick');
    const [families, dossiers] = [sets.families(), sets.dossiers()];
    const drawn = new Set(families.map((c) => c.font).filter((f) => f !== 'mixed'));
    // Old code: the 3 earlier faces only, everywhere.
    expect(inLaterFace(families.filter((c) => c.font === 'mixed'))).toBe(true);
    expect(inLaterFace(dossiers)).toBe(true);
    expect([...drawn].every((f) => FAMILY_FONTS.includes(f))).toBe(true);
    expect(drawn.size).toBeGreaterThan(EARLIER_FACES.length);
    expect(facesCaption()).toBe(`faces: 7 (${FAMILY_FONTS.join(', ')})`);
  });

  it('tells a set on disk from the one the generator draws now by its cases digest', () => {
    const now = benchCases('tuned', 'quick').families();
    expect(casesDigest(now)).toBe(casesDigest(benchCases('tuned', 'quick').families()));
    expect(casesDigest(now)).toMatch(/^[0-9a-f]{64}$/);
    // The same samples drawn in the 3 earlier faces: another set, so generated again.
    const earlier = familyCases('tuned', {
      perFamily: 2,
      perMulti: 2,
      media: 'mixed',
      fonts: EARLIER_FACES,
    });
    expect(earlier.map((c) => c.name)).toEqual(now.map((c) => c.name));
    expect(casesDigest(earlier)).not.toBe(casesDigest(now));
  });

  it('takes --fonts=all as the same draw and refuses other faces', () => {
    expect(() => checkBenchFonts(undefined)).not.toThrow();
    expect(() => checkBenchFonts('default')).not.toThrow();
    expect(() => checkBenchFonts('all')).not.toThrow();
    expect(() => checkBenchFonts('Comic Sans')).toThrow(
      /^bench:ocr --fonts is default or all \(the same faces\), not Comic Sans$/,
    );
  });
});
