// Reads a zip that came from elsewhere without trusting it. The archive must be laid out
// exactly as a plain zip writer lays it out: local entries back to back from byte 0, then
// the central directory, then the end record and nothing after it. Each entry is a
// regular file (no folder, symlink or device), its local header agrees with the central
// directory, it is inflated chunk by chunk and stopped as soon as it passes its declared
// size, and its CRC-32 is checked. Caps apply to the bytes actually produced.
import { Inflate, strFromU8, strToU8 } from 'fflate';
import { PackReadError } from './errors';

export interface ZipLimits {
  /** Most entries accepted. */
  maxEntries: number;
  /** Most bytes of all entries together, uncompressed. */
  maxTotalBytes: number;
  /** Most bytes of one entry, uncompressed. */
  maxEntryBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxTotalBytes: 256 * MB,
  maxEntryBytes: 128 * MB,
};

/** Why an entry name is unsafe to extract, or null when it is safe. */
export function unsafeEntryReason(name: string): string | null {
  if (name === '') return 'has an empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has a control character in its name';
  if (name.includes('\\')) return 'uses a backslash, which Windows reads as a folder separator';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the pack with ".."';
  if (name.endsWith('/')) return 'is a folder, and a pack holds files only';
  return null;
}

export interface ZipEntryInfo {
  name: string;
  compressedBytes: number;
  bytes: number;
}

interface CentralEntry extends ZipEntryInfo {
  method: number;
  crc: number;
  localOffset: number;
  /** Where the compressed data starts and ends, from the local header. */
  dataStart: number;
  dataEnd: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;
/** General-purpose flags allowed: deflate options (bits 1-2) and UTF-8 names (bit 11). */
const ALLOWED_FLAGS = 0x0806;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
/** MS-DOS attribute bits: directory, volume label. */
const DOS_NOT_FILE = 0x10 | 0x08;

const refuse = (message: string): never => {
  throw new PackReadError(message);
};

function findEnd(zip: Uint8Array, view: DataView): number {
  const minEnd = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= minEnd; at--) {
    if (view.getUint32(at, true) !== SIG.end) continue;
    const commentLength = view.getUint16(at + 20, true);
    if (at + 22 + commentLength === zip.length) return at;
    return refuse('The zip has data after its end record: the pack is refused.');
  }
  return refuse('The file is not a readable zip archive.');
}

function entryName(raw: Uint8Array): string {
  const name = strFromU8(raw);
  // strFromU8 replaces invalid UTF-8 silently; a name that does not round-trip is not UTF-8.
  const back = strToU8(name);
  if (back.length !== raw.length || back.some((b, i) => b !== raw[i]))
    refuse('An entry name is not valid UTF-8: the pack is refused.');
  return name;
}

