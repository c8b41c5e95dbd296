// Bad inputs as people really hand them over, built in the test rather than committed:
// a gigapixel PNG header, an image cut short, an image whose data is garbage, random
// bytes, an iPhone HEIC photo. Shared by readDocument's and the workspace's tests.
import { nodeImageCodec } from '../../../src/ocr/codec.node.ts';
import { createRaster, type Raster } from '../../../src/ocr/raster';
import { pngHeader as pngHeaderWithFiller } from '../../support/file-headers';

/** A PNG signature and IHDR declaring width × height, and nothing else (no filler). */
export function pngHeader(width: number, height: number): Uint8Array {
  return pngHeaderWithFiller(width, height, 0);
}

/** Deterministic noise (a linear congruential generator), so a failure can be replayed. */
export function noiseBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A small photo-like raster: noise, so that its JPEG scan is long enough to cut. */
function noisyRaster(width: number, height: number): Raster {
  const raster = createRaster(width, height);
  const noise = noiseBytes(width * height * 4, 7);
  for (let i = 0; i < raster.data.length; i += 4) {
    raster.data[i] = noise[i]!;
    raster.data[i + 1] = noise[i + 1]!;
    raster.data[i + 2] = noise[i + 2]!;
  }
  return raster;
}

/** A real JPEG (encoded by @napi-rs/canvas), 120 × 80 px. */
export function smallJpeg(): Promise<Uint8Array> {
  return nodeImageCodec.encode(noisyRaster(120, 80), 'jpeg', 0.8);
}

/** A real PNG (encoded by @napi-rs/canvas), 120 × 80 px. */
export function smallPng(): Promise<Uint8Array> {
  return nodeImageCodec.encode(noisyRaster(120, 80), 'png');
}

/** The first half of a real JPEG: its header and part of its scan, no end marker. */
export async function truncatedJpeg(): Promise<Uint8Array> {
  const jpeg = await smallJpeg();
  return jpeg.slice(0, Math.floor(jpeg.length / 2));
}

/**
 * A PNG whose header (40 × 30) and end marker are intact but whose pixel data is
 * garbage: the header checks pass, decoding fails.
 */
export function undecodablePng(): Uint8Array {
  const bytes: number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const chunk = (type: string, data: readonly number[]): void => {
    const n = data.length;
    bytes.push(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    bytes.push(...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0);
  };
  chunk('IHDR', [0, 0, 0, 40, 0, 0, 0, 30, 8, 6, 0, 0, 0]);
  chunk('IDAT', [...noiseBytes(200, 3)]);
  chunk('IEND', []);
  return new Uint8Array(bytes);
}

/** The start of an iPhone photo (ISO-BMFF `ftyp` box, brand heic): not a PDF, JPG or PNG. */
export function heicPhoto(): Uint8Array {
  const head = new TextEncoder().encode('\0\0\0\x18ftypheic\0\0\0\0mif1heic');
  const out = new Uint8Array(4096);
  out.set(head);
  out.set(noiseBytes(4096 - head.length, 5), head.length);
  return out;
}
