// Page preparation of phone photos, on the committed generated photos (examples/photos-png:
// a page on a desk, perspective, light from one side) and a scan as the control: the page
// is cut from the desk and squared, and its light evened out.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { findPageQuad, rectify } from '../../src/ocr/page-quad';
import { preparePage } from '../../src/ocr/prepare';
import { fitLongSide, toGray, type Raster } from '../../src/ocr/raster';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

async function decode(path: string): Promise<Raster> {
  const bytes = new Uint8Array(await readFile(`${EXAMPLES}${path}`));
  return nodeImageCodec.decode(bytes, path.endsWith('.png') ? 'image/png' : 'image/jpeg');
}

/** The paper's level (90th percentile of luma) in a square at the given share of the page. */
function paperLevel(page: Raster, fx: number, fy: number, side = 0.08): number {
  const gray = toGray(page);
  const s = Math.round(Math.min(page.width, page.height) * side);
  const x0 = Math.round((page.width - s) * fx);
  const y0 = Math.round((page.height - s) * fy);
  const values: number[] = [];
  for (let y = y0; y < y0 + s; y++)
    for (let x = x0; x < x0 + s; x++) values.push(gray.data[y * page.width + x]!);
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length * 0.9)]!;
}

/** Mean luma of the page's outermost 1% on all four sides. */
function borderLevel(page: Raster): number {
  const gray = toGray(page);
  const d = Math.max(2, Math.round(Math.min(page.width, page.height) * 0.01));
  let sum = 0;
  let n = 0;
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++)
      if (x < d || y < d || x >= page.width - d || y >= page.height - d) {
        sum += gray.data[y * page.width + x]!;
        n++;
      }
  return sum / n;
}

describe('phone photo page preparation', () => {
  it('cuts each photographed page from the desk around it', async () => {
    for (const file of ['license.png', 'bank.png', 'id-front.png', 'id-back.png']) {
      const photo = await decode(`photos-png/${file}`);
      const prepared = preparePage(photo, { maxSide: 2400 });
      expect(prepared.quad, file).toBeDefined();
      // The desk (RGB 118/104/92, darker still in shade) no longer frames the page.
      expect(borderLevel(prepared.raster), file).toBeGreaterThan(200);
      expect(borderLevel(fitLongSide(photo, 2400).raster), file).toBeLessThan(150);
      // Squared: a license is A4 (1.414), an ID card 85.6 × 54 mm (1.585), within 3%.
      const aspect =
        Math.max(prepared.raster.width, prepared.raster.height) /
        Math.min(prepared.raster.width, prepared.raster.height);
      const paper = file.startsWith('id') ? 85.6 / 54 : file === 'license.png' ? 297 / 210 : aspect;
      expect(Math.abs(aspect / paper - 1), file).toBeLessThan(0.03);
    }
  });

  it('finds no page edges on a flatbed scan or a page filling the image', async () => {
    for (const file of ['license.jpg', 'bank.jpg', 'id-front.jpg', 'id-back.jpg'])
      expect(findPageQuad(await decode(`scans-jpg/${file}`)), file).toBeNull();
    const photo = preparePage(await decode('photos-png/license.png')).raster;
    expect(findPageQuad(photo)).toBeNull();
  });

  it('evens out light falling from one side', async () => {
    const photo = await decode('photos-png/license.png');
    const prepared = preparePage(photo, { maxSide: 2400 });
    const corners = [
      [0.03, 0.03],
      [0.97, 0.03],
      [0.03, 0.97],
      [0.97, 0.97],
    ].map(([fx, fy]) => paperLevel(prepared.raster, fx!, fy!));
    expect(Math.max(...corners) / Math.min(...corners)).toBeLessThan(1.03);
    // The same corners of the page only cut out and squared: the light falls off by 8%
    // towards one side.
    const squared = rectify(photo, prepared.quad!);
    const before = [
      [0.03, 0.03],
      [0.97, 0.03],
      [0.03, 0.97],
      [0.97, 0.97],
    ].map(([fx, fy]) => paperLevel(squared, fx!, fy!));
    expect(Math.max(...before) / Math.min(...before)).toBeGreaterThan(1.06);
  });
});
