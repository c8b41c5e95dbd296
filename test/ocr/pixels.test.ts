// Page preparation and PP-OCR post-processing on synthetic pixels: the parts of the OCR
// pipeline that are plain arithmetic.
import { describe, expect, it } from 'vitest';
import { preferCjkWidths, dropNestedBoxes } from '../../src/ocr/engine';
import { readImageDimensions } from '../../src/core/intake';
import { isTruncatedImage } from '../../src/ocr/image-header';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { ctcAlphabet, ctcGreedyDecode } from '../../src/ocr/paddle/ctc';
import { dbBoxes, separateNeighbours } from '../../src/ocr/paddle/db-postprocess';
import { turnForExifOrientation } from '../../src/ocr/orientation';
import { preparePage } from '../../src/ocr/prepare';
import { estimateLayout } from '../../src/ocr/skew';
import {
  createRaster,
  resize,
  rotateQuarter,
  rotateSmall,
  type Raster,
} from '../../src/ocr/raster';
import { loadFixture } from './support/fixtures';

/** A fake page: rows of dark "characters" (squares with gaps), like printed CJK text. */
function textPage(width = 800, height = 1000): Raster {
  const page = createRaster(width, height);
  for (let top = 80; top + 24 < height - 80; top += 56) {
    for (let left = 60; left + 24 < width - 60; left += 30) {
      if ((left / 30 + top / 56) % 7 === 0) continue; // word gaps
      for (let y = top; y < top + 24; y++)
        for (let x = left; x < left + 24; x++) {
          const i = (y * width + x) * 4;
          page.data[i] = page.data[i + 1] = page.data[i + 2] = 20;
        }
    }
  }
  return page;
}

describe('page preparation', () => {
  it('measures a 2° skew and the angle that undoes it', () => {
    const skewed = rotateSmall(textPage(), 2);
    expect(estimateLayout(skewed).skewDegrees).toBeCloseTo(-2, 0);
    expect(estimateLayout(rotateSmall(textPage(), -1.5)).skewDegrees).toBeCloseTo(1.5, 0);
  });

  it('sees that a page lies on its side, and that an upright one does not', () => {
    expect(estimateLayout(textPage()).sideways).toBe(false);
    expect(estimateLayout(rotateQuarter(textPage(), 90)).sideways).toBe(true);
  });

  it("measures the text lines' height, at any page resolution", () => {
    // textPage draws 24 px lines: the detector's input is scaled from this.
    const small = preparePage(textPage()).lineHeight ?? 0;
    expect(Math.abs(small - 24)).toBeLessThan(2);
    const large = resize(textPage(), 1600, 2000); // the same page at twice the resolution
    expect(Math.abs((preparePage(large).lineHeight ?? 0) - 48)).toBeLessThan(3);
  });

  it('enlarges bilinearly: edges blend, flat areas stay exact', () => {
    const src = createRaster(2, 1, 0);
    src.data.set([200, 100, 0, 255], 4); // right pixel
    const out = resize(src, 4, 2);
    const red = [0, 1, 2, 3].map((x) => out.data[x * 4]);
    expect(red).toEqual([0, 50, 150, 200]);
    // Both rows alike (the source has one row), alpha opaque.
    expect([...out.data.subarray(16, 32)]).toEqual([...out.data.subarray(0, 16)]);
    expect(out.data[3]).toBe(255);
  });

  it('turns by quarters without losing pixels', () => {
    const page = createRaster(3, 2, 0);
    page.data.set([255, 0, 0, 255], 0); // top-left red
    const turned = rotateQuarter(page, 90);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    expect([...turned.data.subarray(4, 8)]).toEqual([255, 0, 0, 255]); // now top-right
    const back = rotateQuarter(rotateQuarter(rotateQuarter(turned, 90), 90), 90);
    expect([...back.data]).toEqual([...page.data]);
  });

  it('maps EXIF orientations to the clockwise turn that makes the image upright', () => {
    expect([1, 3, 6, 8, undefined].map(turnForExifOrientation)).toEqual([0, 180, 90, 270, 0]);
  });

  it('reads image dimensions from headers, and sees a cut-off file', async () => {
    const f = await loadFixture('id-front-kai-0-photo');
    const decoded = await nodeImageCodec.decode(f.bytes, 'image/jpeg');
    expect(readImageDimensions(f.bytes, 'image/jpeg')).toEqual({
      width: decoded.width,
      height: decoded.height,
    });
    expect(isTruncatedImage(f.bytes, 'image/jpeg')).toBe(false);
    expect(isTruncatedImage(f.bytes.subarray(0, f.bytes.length - 100), 'image/jpeg')).toBe(true);
    const png = await nodeImageCodec.encode(createRaster(7, 5), 'png');
    expect(readImageDimensions(png, 'image/png')).toEqual({ width: 7, height: 5 });
    expect(isTruncatedImage(png, 'image/png')).toBe(false);
  });
});

