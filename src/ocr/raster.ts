// Pixel-level image operations on plain RGBA buffers, shared by Node (decoded with
// @napi-rs/canvas) and the browser (OffscreenCanvas): no canvas, DOM or Node API here.
import { toLuma } from '../core/image/pixels';

/** An RGBA image, 4 bytes per pixel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A single-channel 8-bit image. */
export interface GrayRaster {
  width: number;
  height: number;
  data: Uint8Array;
}

export type QuarterTurn = 0 | 90 | 180 | 270;

export function createRaster(width: number, height: number, fill = 255): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  data.fill(fill);
  return { width, height, data };
}

/** Alpha over white (a transparent PNG must not turn black): the core's one luma rule. */
export function toGray(src: Raster): GrayRaster {
  return toLuma(src);
}

export function grayToRgba(src: GrayRaster): Raster {
  const n = src.width * src.height;
  const data = new Uint8ClampedArray(n * 4);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = src.data[i]!;
    data[j] = v;
    data[j + 1] = v;
    data[j + 2] = v;
    data[j + 3] = 255;
  }
  return { width: src.width, height: src.height, data };
}

/** Rotates clockwise by a multiple of 90°. */
export function rotateQuarter(src: Raster, turn: QuarterTurn): Raster {
  if (turn === 0) return src;
  const { width: w, height: h, data: s } = src;
  const ow = turn === 180 ? w : h;
  const oh = turn === 180 ? h : w;
  const out = new Uint32Array(ow * oh);
  const s32 = new Uint32Array(s.buffer, s.byteOffset, w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let ox: number;
      let oy: number;
      if (turn === 90) {
        ox = h - 1 - y;
        oy = x;
      } else if (turn === 180) {
        ox = w - 1 - x;
        oy = h - 1 - y;
      } else {
        ox = y;
        oy = w - 1 - x;
      }
      out[oy * ow + ox] = s32[y * w + x]!;
    }
  }
  return { width: ow, height: oh, data: new Uint8ClampedArray(out.buffer) };
}

/** Flips left to right (mirrored EXIF orientations 2, 4, 5, 7). */
export function mirrorHorizontal(src: Raster): Raster {
  const { width: w, height: h } = src;
  const s32 = new Uint32Array(src.data.buffer, src.data.byteOffset, w * h);
  const out = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) out[row + x] = s32[row + w - 1 - x]!;
  }
  return { width: w, height: h, data: new Uint8ClampedArray(out.buffer) };
}

/** Rotates by a small angle (degrees, clockwise positive) about the centre, same size, white fill. */
export function rotateSmall(src: Raster, degrees: number): Raster {
  if (Math.abs(degrees) < 0.05) return src;
  const { width: w, height: h, data: d } = src;
  const out = createRaster(w, h);
  const o = out.data;
  const rad = (-degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Source position of pixel (0, y); it moves by (cos, sin) per step in x.
    let sx = -cx * cos - sin * dy + cx;
    let sy = -cx * sin + cos * dy + cy;
    let oi = y * w * 4;
    for (let x = 0; x < w; x++, sx += cos, sy += sin, oi += 4) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue; // stays white
      const fx = sx - x0;
      const fy = sy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const i00 = (y0 * w + x0) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + w * 4;
      const i11 = i01 + 4;
      o[oi] = d[i00]! * w00 + d[i10]! * w10 + d[i01]! * w01 + d[i11]! * w11;
      o[oi + 1] = d[i00 + 1]! * w00 + d[i10 + 1]! * w10 + d[i01 + 1]! * w01 + d[i11 + 1]! * w11;
      o[oi + 2] = d[i00 + 2]! * w00 + d[i10 + 2]! * w10 + d[i01 + 2]! * w01 + d[i11 + 2]! * w11;
    }
  }
  return out;
}

/**
 * Where each of `to` output pixels takes its source pixels from when `from` shrinks to
 * `to` by area: [start, end), at least one pixel, computed once per column or row.
 */
function areaSpans(from: number, to: number): { start: Int32Array; end: Int32Array } {
  const scale = from / to;
  const start = new Int32Array(to);
  const end = new Int32Array(to);
  for (let k = 0; k < to; k++) {
    const k0 = Math.floor(k * scale);
    start[k] = k0;
    end[k] = Math.max(k0 + 1, Math.min(from, Math.floor((k + 1) * scale)));
  }
  return { start, end };
}

/**
 * The mean of each colour channel of `src` over [x0, x1) × [y0, y1), stored into `into`
 * from `at` (red, green, blue; a Uint8ClampedArray rounds it half to even).
 */
