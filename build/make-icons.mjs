// Draws the app icon (a document with a check mark on a rounded teal square) and writes
// it in every format electron-builder needs: PNGs for Linux, .ico for Windows, .icns for
// macOS. No external assets or image tools: plain zlib-compressed PNGs in containers.
// Run: node build/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const HERE = dirname(new URL(import.meta.url).pathname);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1), as inside-tests.
const roundedSquare = (x, y, inset, r) => {
  const cx = Math.min(Math.max(x, inset + r), 1 - inset - r);
  const cy = Math.min(Math.max(y, inset + r), 1 - inset - r);
  return (
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r &&
    x >= inset &&
    x <= 1 - inset &&
    y >= inset &&
    y <= 1 - inset
  );
};
const page = (x, y) =>
  x >= 0.27 && x <= 0.73 && y >= 0.2 && y <= 0.8 && !(x > 0.61 && y < 0.2 + (x - 0.61));
const fold = (x, y) =>
  x > 0.61 &&
  x <= 0.73 &&
  y >= 0.2 &&
  y <= 0.32 &&
  y >= 0.2 + (x - 0.61) - 0.0001 &&
  x >= 0.61 &&
  y - 0.2 <= 0.12 &&
  y >= 0.2 + (x - 0.61);
const segment = (x, y, ax, ay, bx, by, w) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= w * w;
};
const check = (x, y) =>
  segment(x, y, 0.36, 0.55, 0.46, 0.65, 0.035) || segment(x, y, 0.46, 0.65, 0.64, 0.42, 0.035);
const line = (x, y, ly) => x >= 0.35 && x <= 0.58 && Math.abs(y - ly) <= 0.012;

function colourAt(x, y) {
  if (!roundedSquare(x, y, 0.04, 0.18)) return [0, 0, 0, 0];
  if (check(x, y)) return [22, 163, 74, 255];
  if (fold(x, y)) return [203, 213, 225, 255];
  if (page(x, y))
    return line(x, y, 0.3) || line(x, y, 0.37) ? [148, 163, 184, 255] : [255, 255, 255, 255];
  return [15, 76, 92, 255];
}

function render(size) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          acc[0] += c[0] * c[3];
          acc[1] += c[1] * c[3];
          acc[2] += c[2] * c[3];
          acc[3] += c[3];
        }
      }
      const o = (py * size + px) * 4;
      const a = acc[3] / (samples * samples);
      rgba[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      rgba[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      rgba[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      rgba[o + 3] = Math.round(a);
    }
  }
  return png(size, rgba);
}

/** A .ico holding PNG images (Windows Vista and later read PNG entries). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** An .icns holding PNG images under their OSType codes. */
function icns(images) {
  const parts = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const images = new Map(SIZES.map((s) => [s, render(s)]));
mkdirSync(join(HERE, 'icons'), { recursive: true });
for (const s of SIZES.filter((s) => s <= 512))
  writeFileSync(join(HERE, 'icons', `${s}x${s}.png`), images.get(s));
writeFileSync(join(HERE, 'icon.png'), images.get(1024));
writeFileSync(
  join(HERE, 'icon.ico'),
  ico([16, 32, 48, 64, 128, 256].map((size) => ({ size, data: images.get(size) }))),
);
writeFileSync(
  join(HERE, 'icon.icns'),
  icns([
    { type: 'icp4', data: images.get(16) },
    { type: 'icp5', data: images.get(32) },
    { type: 'icp6', data: images.get(64) },
    { type: 'ic07', data: images.get(128) },
    { type: 'ic08', data: images.get(256) },
    { type: 'ic09', data: images.get(512) },
    { type: 'ic10', data: images.get(1024) },
  ]),
);
console.log('wrote build/icon.png, build/icon.ico, build/icon.icns and build/icons/*.png');