describe('PP-OCR post-processing', () => {
  it('separates two text lines that touch at the pixel threshold', () => {
    const width = 200;
    const height = 60;
    const data = new Float32Array(width * height);
    const fill = (x0: number, y0: number, x1: number, y1: number, p: number): void => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = p;
    };
    fill(10, 10, 190, 20, 0.95);
    fill(10, 36, 120, 46, 0.95);
    fill(10, 20, 20, 36, 0.4); // a faint bridge between them
    const boxes = dbBoxes({ width, height, data });
    expect(boxes).toHaveLength(2);
    expect(boxes.every((b) => b.h < 26)).toBe(true);
  });

  it('cuts grown neighbour boxes apart between their cores, so no glyph is read twice', () => {
    const label = { x: 0, y: 0, w: 120, h: 40, score: 1, pad: 10 }; // core ends at 110
    const value = { x: 100, y: 2, w: 200, h: 40, score: 1, pad: 10 }; // core starts at 110
    const [a, b] = separateNeighbours([label, { ...value, x: 115 }]);
    expect(a!.x + a!.w).toBeCloseTo(117.5);
    expect(b!.x).toBeCloseTo(117.5);
    // Boxes on different rows are left alone.
    const [c] = separateNeighbours([label, { ...value, y: 60 }]);
    expect(c!.w).toBe(120);
  });

  it('drops a speck detected inside a text line', () => {
    const line = { x: 0, y: 0, w: 300, h: 40 };
    const speck = { x: 10, y: 10, w: 8, h: 10 };
    expect(dropNestedBoxes([line, speck])).toEqual([line]);
  });

  it('lets no hollow box (a diagonal watermark line, a frame) swallow the lines under it', () => {
    const diagonal = { x: 0, y: 0, w: 800, h: 500, fill: 0.05 };
    const line = { x: 100, y: 200, w: 300, h: 30, fill: 0.9 };
    expect(dropNestedBoxes([diagonal, line])).toEqual([diagonal, line]);
  });

  it('gives a diagonal line its own pixels only: a line inside its bounding box comes out once', () => {
    const width = 400;
    const height = 300;
    const data = new Float32Array(width * height);
    // A diagonal stroke, 6 px thick, corner to corner: it fills little of its box.
    for (let x = 0; x < width; x++) {
      const y0 = Math.round((x * (height - 6)) / width);
      for (let y = y0; y < y0 + 6; y++) data[y * width + x] = 0.9;
    }
    // A horizontal text line lying inside the diagonal's box, apart from it.
    for (let y = 40; y < 60; y++) for (let x = 220; x < 380; x++) data[y * width + x] = 0.95;
    const boxes = dbBoxes({ width, height, data });
    const lines = boxes.filter((b) => b.y > 20 && b.y < 50 && b.w > 150 && b.w < 220);
    expect(lines).toHaveLength(1);
    expect(boxes.find((b) => b.w > 380)?.fill).toBeLessThan(0.3);
  });

  it('decodes CTC output: repeats collapse, blanks separate, the last key is a space', () => {
    const alphabet = ctcAlphabet('营\n业\n');
    expect(alphabet).toEqual(['', '营', '业', ' ']);
    const steps = [1, 1, 0, 1, 2, 2, 3, 0];
    const probs = new Float32Array(steps.length * 4);
    steps.forEach((c, t) => (probs[t * 4 + c] = 0.9));
    const decoded = ctcGreedyDecode(probs, steps.length, 4, alphabet);
    expect(decoded.text).toBe('营营业 ');
    expect(decoded.charCentres[0]).toBe(1);
  });

  it("keeps a character's runners-up over its time steps, best first, not noise or blanks", () => {
    const alphabet = ctcAlphabet('余\n佘\n馀\n');
    // 余 over two steps with 佘 behind (0.1, then 0.3), 馀 at noise level, a blank step.
    const rows = [
      [0.05, 0.85, 0.1, 0.002, 0],
      [0.1, 0.6, 0.3, 0.003, 0],
      [0.99, 0.004, 0.003, 0.003, 0],
      [0, 0.999, 0.001, 0, 0],
    ];
    const decoded = ctcGreedyDecode(new Float32Array(rows.flat()), rows.length, 5, alphabet);
    expect(decoded.text).toBe('余余');
    expect(decoded.charAlternatives[0]?.map((a) => a.text)).toEqual(['佘']);
    expect(decoded.charAlternatives[0]?.[0]?.p).toBeCloseTo(0.3, 5);
    expect(decoded.charAlternatives[1]).toEqual([]);
  });

  it('reads half-width brackets and colons touching Chinese as full-width', () => {
    expect(preferCjkWidths('上海某某有限公司(浦东分部)')).toBe('上海某某有限公司（浦东分部）');
    expect(preferCjkWidths('经营范围:技术开发;咨询')).toBe('经营范围：技术开发；咨询');
    expect(preferCjkWidths('ABC (1): x')).toBe('ABC (1): x');
  });
});
