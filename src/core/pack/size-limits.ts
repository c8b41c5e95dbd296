// A pack is checked against the limits `dossier verify` reads (zip-reader.ts) before it is
// written: a pack verify would refuse is never made.
import { PackTooLargeError } from './errors';
import { formatBytes } from './format';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-reader';

export interface SizedEntry {
  name: string;
  bytes: { length: number };
}

/**
 * Throws when the entries, with `reserved` more (entries still to come: accounts.csv,
 * report.pdf, manifest.json, signature.json), are over the limits. Names the largest.
 */
export function assertWithinVerifyLimits(
  entries: readonly SizedEntry[],
  reserved = 0,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): void {
  const largest = [...entries].sort((a, b) => b.bytes.length - a.bytes.length);
  const named = largest
    .slice(0, 3)
    .map((e) => `${e.name} ${formatBytes(e.bytes.length)}`)
    .join(', ');
  if (entries.length + reserved > limits.maxEntries) {
    throw new PackTooLargeError(
      `The pack would hold ${entries.length + reserved} files, over the ${limits.maxEntries} that dossier verify accepts: set documents aside or split the dossier.`,
    );
  }
  const over = largest.find((e) => e.bytes.length > limits.maxEntryBytes);
  if (over) {
    throw new PackTooLargeError(
      `${over.name} would be ${formatBytes(over.bytes.length)} in the pack, over the ${formatBytes(limits.maxEntryBytes)} that dossier verify accepts for one file.`,
    );
  }
  const total = entries.reduce((n, e) => n + e.bytes.length, 0);
  if (total > limits.maxTotalBytes) {
    throw new PackTooLargeError(
      `The pack would hold ${formatBytes(total)}, over the ${formatBytes(limits.maxTotalBytes)} that dossier verify accepts (largest: ${named}): set documents aside or split the dossier.`,
    );
  }
}