function areaMean(
  src: Raster,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  into: Uint8ClampedArray,
  at: number,
): void {
  const d = src.data;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let yy = y0; yy < y1; yy++) {
    let i = (yy * src.width + x0) * 4;
    for (let xx = x0; xx < x1; xx++, i += 4) {
      r += d[i]!;
      g += d[i + 1]!;
      b += d[i + 2]!;
    }
  }
  const n = (y1 - y0) * (x1 - x0);
  into[at] = r / n;
  into[at + 1] = g / n;
  into[at + 2] = b / n;
}

/** Resizes to exactly width × height: area averaging when shrinking, bilinear when enlarging. */
export function resize(src: Raster, width: number, height: number): Raster {
  if (width === src.width && height === src.height) return src;
  const out = createRaster(width, height);
  const sx = src.width / width;
  const sy = src.height / height;
  if (sx >= 1 && sy >= 1) {
    // Area average. Each column's source span is computed once, not per pixel: this
    // shrinks every page to the detector's input.
    const xs = areaSpans(src.width, width);
    const ys = areaSpans(src.height, height);
    const o = out.data;
    for (let y = 0; y < height; y++) {
      const y0 = ys.start[y]!;
      const y1 = ys.end[y]!;
      for (let x = 0, oi = y * width * 4; x < width; x++, oi += 4) {
        areaMean(src, xs.start[x]!, xs.end[x]!, y0, y1, o, oi);
        o[oi + 3] = 255;
      }
    }
    return out;
  }
  // Bilinear, with each column's source pixels and weight computed once: this runs for
  // every recognition crop smaller than the model's input (no per-pixel closures).
  const { width: w, height: h, data: d } = src;
  const xLeft = new Int32Array(width);
  const xRight = new Int32Array(width);
  const xWeight = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    const x0 = Math.floor(fx);
    xLeft[x] = x0 * 4;
    xRight[x] = Math.min(w - 1, x0 + 1) * 4;
    xWeight[x] = fx - x0;
  }
  const o = out.data;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(h - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const wy = fy - y0;
    const top = y0 * w * 4;
    const bottom = Math.min(h - 1, y0 + 1) * w * 4;
    let oi = y * width * 4;
    for (let x = 0; x < width; x++, oi += 4) {
      const wx = xWeight[x]!;
      const l = xLeft[x]!;
      const r = xRight[x]!;
      for (let c = 0; c < 3; c++) {
        const t = d[top + l + c]! * (1 - wx) + d[top + r + c]! * wx;
        const b = d[bottom + l + c]! * (1 - wx) + d[bottom + r + c]! * wx;
        o[oi + c] = t * (1 - wy) + b * wy;
      }
      o[oi + 3] = 255;
    }
  }
  return out;
}

/** Scales so the long side is at most `maxSide` (never enlarges); returns the factor applied. */
export function fitLongSide(src: Raster, maxSide: number): { raster: Raster; scale: number } {
  const long = Math.max(src.width, src.height);
  if (long <= maxSide) return { raster: src, scale: 1 };
  const scale = maxSide / long;
  return {
    raster: resize(
      src,
      Math.max(1, Math.round(src.width * scale)),
      Math.max(1, Math.round(src.height * scale)),
    ),
    scale,
  };
}

/**
 * `toGray(fitLongSide(src, maxSide).raster)` without the scaled RGBA copy: the same grey
 * bytes (each channel's area average rounded as the copy's Uint8ClampedArray rounds it,
 * then the luma of that opaque pixel), in one pass. Page preparation measures its pages
 * on such small grey copies (page-quad.ts, prepare.ts), and making the RGBA copy first
 * and reading it again took as long as the measuring.
 */
export function grayFitLongSide(src: Raster, maxSide: number): { gray: GrayRaster; scale: number } {
  const long = Math.max(src.width, src.height);
  if (long <= maxSide) return { gray: toGray(src), scale: 1 };
  const scale = maxSide / long;
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const d = src.data;
  const out = new Uint8Array(width * height);
  // Each channel's mean stored as resize() stores it (rounded half to even), read back.
  const channel = new Uint8ClampedArray(3);
  const xs = areaSpans(src.width, width);
  const ys = areaSpans(src.height, height);
  for (let y = 0; y < height; y++) {
    const y0 = ys.start[y]!;
    const y1 = ys.end[y]!;
    const oneRow = y1 - y0 === 1;
    for (let x = 0, o = y * width; x < width; x++, o++) {
      const x0 = xs.start[x]!;
      const x1 = xs.end[x]!;
      if (oneRow && x1 - x0 === 1) {
        // A span of one pixel (most of them when the page shrinks by a few percent): its
        // mean is the pixel itself.
        const i = (y0 * src.width + x0) * 4;
        out[o] = Math.round(0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!);
        continue;
      }
      areaMean(src, x0, x1, y0, y1, channel, 0);
      // toLuma of an opaque pixel: its alpha weight is 1 and the white behind it 0.
      out[o] = Math.round(0.299 * channel[0]! + 0.587 * channel[1]! + 0.114 * channel[2]!);
    }
  }
  return { gray: { width, height, data: out }, scale };
}

