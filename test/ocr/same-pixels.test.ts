// The shortcuts page preparation and the image analysis take for speed give the very
// bytes and figures of the plain computation they replace (a reading must not move).
import { describe, expect, it } from 'vitest';
import { fitLongSide, grayFitLongSide, toGray, type Raster } from '../../src/ocr/raster';
import { cellGrid } from '../../src/core/image/glare';
import { histogramQuantile, reduce } from '../../src/core/image/pixels';

/** Noise with dark strokes, some pixels see-through when `alpha` (a PNG's). */
function noisyPage(width: number, height: number, seed: number, alpha = false): Raster {
  let s = seed;
  const random = (): number => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    const ink = random() < 0.1;
    for (let c = 0; c < 3; c++) data[i + c] = ink ? random() * 90 : 150 + random() * 105;
    data[i + 3] = alpha && random() < 0.2 ? random() * 255 : 255;
  }
  return { width, height, data };
}

describe('page preparation without copies', () => {
  it('makes the small grey copy as the scaled RGBA copy and its luma made it', () => {
    // A shrink by 1% (an ID side scanned at 1013 px), by 2.4 (the page search's copy), by
    // 1.8 (A4 to 1000 px), one that leaves the page as it is, and see-through pixels.
    const cases: [Raster, number][] = [
      [noisyPage(1013, 638, 7), 1000],
      [noisyPage(1135, 715, 11), 480],
      [noisyPage(1790, 1265, 13), 1000],
      [noisyPage(600, 400, 17), 1000],
      [noisyPage(700, 300, 19, true), 500],
    ];
    for (const [page, side] of cases) {
      const { raster, scale } = fitLongSide(page, side);
      const fused = grayFitLongSide(page, side);
      expect(fused.scale).toBe(scale);
      expect(fused.gray.width).toBe(raster.width);
      expect(fused.gray.height).toBe(raster.height);
      expect(Buffer.from(fused.gray.data).equals(Buffer.from(toGray(raster).data))).toBe(true);
    }
  });
});

describe('image analysis shortcuts', () => {
  it('takes a quantile from a histogram as from the sorted values', () => {
    const values = Uint8Array.from({ length: 999 }, (_, i) => (i * 37) % 251);
    const hist = new Uint32Array(256);
    for (const v of values) hist[v]!++;
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0, 0.01, 0.5, 0.9, 0.99, 1]) {
      const target = q * (values.length - 1);
      expect(histogramQuantile(hist, values.length, q)).toBe(
        sorted.find((_, i) => i + 1 > target) ?? 255,
      );
    }
  });

  it("gives each cell the 90th percentile of its luma and its share clipped white", () => {
    const page = noisyPage(160, 96, 23);
    // Clipped white in the first cell's top half.
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 8; x++) page.data.fill(255, (y * 160 + x) * 4, (y * 160 + x) * 4 + 3);
    const grid = cellGrid(page, 8);
    for (const [cx, cy] of [
      [0, 0],
      [5, 3],
      [19, 11],
    ] as const) {
      const lumas: number[] = [];
      let clipped = 0;
      for (let y = cy * 8; y < cy * 8 + 8; y++)
        for (let x = cx * 8; x < cx * 8 + 8; x++) {
          const j = (y * 160 + x) * 4;
          const [r, g, b] = [page.data[j]!, page.data[j + 1]!, page.data[j + 2]!];
          lumas.push(Math.round(0.299 * r + 0.587 * g + 0.114 * b));
          if (r >= 250 && g >= 250 && b >= 250) clipped++;
        }
      lumas.sort((a, b) => a - b);
      const i = cy * grid.cols + cx;
      expect(grid.high[i]).toBe(lumas.find((_, k) => k + 1 > 0.9 * 63));
      expect(grid.clipped[i]).toBeCloseTo(clipped / 64, 6);
    }
    expect(grid.clipped[0]).toBeCloseTo(0.5, 6);
  });

  it('reduces opaque pixels to their mean and see-through ones as if over white', () => {
    const page: Raster = { width: 2, height: 2, data: new Uint8ClampedArray(16) };
    page.data.set([10, 20, 30, 255, 50, 60, 70, 255, 90, 100, 110, 255, 0, 0, 0, 0]);
    const { image, factor } = reduce(page, 1);
    expect(factor).toBe(2);
    // The transparent black pixel counts as white (255).
    expect([...image.data]).toEqual([
      Math.round((10 + 50 + 90 + 255) / 4),
      Math.round((20 + 60 + 100 + 255) / 4),
      Math.round((30 + 70 + 110 + 255) / 4),
      255,
    ]);
  });
});
