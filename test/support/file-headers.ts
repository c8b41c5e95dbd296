// Synthetic file headers: the first bytes of a PNG, JPEG, WebP or TIFF stating a size, and a
// PDF-looking file with a number of pages, for what reads a file's kind and dimensions
// without decoding it (never decoded). Filler bytes are random, so that files differ.
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u24le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Random filler so that files differ (no duplicate) and do not compress. */
export function filler(length: number): number[] {
  const out = new Uint8Array(length);
  globalThis.crypto.getRandomValues(out);
  return [...out];
}

function bytes(parts: number[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(parts);
}

/** A PNG signature and IHDR stating width × height, then filler (never decoded). */
export function pngHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32be(13),
    ...ascii('IHDR'),
    ...u32be(width),
    ...u32be(height),
    8,
    6,
    0,
    0,
    0,
    ...u32be(0),
    ...filler(fill),
  ]);
}

/** SOI, an APP0 segment, SOF0 stating height × width, then filler. */
export function jpegHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...u16be(16),
    ...ascii('JFIF'),
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xc0,
    ...u16be(17),
    8,
    ...u16be(height),
    ...u16be(width),
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    ...filler(fill),
  ]);
}

/** RIFF/WEBP with a VP8X chunk (canvas size minus one, 24-bit little-endian). */
export function webpHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    ...ascii('RIFF'),
    ...u32le(100),
    ...ascii('WEBP'),
    ...ascii('VP8X'),
    ...u32le(10),
    0,
    0,
    0,
    0,
    ...u24le(width - 1),
    ...u24le(height - 1),
    ...filler(fill),
  ]);
}

/** Little-endian TIFF with one IFD holding ImageWidth and ImageLength (LONG). */
export function tiffHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    0x49,
    0x49,
    0x2a,
    0x00,
    ...u32le(8),
    ...u16le(2),
    ...u16le(256),
    ...u16le(4),
    ...u32le(1),
    ...u32le(width),
    ...u16le(257),
    ...u16le(4),
    ...u32le(1),
    ...u32le(height),
    ...u32le(0),
    ...filler(fill),
  ]);
}

/** A minimal PDF-looking file with `pages` page objects. */
export function pdfFile(pages: number): Uint8Array<ArrayBuffer> {
  let body = '%PDF-1.7\n';
  for (let i = 0; i < pages; i++) body += `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`;
  body += `2 0 obj << /Type /Pages /Count ${pages} >> endobj\n%%EOF\n`;
  return bytes([...ascii(body), ...filler(32)]);
}