export function crop(src: Raster, x: number, y: number, w: number, h: number): Raster {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(src.width, Math.ceil(x + w));
  const y1 = Math.min(src.height, Math.ceil(y + h));
  const cw = Math.max(1, x1 - x0);
  const ch = Math.max(1, y1 - y0);
  const out = createRaster(cw, ch);
  for (let yy = 0; yy < ch && y0 + yy < src.height; yy++) {
    const start = ((y0 + yy) * src.width + x0) * 4;
    out.data.set(src.data.subarray(start, start + Math.min(cw, src.width - x0) * 4), yy * cw * 4);
  }
  return out;
}

/**
 * Stretches contrast so the darkest 0.5% maps to black and the brightest 1% to white,
 * which rescues faint scans; an image that already spans the range is returned as is.
 */
export function stretchContrast(src: Raster): Raster {
  // The grey histogram straight from RGBA, as toGray would round it, without the copy.
  const hist = new Uint32Array(256);
  const d = src.data;
  for (let j = 0; j < d.length; j += 4) {
    const y = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
    const alpha = d[j + 3]!;
    if (alpha === 255) {
      hist[Math.round(y)]!++;
      continue;
    }
    const a = alpha / 255;
    hist[Math.round(y * a + 255 * (1 - a))]!++;
  }
  const n = src.width * src.height;
  let lo = 0;
  for (let acc = 0; lo < 255 && (acc += hist[lo]!) < n * 0.005; lo++);
  let hi = 255;
  for (let acc = 0; hi > 0 && (acc += hist[hi]!) < n * 0.01; hi--);
  if (hi - lo < 20 || (lo <= 30 && hi >= 225)) return src;
  const scale = 255 / (hi - lo);
  const out = createRaster(src.width, src.height);
  const o = out.data;
  for (let i = 0; i < d.length; i += 4) {
    o[i] = (d[i]! - lo) * scale;
    o[i + 1] = (d[i + 1]! - lo) * scale;
    o[i + 2] = (d[i + 2]! - lo) * scale;
    o[i + 3] = 255;
  }
  return out;
}

/**
 * The lower of the two thresholds that best split histogram bins [0, end) into three
 * classes (two-level Otsu: largest between-class variance), by cumulative sums.
 */
function darkestClassLimit(hist: Uint32Array, end: number): number {
  const count = new Float64Array(end + 1);
  const moment = new Float64Array(end + 1);
  for (let i = 0; i < end; i++) {
    count[i + 1] = count[i]! + hist[i]!;
    moment[i + 1] = moment[i]! + i * hist[i]!;
  }
  const part = (a: number, b: number): number => {
    const n = count[b]! - count[a]!;
    return n === 0 ? 0 : (moment[b]! - moment[a]!) ** 2 / n;
  };
  let best = -1;
  let limit = end >> 1;
  for (let t1 = 1; t1 < end - 1; t1++) {
    for (let t2 = t1 + 1; t2 < end; t2++) {
      const between = part(0, t1) + part(t1, t2) + part(t2, end);
      if (between > best) {
        best = between;
        limit = t1;
      }
    }
  }
  return limit;
}

/**
 * The grey below which a pixel is of the darkest of the non-paper tones (grey < 240):
 * text, where a lighter watermark and a card's or form's tint are the other two.
 */
export function darkestInkLimit(gray: GrayRaster): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < gray.data.length; i++) hist[gray.data[i]!]!++;
  return darkestClassLimit(hist, 240);
}

/**
 * Whitens every pixel lighter than the darkest ink. The pixels that are not paper
 * (grey < 240) fall in three tones: text, a lighter watermark, and the tint of a card or
 * form; only the darkest is kept (the text, for the detector).
 */
export function keepDarkestInk(src: Raster): Raster {
  const gray = toGray(src);
  const limit = darkestInkLimit(gray);
  const out = createRaster(src.width, src.height);
  for (let i = 0, j = 0; i < gray.data.length; i++, j += 4) {
    if (gray.data[i]! >= limit) continue;
    out.data[j] = src.data[j]!;
    out.data[j + 1] = src.data[j + 1]!;
    out.data[j + 2] = src.data[j + 2]!;
  }
  return out;
}

/** Encodes a gray image as binary PGM (P5), which Leptonica reads without any codec. */
export function encodePgm(src: GrayRaster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${src.width} ${src.height}\n255\n`);
  const out = new Uint8Array(header.length + src.data.length);
  out.set(header, 0);
  out.set(src.data, header.length);
  return out;
}
