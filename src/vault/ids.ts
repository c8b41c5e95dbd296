// Record ids: UUIDv7 (RFC 9562), time-ordered and monotonic within a page, so sorting by id
// is creation order even for records made in the same millisecond.
import { toHex } from './envelope';

let lastMs = 0;
let sequence = 0;

export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
  } else {
    lastMs = ms;
    sequence = 0;
  }
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  // 12-bit counter in rand_a keeps ids monotonic within one millisecond.
  b[6] = 0x70 | ((sequence >> 8) & 0x0f);
  b[7] = sequence & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
