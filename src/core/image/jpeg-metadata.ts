// JPEG metadata, removed without touching the image data: a lossless walk over the
// segments that keeps what decoding needs (tables, frame, scans, the JFIF header, the ICC
// colour profile and Adobe's colour-transform flag) and drops every other APPn segment
// (EXIF with its GPS position and thumbnail, XMP, IPTC, maker data), comments and any
// bytes after the end-of-image marker (where phones append further pictures).

export interface JpegMetadataReport {
  /** The JPEG without its metadata (the same array when there was none). */
  bytes: Uint8Array;
  /** What was removed, for people: "EXIF (GPS position)", "XMP", "comment", … */
  removed: string[];
  /** The EXIF orientation tag (1–8) when present; decoders turn the image by it. */
  orientation?: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** Orientation and whether IFD0 points to GPS data, from an EXIF APP1 payload ("Exif\0\0" + TIFF). */
function readExif(segment: Uint8Array): { orientation?: number; gps: boolean } {
  const tiff = segment.subarray(6);
  if (tiff.length < 8) return { gps: false };
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return { gps: false };
  const u16 = (at: number) =>
    little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!;
  const u32 = (at: number) =>
    little ? u16(at) + u16(at + 2) * 0x10000 : u16(at) * 0x10000 + u16(at + 2);
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return { gps: false };
  const count = u16(ifd);
  let orientation: number | undefined;
  let gps = false;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    const tag = u16(entry);
    if (tag === 0x0112) orientation = u16(entry + 8);
    if (tag === 0x8825) gps = true;
  }
  return {
    orientation: orientation && orientation >= 1 && orientation <= 8 ? orientation : undefined,
    gps,
  };
}

/** What an APPn segment is, or null when decoding needs it. */
function metadataLabel(marker: number, payload: Uint8Array): string | null {
  if (marker === COM) return 'comment';
  if (marker < 0xe0 || marker > 0xef) return null;
  if (marker === 0xe0 && ascii(payload, 0, 'JFIF\0')) return null;
  if (marker === 0xe2 && ascii(payload, 0, 'ICC_PROFILE\0')) return null;
  if (marker === 0xee && ascii(payload, 0, 'Adobe')) return null;
  if (marker === 0xe1 && ascii(payload, 0, 'Exif\0')) return 'EXIF';
  if (marker === 0xe1 && ascii(payload, 0, 'http://ns.adobe.com/')) return 'XMP';
  if (marker === 0xed) return 'IPTC';
  return `APP${marker - 0xe0} data`;
}

/**
 * The JPEG's metadata removed, or null when the bytes are not a JPEG whose segments can
 * be walked (one runs past the end): such a file is re-encoded instead.
 */
export function stripJpegMetadata(bytes: Uint8Array): JpegMetadataReport | null {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const keep: [number, number][] = [[0, 2]];
  const removed = new Set<string>();
  let orientation: number | undefined;
  let i = 2;
  for (;;) {
    if (i + 2 > bytes.length || bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte before a marker
      continue;
    }
    if (marker === EOI) {
      keep.push([i, i + 2]);
      if (i + 2 < bytes.length) removed.add('data after the end of the image');
      break;
    }
    if (i + 4 > bytes.length) return null;
    const end = i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    if (end > bytes.length || end < i + 4) return null;
    const payload = bytes.subarray(i + 4, end);
    const label = metadataLabel(marker, payload);
    if (label === 'EXIF') {
      const exif = readExif(payload);
      orientation ??= exif.orientation;
      removed.add(exif.gps ? 'EXIF (GPS position)' : 'EXIF');
    } else if (label) removed.add(label);
    if (!label) keep.push([i, end]);
    i = end;
    if (marker === SOS) {
      // Entropy-coded data: 0xFF is followed by a stuffed 0x00 or a restart marker until
      // the next real marker.
      const start = i;
      while (i + 1 < bytes.length) {
        if (bytes[i] === 0xff) {
          const next = bytes[i + 1]!;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        i++;
      }
      if (i + 1 >= bytes.length) {
        // Cut short before its end marker: kept as it is (decoders show what is there).
        keep.push([start, bytes.length]);
        break;
      }
      keep.push([start, i]);
    }
  }
  if (removed.size === 0) return { bytes, removed: [], ...(orientation ? { orientation } : {}) };
  const out = new Uint8Array(keep.reduce((n, [a, b]) => n + b - a, 0));
  let at = 0;
  for (const [a, b] of keep) {
    out.set(bytes.subarray(a, b), at);
    at += b - a;
  }
  return { bytes: out, removed: [...removed], ...(orientation ? { orientation } : {}) };
}
