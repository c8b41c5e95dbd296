// Plain pixel buffers and the few operations the image analysis shares. Pure: no canvas,
// DOM or Node API (hosts decode files and pass RGBA in).

/** An RGBA image, 4 bytes per pixel, rows top to bottom (ImageData's layout). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** One 8-bit channel per pixel. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Luma of an RGBA image, transparent pixels over white. */
export function toLuma(src: RgbaImage): GreyImage {
  const n = src.width * src.height;
  const out = new Uint8Array(n);
  const d = src.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const y = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
    const alpha = d[j + 3]!;
    // Opaque: the blend below with weight 1 and no white, which is y itself.
    if (alpha === 255) {
      out[i] = Math.round(y);
      continue;
    }
    const a = alpha / 255;
    out[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width: src.width, height: src.height, data: out };
}

/**
 * Area-average reduction so the long side is at most `maxSide` (integer factor; the
 * image itself when already small enough). Returns the factor used.
 */
export function reduce(src: RgbaImage, maxSide: number): { image: RgbaImage; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.max(src.width, src.height) / maxSide));
  if (factor === 1) return { image: src, factor };
  const w = Math.floor(src.width / factor);
  const h = Math.floor(src.height / factor);
  const out = new Uint8ClampedArray(w * h * 4);
  const area = factor * factor;
  const s = src.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let dy = 0; dy < factor; dy++) {
        let j = ((y * factor + dy) * src.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, j += 4) {
          const alpha = s[j + 3]!;
          if (alpha === 255) {
            // Opaque (nearly every pixel): what the blend below gives exactly, without it.
            r += s[j]!;
            g += s[j + 1]!;
            b += s[j + 2]!;
          } else {
            // Transparent pixels count as white, as toLuma does.
            r += (s[j]! * alpha + 255 * (255 - alpha)) / 255;
            g += (s[j + 1]! * alpha + 255 * (255 - alpha)) / 255;
            b += (s[j + 2]! * alpha + 255 * (255 - alpha)) / 255;
          }
          a += 255;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = r / area;
      out[o + 1] = g / area;
      out[o + 2] = b / area;
      out[o + 3] = a / area;
    }
  }
  return { image: { width: w, height: h, data: out }, factor };
}

/** The q-quantile (0..1) of the `count` 8-bit values counted in `hist` (a bin per value). */
export function histogramQuantile(hist: Uint32Array, count: number, q: number): number {
  const target = q * (count - 1);
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen > target) return v;
  }
  return 255;
}

/**
 * The k-th smallest value (from 0) of `values`, as `values` sorted would hold at index k,
 * found by selection (Hoare's partition, O(n) on average) instead of a sort. Reorders
 * `values`. Ranges still unsettled after 64 partitions are sorted, so no input can make
 * it quadratic.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  for (let round = 0; hi > lo; round++) {
    if (round === 64) {
      values.subarray(lo, hi + 1).sort();
      break;
    }
    // The median of the first, middle and last values as the pivot.
    const a = values[lo]!;
    const b = values[(lo + hi) >> 1]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]; anything between i and j equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Integer rectangle clipped to the image; null when nothing is left. */
export function clip(rect: Rect, width: number, height: number): Rect | null {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.ceil(rect.x + rect.w));
  const y1 = Math.min(height, Math.ceil(rect.y + rect.h));
  return x1 - x0 < 2 || y1 - y0 < 2 ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export interface Component {
  /** Pixel indices (y * width + x) of the component. */
  pixels: number[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** 8-connected components of a binary mask (non-zero = set), iterative flood fill. */
export function components(
  mask: Uint8Array,
  width: number,
  height: number,
  minSize = 1,
): Component[] {
  const seen = new Uint8Array(mask.length);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || seen[start] === 1) continue;
    const comp: Component = { pixels: [], minX: width, minY: height, maxX: 0, maxY: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      comp.pixels.push(p);
      const x = p % width;
      const y = (p - x) / width;
      if (x < comp.minX) comp.minX = x;
      if (x > comp.maxX) comp.maxX = x;
      if (y < comp.minY) comp.minY = y;
      if (y > comp.maxY) comp.maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (mask[q] !== 0 && seen[q] === 0) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    if (comp.pixels.length >= minSize) out.push(comp);
  }
  return out;
}

/** Square dilation of a binary mask by `radius` pixels (separable max). */
export function dilate(
  mask: Uint8Array,
  width: number,
  height: number,
  radius: number,
): Uint8Array {
  if (radius <= 0) return mask;
  const tmp = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    let last = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) last = x;
      if (x - last <= radius) tmp[y * width + x] = 1;
    }
    last = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask[y * width + x]) last = x;
      if (last - x <= radius) tmp[y * width + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    let last = -Infinity;
    for (let y = 0; y < height; y++) {
      if (tmp[y * width + x]) last = y;
      if (y - last <= radius) out[y * width + x] = 1;
    }
    last = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (tmp[y * width + x]) last = y;
      if (last - y <= radius) out[y * width + x] = 1;
    }
  }
  return out;
}
