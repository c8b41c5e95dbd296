// The image analysis on synthetic pages whose defects are known by construction.
import { describe, expect, it } from 'vitest';
import { inspectDocument, type PageImage } from '../../src/core/image';
import { colourShare, gridPeriodicity, textSharpness } from '../../src/core/image/detectors';
import { toLuma, type RgbaImage } from '../../src/core/image/pixels';
import { findSeals } from '../../src/core/image/seal';

type Rgb = [number, number, number];

function page(width: number, height: number, paper: Rgb = [255, 255, 255]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = paper[0];
    data[i + 1] = paper[1];
    data[i + 2] = paper[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

function paint(img: RgbaImage, inside: (x: number, y: number) => boolean, colour: Rgb): void {
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (inside(x, y)) {
        const j = (y * img.width + x) * 4;
        img.data[j] = colour[0];
        img.data[j + 1] = colour[1];
        img.data[j + 2] = colour[2];
      }
}

function fill(img: RgbaImage, x0: number, y0: number, w: number, h: number): void {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y0 + h); y++)
    for (let x = Math.max(0, x0); x < Math.min(img.width, x0 + w); x++) {
      const j = (y * img.width + x) * 4;
      img.data[j] = 20;
      img.data[j + 1] = 20;
      img.data[j + 2] = 20;
    }
}

const RED: Rgb = [216, 35, 42];
const ring = (cx: number, cy: number, r: number, t: number) => (x: number, y: number) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - t;
};
const disc = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  Math.hypot(x - cx, y - cy) <= r;

/** Lines of black "characters": random strokes in 18 × 18 cells, like printed text. */
function text(img: RgbaImage, x0: number, y0: number, w: number, rows = 3): void {
  let state = 12345;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
  for (let row = 0; row < rows; row++) {
    for (let cx = x0; cx + 18 <= x0 + w; cx += 21) {
      const cy = y0 + row * 32;
      for (let s = 0; s < 4; s++) {
        const horizontal = next(2) === 0;
        const at = 1 + next(16);
        const from = next(8);
        const to = 10 + next(8);
        if (horizontal) fill(img, cx + from, cy + at, to - from, 3);
        else fill(img, cx + at, cy + from, 3, to - from);
      }
    }
  }
}

function boxBlur(img: RgbaImage, radius: number): RgbaImage {
  const out = page(img.width, img.height);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let n = 0;
        for (let dy = -radius; dy <= radius; dy++)
          for (let dx = -radius; dx <= radius; dx++) {
            const yy = Math.min(img.height - 1, Math.max(0, y + dy));
            const xx = Math.min(img.width - 1, Math.max(0, x + dx));
            sum += img.data[(yy * img.width + xx) * 4 + c]!;
            n++;
          }
        out.data[(y * img.width + x) * 4 + c] = sum / n;
      }
  return out;
}

function a4(image: RgbaImage, vector = false): PageImage {
  return { page: 0, image, width: image.width, height: image.height, vector };
}

describe('seal detection', () => {
  it('finds a red ring of seal size and reports its box', () => {
    const img = page(700, 990);
    paint(img, ring(500, 760, 66, 5), RED);
    paint(img, disc(500, 750, 14), RED);
    const seals = findSeals(img);
    expect(seals).toHaveLength(1);
    expect(seals[0]!.x).toBeGreaterThan(425);
    expect(seals[0]!.x).toBeLessThan(440);
    expect(seals[0]!.w).toBeGreaterThan(125);
  });

  it('ignores a filled red disc, a red page frame and a small red ring', () => {
    const img = page(700, 990);
    paint(img, disc(300, 300, 60), RED);
    paint(
      img,
      (x, y) =>
        (x >= 40 && x < 44) ||
        (y >= 40 && y < 44) ||
        (x >= 656 && x < 660) ||
        (y >= 946 && y < 950),
      RED,
    );
    paint(img, ring(500, 700, 12, 3), RED);
    expect(findSeals(img)).toEqual([]);
  });

  it('reports no seal on a bank form without one, and the greyscale case apart', () => {
    const img = page(1240, 1754);
    text(img, 150, 300, 800);
    paint(img, (x, y) => x >= 100 && x < 1140 && (y === 100 || y === 1650), [155, 28, 28]);
    const colour = inspectDocument({ kind: 'bank-permit', pages: [a4(img)] });
    expect(colour.seal).toEqual({ found: false, colour: 'colour', boxes: [] });
    const grey = inspectDocument({
      kind: 'bank-permit',
      pages: [a4(page(1240, 1754, [250, 250, 250]))],
    });
    expect(grey.seal?.colour).toBe('greyscale');
    expect(grey.quality.flags.map((f) => f.flag)).toContain('copy');
  });

  it('maps the seal box into the coordinates of the field boxes', () => {
    const img = page(1240, 1754);
    paint(img, ring(900, 1300, 120, 8), RED);
    // The same page as a text-layer PDF: 595 × 842 points.
    const { seal } = inspectDocument({
      kind: 'bank-permit',
      pages: [{ page: 0, image: img, width: 595.3, height: 841.9, vector: true }],
    });
    expect(seal?.found).toBe(true);
    const box = seal!.boxes[0]!;
    expect(box.role).toBe('bank');
    expect(box.x + box.w / 2).toBeCloseTo((900 * 595.3) / 1240, -1);
    expect(box.y + box.h / 2).toBeCloseTo((1300 * 841.9) / 1754, -1);
  });
});

