// Reads a zip that came from elsewhere without trusting it: every entry name and size is
// checked from the central directory before anything is inflated, and an inflated entry
// can never grow past the size its directory declared.
import { unzipSync } from 'fflate';
import { PackReadError } from './errors';

export interface ZipLimits {
  /** Most entries accepted. */
  maxEntries: number;
  /** Most bytes of all entries together, uncompressed. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 200, maxTotalBytes: 256 * 1024 * 1024 };

/** Why an entry name is unsafe to extract, or null when it is safe. */
export function unsafeEntryReason(name: string): string | null {
  if (name === '') return 'has an empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'has a control character in its name';
  if (name.includes('\\')) return 'uses a backslash, which Windows reads as a folder separator';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the pack with ".."';
  return null;
}

export interface ZipEntryInfo {
  name: string;
  compressedBytes: number;
  bytes: number;
}

/** Lists the entries from the central directory, inflating nothing. */
export function listZipEntries(
  zip: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntryInfo[] {
  const infos: ZipEntryInfo[] = [];
  let total = 0;
  const names = new Set<string>();
  try {
    unzipSync(zip, {
      filter: (file) => {
        const reason = unsafeEntryReason(file.name);
        if (reason)
          throw new PackReadError(`The entry "${file.name}" ${reason}: the pack is refused.`);
        if (names.has(file.name))
          throw new PackReadError(`The entry "${file.name}" appears twice: the pack is refused.`);
        names.add(file.name);
        if (infos.length + 1 > limits.maxEntries) {
          throw new PackReadError(
            `The zip holds more than ${limits.maxEntries} entries: the pack is refused.`,
          );
        }
        total += file.originalSize;
        if (total > limits.maxTotalBytes) {
          throw new PackReadError(
            `The zip would unpack to more than ${Math.round(limits.maxTotalBytes / (1024 * 1024))} MB: the pack is refused.`,
          );
        }
        infos.push({ name: file.name, compressedBytes: file.size, bytes: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof PackReadError) throw error;
    throw new PackReadError('The file is not a readable zip archive.');
  }
  return infos;
}

/** Inflates every file entry (folders are skipped) after listZipEntries accepted the zip. */
export function readZipSafely(
  zip: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const infos = listZipEntries(zip, limits);
  const declared = new Map(infos.map((i) => [i.name, i.bytes]));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, { filter: (file) => !file.name.endsWith('/') });
  } catch {
    throw new PackReadError('The zip archive is damaged: an entry could not be inflated.');
  }
  const out = new Map<string, Uint8Array>();
  for (const { name } of infos) {
    if (name.endsWith('/')) continue;
    // fflate collects entries in a plain object: a name such as "__proto__" never lands in it.
    const bytes = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
    if (!bytes)
      throw new PackReadError(`The entry "${name}" could not be read: the pack is refused.`);
    if (bytes.length !== declared.get(name)) {
      throw new PackReadError(
        `The entry "${name}" does not match the size its zip directory declares.`,
      );
    }
    out.set(name, bytes);
  }
  return out;
}
