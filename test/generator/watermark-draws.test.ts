// Watermarks and seals in the tuned family draws: what staff send are stamped and
// watermarked copies, so the tuning sets must hold them in every medium they are sent in.
import { describe, expect, it } from 'vitest';
import { familyCases } from '../../scripts/fixtures/families/set';

/** The diagonal purpose watermark's own block (style.ts diagonalWatermark). */
const WATERMARK =
  /pointer-events:none"><div style="[^"]*transform:rotate\((-?\d+)deg\);(?:font-family:[^;]+;)?font-size:([\d.]+)mm;color:(rgba\([^)]*\))/g;

const marks = (html: string): RegExpMatchArray[] => [...html.matchAll(WATERMARK)];

describe('watermarks in the tuned family draws', () => {
  const cases = familyCases('tuned', { perFamily: 24, perMulti: 0, media: 'mixed' });

  it('watermarks some of the both-sides copies in every medium, copy scans too', () => {
    const stacked = cases.filter((c) => c.family === 'id-a4-both-stacked');
    for (const medium of ['copy-scan', 'image-pdf', 'photo', 'text-pdf'] as const) {
      const files = stacked.filter((c) => c.medium === medium);
      const marked = files.filter((c) => marks(c.file.pages[0]!.html).length > 0);
      expect(files.length, medium).toBeGreaterThan(0);
      expect(marked.length, medium).toBeGreaterThan(0);
    }
    // ... and not all of them.
    expect(stacked.some((c) => marks(c.file.pages[0]!.html).length === 0)).toBe(true);
  });

  it('draws watermarks light and dark, at either slant, in several colours and sizes', () => {
    const drawn = cases.flatMap((c) => c.file.pages.flatMap((p) => marks(p.html)));
    const angles = drawn.map((m) => Number(m[1]));
    const alphas = drawn.map((m) => Number(/,([\d.]+)\)$/.exec(m[3]!)![1]));
    const colours = new Set(drawn.map((m) => m[3]!.replace(/,[\d.]+\)$/, '')));
    expect(angles.some((a) => a < 0) && angles.some((a) => a > 0)).toBe(true);
    expect(Math.min(...alphas)).toBeLessThan(0.3);
    expect(Math.max(...alphas)).toBeGreaterThan(0.5);
    expect(colours.size).toBeGreaterThanOrEqual(3);
  });

  it('watermarks some sealed license photocopies over their seal', () => {
    const sealed = cases.filter((c) => c.family === 'license-photocopy-seal');
    const marked = sealed.filter((c) => marks(c.file.pages[0]!.html).length > 0);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThan(sealed.length);
    for (const c of marked) expect(c.file.pages[0]!.html).toContain('此复印件与原件一致');
  });
});
