// The one intake policy: which files the app takes in and within which limits. The vault
// (import), the reader (src/ocr), the CLI and the interface (file pickers, the import
// hint) all ask admit(), so what the screen invites is what the code reads end to end.
// Types are taken from magic bytes (file-type.ts), never from names; image dimensions
// from headers, before anything is decoded, so a decompression bomb is refused up front.
import type { ReadProblem } from './extraction';
import { sniffMime } from './file-type';

/**
 * The types admitted: those the reader reads end to end in both hosts (PDF text layers,
 * OCR of JPEG and PNG and of image-only PDFs). WebP, TIFF and HEIC are recognised by
 * file-type.ts but refused here until the reader and the review screen decode them.
 */
export const ADMITTED_TYPES = [
  { mime: 'application/pdf', label: 'PDF', extensions: ['.pdf'] },
  { mime: 'image/jpeg', label: 'JPG', extensions: ['.jpg', '.jpeg'] },
  { mime: 'image/png', label: 'PNG', extensions: ['.png'] },
] as const;

export type AdmittedMime = (typeof ADMITTED_TYPES)[number]['mime'];

export interface IntakeLimits {
  /** Larger files are refused before they are read. */
  maxFileBytes: number;
  /** An image whose header declares more pixels is refused before it is decoded. */
  maxImagePixels: number;
}

/** 50 MB; 100 megapixels (an A4 page at 600 dpi is 35 MP, a phone photo 12-50 MP). */
export const INTAKE_LIMITS: Readonly<IntakeLimits> = {
  maxFileBytes: 50 * 1024 * 1024,
  maxImagePixels: 100_000_000,
};

/** What a file picker offers: the admitted extensions and types. */
export const ACCEPT_ATTRIBUTE = ADMITTED_TYPES.flatMap((t) => [...t.extensions, t.mime]).join(',');

export interface ImageDimensions {
  width: number;
  height: number;
}

/** A refusal: its coded reason (the reader's vocabulary) and the sentence people see. */
export interface Refusal {
  problem: ReadProblem;
  message: string;
}

export type Admission =
  { ok: true; mime: AdmittedMime; dimensions?: ImageDimensions } | ({ ok: false } & Refusal);

const MB = 1024 * 1024;

function refused(problem: ReadProblem, message: string): Admission {
  return { ok: false, problem, message };
}

/** The refusal of a file of `bytes` over the limit (the CLI checks the size before reading). */
export function tooLarge(bytes: number, limits: IntakeLimits = INTAKE_LIMITS): Refusal {
  const size = Math.round(bytes / MB);
  const limit = Math.round(limits.maxFileBytes / MB);
  return {
    problem: { reason: 'too-large', values: { size, limit } },
    message: `The file is ${size} MB, over the ${limit} MB limit.`,
  };
}

const imageLabels = ADMITTED_TYPES.filter((t) => t.mime.startsWith('image/')).map((t) => t.label);
const UNSUPPORTED = `The file is neither a PDF nor a ${imageLabels.join(' or ')} image.`;

/** Type, size and declared pixels of a file: admitted with its type, or refused with a reason. */
export function admit(bytes: Uint8Array, limits: IntakeLimits = INTAKE_LIMITS): Admission {
  if (bytes.length === 0) return refused({ reason: 'empty' }, 'The file is empty (0 bytes).');
  if (bytes.length > limits.maxFileBytes) return { ok: false, ...tooLarge(bytes.length, limits) };
  const mime = sniffMime(bytes);
  const admitted = ADMITTED_TYPES.find((t) => t.mime === mime)?.mime;
  if (admitted === undefined) return refused({ reason: 'unsupported-type' }, UNSUPPORTED);
  if (admitted === 'application/pdf') return { ok: true, mime: admitted };
  const dimensions = readImageDimensions(bytes, admitted);
  if (dimensions === null || dimensions.width === 0 || dimensions.height === 0) {
    return refused(
      { reason: 'damaged' },
      'The image is damaged: its size cannot be read from its header.',
    );
  }
  const { width, height } = dimensions;
  if (width * height > limits.maxImagePixels) {
    const megapixels = Math.round((width * height) / 1e6);
    const limit = Math.round(limits.maxImagePixels / 1e6);
    return refused(
      { reason: 'too-many-pixels', values: { width, height, megapixels, limit } },
      `The image is ${width} × ${height} pixels (${megapixels} megapixels), over the ${limit}-megapixel limit.`,
    );
  }
  return { ok: true, mime: admitted, dimensions };
}

function u16be(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function u32be(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
}

function pngDimensions(b: Uint8Array): ImageDimensions | null {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegDimensions(b: Uint8Array): ImageDimensions | null {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return null;
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const length = u16be(b, o + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isStartOfFrame) return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    o += 2 + length;
  }
  return null;
}

/** Dimensions of a PNG or JPEG from its header; null when the header cannot be read. */
export function readImageDimensions(bytes: Uint8Array, mime: string): ImageDimensions | null {
  if (mime === 'image/png') return pngDimensions(bytes);
  if (mime === 'image/jpeg') return jpegDimensions(bytes);
  return null;
}
