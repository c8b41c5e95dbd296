// Synthetic document payloads for the vault benchmarks: incompressible bytes behind a JPEG
// header, like a scan's entropy-coded data (the vault seals them; their content is moot).

/** xorshift32: fast incompressible filler, like a JPEG's entropy-coded data. */
export function filler(bytes: Uint8Array, seed: number): void {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
  let x = (seed * 2 + 1) >>> 0;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
}

/** A JPEG-looking 300-dpi A4 scan: SOI, SOF0 (2480 × 3508), filler. */
export function scan(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  filler(out, seed);
  out.set(
    [
      0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0x0d, 0xb4, 0x09, 0xb0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11,
      1,
    ],
    0,
  );
  return out;
}