describe('quality flags', () => {
  it('tells a colour page from a greyscale one', () => {
    const img = page(400, 400);
    paint(img, (x, y) => x < 40 && y < 40, RED);
    expect(colourShare(img)).toBeGreaterThan(0.001);
    expect(colourShare(page(400, 400, [240, 240, 240]))).toBe(0);
  });

  it('measures sharp text above blurred text', () => {
    const img = page(600, 200);
    text(img, 20, 40, 500);
    const region = { x: 10, y: 30, w: 540, h: 110 };
    const sharp = textSharpness(toLuma(img), region)!;
    const blurred = textSharpness(toLuma(boxBlur(img, 3)), region)!;
    expect(sharp).toBeGreaterThan(0.5);
    expect(blurred).toBeLessThan(sharp * 0.6);
  });

  it('flags a blurred field with its region', () => {
    const img = page(620, 877);
    text(img, 200, 400, 300);
    // The fixtures' defocus: a box blur of radius 4 applied twice (degrade.ts).
    const blurred = boxBlur(boxBlur(img, 4), 4);
    const boxes = { bankName: { page: 0, x: 190, y: 390, w: 320, h: 110 } };
    const sharpFlags = inspectDocument({ kind: 'bank-permit', pages: [a4(img)], boxes }).quality
      .flags;
    expect(sharpFlags.filter((f) => f.flag === 'blur')).toEqual([]);
    const flags = inspectDocument({ kind: 'bank-permit', pages: [a4(blurred)], boxes }).quality
      .flags;
    const blur = flags.find((f) => f.flag === 'blur');
    expect(blur?.field).toBe('bankName');
    expect(blur?.region).toMatchObject({ x: 190, y: 390 });
    expect(blur?.reason).toMatch(/bank name is blurred/);
  });

  it('sees a screen pixel grid and not plain text', () => {
    const img = page(800, 800);
    text(img, 50, 100, 600, 10);
    expect(gridPeriodicity(toLuma(img))).toBeLessThan(0.25);
    paint(img, (x, y) => x % 5 === 0 || y % 5 === 0, [170, 170, 170]);
    expect(gridPeriodicity(toLuma(img))).toBeGreaterThan(0.25);
  });

  it('flags glare on a photo, covered areas in the interior, and text cut off at an edge', () => {
    const photo = page(1240, 1754, [214, 208, 196]);
    text(photo, 200, 400, 700);
    paint(photo, disc(500, 430, 120), [255, 255, 255]);
    paint(
      photo,
      (x, y) => (x - 700) ** 2 / 90 ** 2 + (y - 900) ** 2 / 160 ** 2 <= 1,
      [222, 170, 138],
    );
    text(photo, 1000, 1100, 400, 16);
    const boxes = { bankName: { page: 0, x: 190, y: 390, w: 720, h: 100 } };
    const flags = inspectDocument({ kind: 'bank-permit', pages: [a4(photo)], boxes }).quality.flags;
    const byFlag = (f: string) => flags.filter((x) => x.flag === f);
    expect(byFlag('glare')[0]?.field).toBe('bankName');
    expect(byFlag('covered')).toHaveLength(1);
    expect(byFlag('border-incomplete')[0]?.reason).toMatch(/right edge/);
    expect(byFlag('low-resolution')).toEqual([]);
  });

  it('flags a document cut through its text at the stretch of the edge it crosses, not a finger over the desk', () => {
    const cut = page(1240, 1754);
    text(cut, 200, 600, 1200, 3); // runs past the right edge
    const boxes = { address: { page: 0, x: 190, y: 590, w: 1100, h: 100 } };
    const flags = inspectDocument({ kind: 'business-license', pages: [a4(cut)], boxes }).quality
      .flags;
    const border = flags.filter((f) => f.flag === 'border-incomplete');
    expect(border).toHaveLength(1);
    expect(border[0]).toMatchObject({ field: 'address', region: { page: 0 } });
    expect(border[0]?.reason).toMatch(/right edge of the image, through the address/);
    // The region is the stretch of the right edge the three text lines cross.
    const region = border[0]!.region!;
    expect(region.x + region.w).toBe(1240);
    expect(region.y).toBeGreaterThanOrEqual(595);
    expect(region.y + region.h).toBeLessThanOrEqual(700);

    const whole = page(1240, 1754);
    text(whole, 200, 600, 800, 3);
    const clean = inspectDocument({ kind: 'business-license', pages: [a4(whole)] }).quality.flags;
    expect(clean.filter((f) => f.flag === 'border-incomplete')).toEqual([]);

    // A photo: the page on a desk, a finger reaching in over the bottom edge.
    const photo = page(1240, 1754, [118, 104, 92]);
    paint(photo, (x, y) => x > 80 && x < 1160 && y > 100 && y < 1650, [236, 232, 224]);
    text(photo, 200, 600, 800, 3);
    paint(photo, (x, y) => Math.abs(x - 600) < 70 && y > 1400, [214, 168, 140]);
    const finger = inspectDocument({ kind: 'business-license', pages: [a4(photo)] }).quality.flags;
    expect(finger.filter((f) => f.flag === 'border-incomplete')).toEqual([]);
  });

  it('measures resolution from the pixels: A4 in dpi, an ID side by its width', () => {
    const small = inspectDocument({ kind: 'business-license', pages: [a4(page(700, 990))] });
    expect(small.quality.dpi).toBe(85);
    expect(small.quality.flags.find((f) => f.flag === 'low-resolution')?.reason).toMatch(
      /85 dpi, below 150 dpi/,
    );
    const card = page(560, 353);
    paint(card, (x, y) => x < 30 && y < 30, RED);
    const id = inspectDocument({ kind: 'id-card-front', pages: [a4(card)] });
    expect(id.quality.widthPx).toBe(560);
    expect(id.seal).toBeUndefined();
    const vector = inspectDocument({ kind: 'business-license', pages: [a4(page(700, 990), true)] });
    expect(vector.quality).toMatchObject({ flags: [], raster: false });
  });
});

