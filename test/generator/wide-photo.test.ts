// The fixture generator's phone photos in the wider ranges (degrade.ts widePhoto, drawn
// by bench/ocr-photos.ts from seed offset 5000): pages stored turned a quarter, with and
// without the EXIF tag that shows them upright, shadows and motion blur; and the default
// photo (bench:ocr's sets, the examples) drawn as before.
import { describe, expect, it } from 'vitest';
import { degrade } from '../../scripts/fixtures/images/degrade';
import { seededRandom } from '../../scripts/fixtures/random';
import { createRaster } from '../../src/ocr/raster';

/** A small page: a grey block on white, 60 × 40. */
const page = () => {
  const r = createRaster(60, 40);
  for (let y = 10; y < 30; y++) r.data.fill(60, (y * 60 + 10) * 4, (y * 60 + 50) * 4);
  return r;
};

describe('wide phone photos', () => {
  const draws = Array.from({ length: 40 }, (_, seed) =>
    degrade(page(), 'photo', seededRandom(seed), { phone: 'wide' }),
  );

  it('stores some pages turned a quarter, half of those with the EXIF tag that undoes it', () => {
    const turned = draws.filter((d) => d.applied.quarterTurn !== 0);
    expect(turned.length).toBeGreaterThan(3);
    expect(turned.length).toBeLessThan(draws.length / 2);
    for (const d of turned) {
      const sideways = d.applied.quarterTurn === 90 || d.applied.quarterTurn === 270;
      // A sideways page is stored taller than wide (the desk around a 60 × 40 page).
      expect(d.raster.height > d.raster.width).toBe(sideways);
      const tag = { 90: 6, 180: 3, 270: 8 }[d.applied.quarterTurn as 90 | 180 | 270];
      expect(d.exifOrientation).toBe(d.applied.exif === 1 ? tag : undefined);
    }
    expect(turned.some((d) => d.exifOrientation !== undefined)).toBe(true);
    expect(turned.some((d) => d.exifOrientation === undefined)).toBe(true);
  });

  it('draws shadows, motion blur and JPEG quality within their ranges', () => {
    expect(draws.some((d) => (d.applied.shadow as number) > 0)).toBe(true);
    expect(draws.some((d) => (d.applied.motionBlur as number) > 0)).toBe(true);
    for (const d of draws) {
      expect(d.jpegQuality).toBeGreaterThanOrEqual(0.45);
      expect(d.jpegQuality).toBeLessThanOrEqual(0.75);
      expect(d.applied.perspectivePull).toBeLessThanOrEqual(0.08);
    }
  });

  it('leaves the default photo as it was drawn: no turn, no tag, the same parameters', () => {
    const d = degrade(page(), 'photo', seededRandom(7));
    expect(d.exifOrientation).toBeUndefined();
    expect(Object.keys(d.applied)).toEqual([
      'perspectivePull',
      'blurRadius',
      'lighting',
      'noiseSigma',
      'jpegQuality',
    ]);
    expect(d.raster.width).toBeGreaterThan(d.raster.height);
  });
});
