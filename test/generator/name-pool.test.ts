// The generator's opt-in wider name pool (fixtures:families --names=wide) measures a name
// reader on names it was not tuned on; the default pool, which bench:ocr's quick set is
// drawn from, is unchanged. Every surname of the wide pool is one the reader knows.
import { describe, expect, it } from 'vitest';
import { makeFamilyDossier } from '../../scripts/fixtures/families/people';
import { familiesIn, familySample } from '../../scripts/fixtures/families/families';
import { WIDE_SURNAMES } from '../../scripts/fixtures/families/name-pool';
import { startsWithSurname } from '../../src/core/extract/surnames';

const surnameOf = (name: string): string =>
  ['欧阳', '司马', '上官'].includes(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);

describe('the wide name pool', () => {
  it('draws far more surnames than the fixture pool; the default draws as before', () => {
    const seeds = Array.from({ length: 200 }, (_, i) => 4000 + i);
    const wide = new Set(
      seeds.map((s) =>
        surnameOf(makeFamilyDossier(s, { names: 'wide' }).license.legalRepresentative),
      ),
    );
    const fixture = new Set(
      seeds.map((s) => surnameOf(makeFamilyDossier(s).license.legalRepresentative)),
    );
    expect(fixture.size).toBeLessThanOrEqual(17);
    expect(wide.size).toBeGreaterThan(60);
    for (const s of seeds.slice(0, 20))
      expect(makeFamilyDossier(s, { names: 'fixture' })).toEqual(makeFamilyDossier(s));
  });

  it('passes through a family sample, and its names stay equal across the documents', () => {
    const family = familiesIn('tuned')[0]!;
    const sample = familySample(family, 1, { seedOffset: 700, names: 'wide' });
    const d = sample.dossier;
    expect(d.idFront.name).toBe(d.license.legalRepresentative);
    expect(d.bank.legalRepresentative).toBe(d.license.legalRepresentative);
    expect(familySample(family, 1, { seedOffset: 700 }).style).toEqual(sample.style);
  });

  it('every surname of the pool is one the reader knows', () => {
    expect(WIDE_SURNAMES.filter((s) => !startsWithSurname(`${s}伟`))).toEqual([]);
  });
});