describe('a document that is a part of its page (both ID sides on one A4 copy)', () => {
  // An A4 page at 150 dpi, the box space at half the pixels (as a reader's prepared page).
  const PAGE = { width: 620, height: 877 };
  const front = { x: 80, y: 60, w: 460, h: 300 };
  const back = { x: 80, y: 480, w: 460, h: 300 };

  it('is analysed on its own region, its regions and seals reported on the page', () => {
    const img = page(1240, 1754);
    // The front's name line blurred, the back's text sharp; a red ring on the back only.
    const line = page(560, 80);
    text(line, 20, 20, 500, 1);
    const blurred = boxBlur(boxBlur(line, 4), 4);
    for (let y = 0; y < line.height; y++)
      img.data.set(
        blurred.data.subarray(y * line.width * 4, (y + 1) * line.width * 4),
        ((220 + y) * img.width + 280) * 4,
      );
    text(img, 300, 1100, 500);
    paint(img, ring(900, 1350, 110, 7), RED);
    const pages = [{ page: 0, image: img, ...PAGE, vector: false }];
    const name = { page: 0, x: 145, y: 115, w: 260, h: 30 };
    const frontResult = inspectDocument({
      kind: 'id-card-front',
      pages,
      boxes: { name },
      region: front,
    });
    const blur = frontResult.quality.flags.find((f) => f.flag === 'blur');
    // The field's region in the page's box space, where review draws it.
    expect(blur?.field).toBe('name');
    expect(blur?.region).toMatchObject({ page: 0, x: name.x, y: name.y, w: name.w, h: name.h });
    // The back's ring is not the front's.
    expect(frontResult.seal).toBeUndefined();
    const backResult = inspectDocument({ kind: 'id-card-back', pages, region: back });
    expect(backResult.quality.flags.filter((f) => f.flag === 'blur')).toEqual([]);
    const seal = backResult.seal!.boxes[0]!;
    expect(seal.page).toBe(0);
    expect(seal.x + seal.w / 2).toBeCloseTo(450, -1);
    expect(seal.y + seal.h / 2).toBeCloseTo(675, -1);
  });

  it('takes its resolution from the page and its border from the page edge, not the cut', () => {
    const img = page(1240, 1754);
    // Text crossing the region's right side (inside the page) and the page's left edge.
    text(img, 0, 300, 1000, 3);
    const pages = [{ page: 0, image: img, ...PAGE, vector: false }];
    const inside = inspectDocument({ kind: 'id-card-front', pages, region: { ...front, x: 0 } });
    const border = inside.quality.flags.filter((f) => f.flag === 'border-incomplete');
    expect(border.map((f) => f.reason)).toEqual([expect.stringMatching(/left edge/)]);
    // 85.6 mm of a 150 dpi page, not the region's 920 px.
    expect(inside.quality.widthPx).toBe(505);
    expect(inside.quality.flags.find((f) => f.flag === 'low-resolution')?.value).toBe(505);
    const whole = inspectDocument({ kind: 'id-card-front', pages });
    expect(whole.quality.widthPx).toBe(505);
  });
});