/** Parses and cross-checks both directories, inflating nothing. */
function readDirectory(zip: Uint8Array, limits: ZipLimits): CentralEntry[] {
  if (zip.length < 22) refuse('The file is not a readable zip archive.');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEnd(zip, view);
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const countHere = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || cdDisk !== 0 || countHere !== count)
    refuse('The zip spans several disks or is ZIP64: the pack is refused.');
  if (count > limits.maxEntries)
    refuse(`The zip holds more than ${limits.maxEntries} entries: the pack is refused.`);
  if (cdOffset + cdSize !== end)
    refuse(
      'The zip has data between its central directory and its end record: the pack is refused.',
    );

  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== SIG.central)
      refuse('The zip central directory is damaged: the pack is refused.');
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedBytes = view.getUint32(at + 20, true);
    const bytes = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) refuse('The zip central directory is damaged: the pack is refused.');
    const rawName = zip.subarray(at + 46, at + 46 + nameLength);
    const name = entryName(rawName);
    const label = `The entry "${name}"`;
    const reason = unsafeEntryReason(name);
    if (reason) refuse(`${label} ${reason}: the pack is refused.`);
    if (names.has(name)) refuse(`${label} appears twice: the pack is refused.`);
    names.add(name);
    const mode = madeBy === 3 ? external >>> 16 : 0;
    if ((mode !== 0 && (mode & S_IFMT) !== S_IFREG) || (external & DOS_NOT_FILE) !== 0)
      refuse(`${label} is not a regular file (a link, folder or device): the pack is refused.`);
    if (flags & ~ALLOWED_FLAGS)
      refuse(`${label} is encrypted or uses zip features a pack never uses: the pack is refused.`);
    if (method !== 0 && method !== 8)
      refuse(
        `${label} uses compression method ${method}, not stored or deflate: the pack is refused.`,
      );
    if (method === 0 && compressedBytes !== bytes)
      refuse(`${label} is stored but its two sizes differ: the pack is refused.`);
    if (bytes > limits.maxEntryBytes)
      refuse(
        `${label} would unpack to more than ${Math.round(limits.maxEntryBytes / MB)} MB: the pack is refused.`,
      );
    declaredTotal += bytes;
    if (declaredTotal > limits.maxTotalBytes)
      refuse(
        `The zip would unpack to more than ${Math.round(limits.maxTotalBytes / MB)} MB: the pack is refused.`,
      );

    // The local header must say the same as the central directory.
    if (localOffset + 30 > cdOffset || view.getUint32(localOffset, true) !== SIG.local)
      refuse(`${label} has no local header where the directory points: the pack is refused.`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const localName = zip.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    const agrees =
      view.getUint16(localOffset + 6, true) === flags &&
      view.getUint16(localOffset + 8, true) === method &&
      view.getUint32(localOffset + 14, true) === crc &&
      view.getUint32(localOffset + 18, true) === compressedBytes &&
      view.getUint32(localOffset + 22, true) === bytes &&
      localNameLength === nameLength &&
      localName.every((b, j) => b === rawName[j]);
    if (!agrees)
      refuse(
        `${label} has a local header that differs from the zip directory: the pack is refused.`,
      );
    entries.push({
      name,
      compressedBytes,
      bytes,
      method,
      crc,
      localOffset,
      dataStart,
      dataEnd: dataStart + compressedBytes,
    });
    at = next;
  }
  if (at !== end) refuse('The zip central directory is damaged: the pack is refused.');

  // Entries back to back from byte 0 up to the directory: no hidden or shared bytes.
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset !== expected)
      refuse(
        `The zip has bytes no entry accounts for before "${entry.name}": the pack is refused.`,
      );
    expected = entry.dataEnd;
  }
  if (expected !== cdOffset)
    refuse('The zip has bytes no entry accounts for before its directory: the pack is refused.');
  return entries;
}

/** Lists the entries after checking both directories, inflating nothing. */
export function listZipEntries(
  zip: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntryInfo[] {
  return readDirectory(zip, limits).map(({ name, compressedBytes, bytes }) => ({
    name,
    compressedBytes,
    bytes,
  }));
}

let crcTable: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Compressed bytes fed per step: one step can produce at most ~1,000× this. */
const INFLATE_STEP = 16 * 1024;

/** Inflates into a buffer of the declared size, refusing the first byte beyond it. */
function inflateBounded(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > size)
      refuse(
        `The entry "${name}" inflates to more than the size its zip directory declares: the pack is refused.`,
      );
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(data.length, at + INFLATE_STEP);
      inflate.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof PackReadError) throw error;
    refuse(`The entry "${name}" is damaged and could not be inflated: the pack is refused.`);
  }
  if (!ended || written !== size)
    refuse(`The entry "${name}" does not match the size its zip directory declares.`);
  return out;
}

/** Reads every entry of a zip that passes the checks above; names map to their bytes. */
export function readZipSafely(
  zip: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of readDirectory(zip, limits)) {
    const data = zip.subarray(entry.dataStart, entry.dataEnd);
    const bytes = entry.method === 0 ? data.slice() : inflateBounded(data, entry.bytes, entry.name);
    total += bytes.length;
    if (total > limits.maxTotalBytes)
      refuse(
        `The zip unpacks to more than ${Math.round(limits.maxTotalBytes / MB)} MB: the pack is refused.`,
      );
    if (crc32(bytes) !== entry.crc)
      refuse(
        `The entry "${entry.name}" fails its CRC-32 check (its bytes were damaged or edited): the pack is refused.`,
      );
    out.set(entry.name, bytes);
  }
  return out;
}
