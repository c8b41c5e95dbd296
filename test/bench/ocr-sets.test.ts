// bench:ocr's sets (bench/ocr-sets.ts): `--fonts=all` draws the same samples over every npm
// face into a folder and a results file of their own; the default set is the one bench:ocr
// has always measured, case for case, in the folders and files it always had.
import { describe, expect, it } from 'vitest';
import { dossierCases, familyCases, type FamilyCase } from '../../scripts/fixtures/families/set';
import { ALL_FAMILY_FONTS, FAMILY_FONTS } from '../../scripts/fixtures/families/style';
import {
  benchCases,
  benchDataDir,
  benchFonts,
  facesCaption,
  resultsFile,
  setName,
} from '../../bench/ocr-sets';

describe('bench:ocr --fonts', () => {
  it('keeps the default set as it was: same cases, folders and results files', () => {
    expect(benchFonts(undefined)).toBe('default');
    expect(benchFonts('default')).toBe('default');
    // bench/ocr.ts's calls before --fonts existed.
    const before = {
      quick: { perFamily: 2, perMulti: 2, perDossier: 3 },
      full: { perFamily: 6, perMulti: 4, perDossier: 6 },
    } as const;
    for (const partition of ['tuned', 'held-out'] as const) {
      const cases = benchCases(partition, 'quick', 'default');
      expect(cases.families()).toEqual(familyCases(partition, { ...before.quick, media: 'mixed' }));
      expect(cases.dossiers()).toEqual(dossierCases(partition, 3, { media: 'mixed' }));
    }
    expect(benchCases('tuned', 'full', 'default').families()).toEqual(
      familyCases('tuned', { ...before.full, media: 'mixed' }),
    );
    expect(benchDataDir('/r', 'quick', 'default')).toBe('/r/bench/.data/families/quick');
    expect(benchDataDir('/r', 'full', 'default')).toBe('/r/bench/.data/families/full');
    expect(resultsFile('quick', 'default', false)).toBe('ocr.json');
    expect(resultsFile('full', 'default', false)).toBe('ocr-full.json');
    expect(resultsFile('quick', 'default', true)).toBe('ocr-dossiers.json');
    expect(resultsFile('full', 'default', true)).toBe('ocr-dossiers-full.json');
    expect(facesCaption('default')).toBeUndefined();
  });

  it('draws the all-fonts set over more than the default faces, in a folder of its own', () => {
    expect(benchFonts('all')).toBe('all');
    expect(() => benchFonts('Comic Sans')).toThrow(/--fonts is default or all, not Comic Sans/);
    const optional = ALL_FAMILY_FONTS.filter((f) => !FAMILY_FONTS.includes(f));
    const inOptionalFace = (cases: FamilyCase[]): boolean => {
      const pages = JSON.stringify(cases.map((c) => c.file.pages));
      return optional.some((f) => pages.includes(`'${f}'`));
    };
    // The tuned partition only: the held-out one is the bench's to draw.
    const all = benchCases('tuned', 'quick', 'all');
    const byDefault = benchCases('tuned', 'quick', 'default');
    const [families, dossiers] = [all.families(), all.dossiers()];
    // The same samples (names, media, degradations), only their faces drawn otherwise.
    expect(families.map((c) => [c.name, c.seed])).toEqual(
      byDefault.families().map((c) => [c.name, c.seed]),
    );
    expect(dossiers.map((c) => [c.name, c.seed])).toEqual(
      byDefault.dossiers().map((c) => [c.name, c.seed]),
    );
    const drawn = new Set(families.map((c) => c.font).filter((f) => f !== 'mixed'));
    // Multi-document files and whole dossiers are drawn from every face too (old code: never).
    expect(inOptionalFace(families.filter((c) => c.font === 'mixed'))).toBe(true);
    expect(inOptionalFace(dossiers)).toBe(true);
    expect(inOptionalFace([...byDefault.families(), ...byDefault.dossiers()])).toBe(false);
    expect([...drawn].every((f) => ALL_FAMILY_FONTS.includes(f))).toBe(true);
    expect([...drawn].filter((f) => !FAMILY_FONTS.includes(f)).length).toBeGreaterThan(0);
    expect(drawn.size).toBeGreaterThan(FAMILY_FONTS.length);

    expect(setName('quick', 'all')).toBe('quick-all-fonts');
    for (const size of ['quick', 'full'] as const) {
      expect(benchDataDir('/r', size, 'all')).not.toBe(benchDataDir('/r', size, 'default'));
      expect(benchDataDir('/r', size, 'all')).toBe(`/r/bench/.data/families/${size}-all-fonts`);
      for (const dossiersOnly of [false, true])
        expect(resultsFile(size, 'all', dossiersOnly)).not.toBe(
          resultsFile(size, 'default', dossiersOnly),
        );
    }
    expect(resultsFile('quick', 'all', false)).toBe('ocr-all-fonts.json');
    expect(facesCaption('all')).toBe(
      `faces: all ${ALL_FAMILY_FONTS.length} (${ALL_FAMILY_FONTS.join(', ')})`,
    );
  });
});
