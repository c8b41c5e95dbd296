// Writes a pack's zip (zip-reader.ts reads it back strictly): UTF-8 names, a fixed
// modification time, JPG and PDF stored, text deflated.
import { zipSync, type Zippable } from 'fflate';
import type { PackEntry } from './build-input';

/** JPG and PDF are compressed already: stored as they are; text is deflated. */
export function zipEntries(entries: readonly PackEntry[], createdAt: string): Uint8Array {
  const parsed = new Date(createdAt);
  const mtime =
    Number.isNaN(parsed.getTime()) || parsed.getFullYear() < 1980
      ? new Date('2000-01-01T00:00:00Z')
      : parsed;
  const zippable: Zippable = {};
  for (const { name, bytes } of entries) {
    const compressed = /\.(jpg|pdf)$/i.test(name);
    // Made on "Unix" (os 3) with mode 0644: Info-ZIP's unzip (Debian) then honours the UTF-8
    // name flag, which it ignores for entries that claim to come from MS-DOS.
    zippable[name] = [bytes, { level: compressed ? 0 : 6, mtime, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(zippable);
}
