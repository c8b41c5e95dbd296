// Red seal (公章 / 业务专用章) detection: red-ink segmentation, then a ring test on each
// red shape (a seal's outer ring is one closed stroke, nearly round or oval, of a size
// relative to the page). A filled red disc (the ID card's emblem), a red frame around
// the page or red text fail the test.
import { components, dilate, type Component, type Rect, type RgbaImage } from './pixels';

export interface SealCandidate extends Rect {
  /** 0..1: angular coverage of the ring times how much of the shape lies on it. */
  score: number;
}

/** Seal diameter as a share of the page's long side: 15 mm to 95 mm on A4. */
const MIN_DIAMETER = 0.05;
const MAX_DIAMETER = 0.32;
/** Share of the shape's pixels near the fitted ellipse. */
const MIN_RING_SHARE = 0.5;
/** Share of 32 angular sectors in which the ring has ink (a stamp may be faint in places). */
const MIN_COVERAGE = 0.7;
/** Share of the bounding box the shape fills (a disc fills 0.79, a ring far less). */
const MAX_FILL = 0.5;

/** Red ink: red clearly above green and blue, whether printed, stamped or over black text. */
export function isRedInk(r: number, g: number, b: number): boolean {
  return r >= 100 && r - g >= 55 && r - b >= 40;
}

export function redMask(image: RgbaImage): Uint8Array {
  const n = image.width * image.height;
  const mask = new Uint8Array(n);
  const d = image.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    if (isRedInk(d[j]!, d[j + 1]!, d[j + 2]!)) mask[i] = 1;
  }
  return mask;
}

function ringScore(comp: Component, width: number): number {
  const bw = comp.maxX - comp.minX + 1;
  const bh = comp.maxY - comp.minY + 1;
  const cx = (comp.minX + comp.maxX) / 2;
  const cy = (comp.minY + comp.maxY) / 2;
  const rx = bw / 2;
  const ry = bh / 2;
  const sectors = new Uint8Array(32);
  let onRing = 0;
  for (const p of comp.pixels) {
    const x = p % width;
    const y = (p - x) / width;
    const dx = (x - cx) / rx;
    const dy = (y - cy) / ry;
    const nd = Math.sqrt(dx * dx + dy * dy);
    if (nd >= 0.72 && nd <= 1.12) {
      onRing++;
      const a = Math.atan2(dy, dx);
      sectors[Math.min(31, Math.floor(((a + Math.PI) / (2 * Math.PI)) * 32))] = 1;
    }
  }
  const coverage = sectors.reduce((s, v) => s + v, 0) / 32;
  const ringShare = onRing / comp.pixels.length;
  const fill = comp.pixels.length / (bw * bh);
  if (ringShare < MIN_RING_SHARE || coverage < MIN_COVERAGE || fill > MAX_FILL) return 0;
  return Math.min(1, coverage * Math.min(1, ringShare / 0.8));
}

/**
 * Red seals on a page (best first), in the image's pixels. The image should be reduced
 * to about 1000 px on the long side (a ring stroke is then 2-6 px).
 */
export function findSeals(image: RgbaImage): SealCandidate[] {
  const { width, height } = image;
  const long = Math.max(width, height);
  // Closes the small gaps of a faint or JPEG-smeared ring stroke.
  const mask = dilate(redMask(image), width, height, 1);
  const minPixels = Math.round(Math.PI * MIN_DIAMETER * long * 0.6);
  const found: SealCandidate[] = [];
  for (const comp of components(mask, width, height, minPixels)) {
    const bw = comp.maxX - comp.minX + 1;
    const bh = comp.maxY - comp.minY + 1;
    const diameter = Math.max(bw, bh);
    if (diameter < MIN_DIAMETER * long || diameter > MAX_DIAMETER * long) continue;
    if (Math.min(bw, bh) / diameter < 0.55) continue;
    const score = ringScore(comp, width);
    if (score > 0) found.push({ x: comp.minX, y: comp.minY, w: bw, h: bh, score });
  }
  return found.sort((a, b) => b.score - a.score);
}
