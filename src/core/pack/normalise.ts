// Brings one document file within the rule pack's limits (format and size), recording
// every change: images become JPG, oversized JPGs are recompressed and then downscaled in
// steps never below the rule pack's minimum resolution for an A4 page, oversized PDFs
// have their JPEG images recompressed. What cannot fit fails with the file named.
import type { PDFDocument } from 'pdf-lib';
import { degrees, rgb, type PDFFont } from 'pdf-lib';
import type { RulePack } from '../rule-pack/schema';
import type { Conversion } from './manifest';
import type { DecodedImage, ImageCodec } from './image-codec';
import { PackFileError } from './errors';
import { formatBytes, mimeLabel } from './format';
import { layoutWatermark, type Rect, type WatermarkOptions } from './watermark';
import type { ReportFont } from './report-font';
import { assertNoActiveContent, openCleanPdf } from './clean-pdf';
import { stripJpegMetadata } from '../image/jpeg-metadata';
import { jpegImages, reencodePdfJpegs } from './pdf-images';

export { reencodePdfJpegs };

export type FileLimits = RulePack['files'];

/** A4 is 8.27 × 11.69 inches. */
const A4_INCHES = { short: 210 / 25.4, long: 297 / 25.4 };
const JPEG_QUALITIES = [0.9, 0.8, 0.7] as const;
const DOWNSCALE_STEP = 0.85;
const DOWNSCALE_QUALITY = 0.8;
const LAST_RESORT_QUALITY = 0.6;

export interface WatermarkRequest extends WatermarkOptions {
  /** Field boxes to keep clear, in the source's pixels (images) or points (PDF), origin top-left. */
  boxes: readonly (Rect & { page: number })[];
}

export interface NormaliseInput {
  sourceName: string;
  bytes: Uint8Array;
  mime: string;
  limits: FileLimits;
  watermark?: WatermarkRequest;
}

export interface NormaliseDeps {
  codec: ImageCodec;
  /** Needed only to watermark a PDF. */
  font?: ReportFont;
}

export interface NormalisedFile {
  bytes: Uint8Array;
  mime: 'image/jpeg' | 'application/pdf';
  ext: 'jpg' | 'pdf';
  conversions: Conversion[];
  /** Copies of the watermark drawn (0 when none was asked for). */
  watermarkCopies: number;
}

/** Smallest scale that keeps an image of this size at least `minDpi` on an A4 page (never above 1). */
export function minimumScale(width: number, height: number, minDpi: number): number {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const needed = Math.max((A4_INCHES.long * minDpi) / long, (A4_INCHES.short * minDpi) / short);
  return Math.min(1, needed);
}

/** Resolution the image would have printed on A4 (by its long side). */
const a4Dpi = (width: number, height: number): number =>
  Math.round(Math.max(width, height) / A4_INCHES.long);

export async function normaliseFile(
  input: NormaliseInput,
  deps: NormaliseDeps,
): Promise<NormalisedFile> {
  if (input.mime === 'application/pdf') return normalisePdf(input, deps);
  if (input.mime.startsWith('image/')) return normaliseImage(input, deps.codec);
  throw new PackFileError(
    input.sourceName,
    `${input.sourceName} is neither a PDF nor an image (${mimeLabel(input.mime)}), so it cannot go into the pack.`,
  );
}

async function normaliseImage(input: NormaliseInput, codec: ImageCodec): Promise<NormalisedFile> {
  const { sourceName, bytes, mime, limits, watermark } = input;
  const jpegAllowed = limits.formats.includes('image/jpeg');
  const metadata = mime === 'image/jpeg' ? stripJpegMetadata(bytes) : null;
  const turned = (metadata?.orientation ?? 1) !== 1;
  // A JPG that fits loses its metadata losslessly; one that must be turned upright, or
  // whose segments cannot be walked, is decoded and encoded again (which keeps no metadata).
  if (
    metadata &&
    !turned &&
    jpegAllowed &&
    metadata.bytes.length <= limits.maxBytes &&
    !watermark
  ) {
    const conversions: Conversion[] = metadata.removed.length
      ? [{ step: 'metadata', detail: `removed ${metadata.removed.join(', ')}` }]
      : [];
    return {
      bytes: metadata.bytes,
      mime: 'image/jpeg',
      ext: 'jpg',
      conversions,
      watermarkCopies: 0,
    };
  }
  if (!jpegAllowed) {
    throw new PackFileError(
      sourceName,
      `${sourceName} is an image, but this rule pack accepts only PDF files.`,
    );
  }
  if (!codec.canDecode(mime)) {
    throw new PackFileError(
      sourceName,
      `${sourceName} is a ${mimeLabel(mime)} image, which this computer cannot convert: save it as JPG or PDF and add it again.`,
    );
  }
  let image: DecodedImage;
  try {
    image = await codec.decode(bytes, mime);
  } catch {
    throw new PackFileError(
      sourceName,
      `${sourceName} could not be decoded as a ${mimeLabel(mime)} image (damaged file?).`,
    );
  }
  try {
    const fitted = await fitImage(image, input);
    const before: Conversion[] = [];
    if (turned)
      before.push({
        step: 'orientation',
        detail: `EXIF orientation ${metadata?.orientation} applied`,
      });
    if (metadata?.removed.length)
      before.push({ step: 'metadata', detail: `removed ${metadata.removed.join(', ')}` });
    // The host's encoder writes none today; stripped again so that no host can add any.
    const bytesOut = stripJpegMetadata(fitted.bytes)?.bytes ?? fitted.bytes;
    return { ...fitted, bytes: bytesOut, conversions: [...fitted.conversions, ...before] };
  } finally {
    image.close();
  }
}

async function fitImage(image: DecodedImage, input: NormaliseInput): Promise<NormalisedFile> {
  const { sourceName, mime, limits, watermark } = input;
  const { width, height } = image;
  const floor = minimumScale(width, height, limits.minDpiA4);

  const encode = async (scale: number, quality: number) => {
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    let copies = 0;
    let overlays;
    if (watermark) {
      const boxes = watermark.boxes
        .filter((b) => b.page === 0)
        .map((b) => ({ x: b.x * scale, y: b.y * scale, w: b.w * scale, h: b.h * scale }));
      overlays = layoutWatermark(w, h, watermark.text, boxes, watermark).overlays;
      copies = overlays.length;
    }
    const out = await image.toJpeg({ width: w, height: h, quality, overlays });
    return { out, w, h, quality, copies };
  };

  // The attempts in order: full size at falling quality, then smaller steps down to the floor.
  const attempts: { scale: number; quality: number }[] = JPEG_QUALITIES.map((quality) => ({
    scale: 1,
    quality,
  }));
  for (let scale = DOWNSCALE_STEP; ; scale *= DOWNSCALE_STEP) {
    if (scale <= floor) {
      if (floor < 1)
        attempts.push(
          { scale: floor, quality: DOWNSCALE_QUALITY },
          { scale: floor, quality: LAST_RESORT_QUALITY },
        );
      break;
    }
    attempts.push({ scale, quality: DOWNSCALE_QUALITY });
  }
  if (floor >= 1) attempts.push({ scale: 1, quality: LAST_RESORT_QUALITY });

  let last: Awaited<ReturnType<typeof encode>> | undefined;
  for (const { scale, quality } of attempts) {
    last = await encode(scale, quality);
    if (last.out.length <= limits.maxBytes) {
      const conversions: Conversion[] = [];
      if (mime !== 'image/jpeg')
        conversions.push({ step: 'format', detail: `${mimeLabel(mime)}→JPG` });
      conversions.push({ step: 'recompress', detail: `JPEG quality ${Math.round(quality * 100)}` });
      if (scale < 1) {
        conversions.push({
          step: 'downscale',
          detail: `${width}×${height} → ${last.w}×${last.h} px (≈${a4Dpi(last.w, last.h)} dpi on A4)`,
        });
      }
      if (watermark)
        conversions.push({ step: 'watermark', detail: `purpose watermark, ${last.copies} copies` });
      return {
        bytes: last.out,
        mime: 'image/jpeg',
        ext: 'jpg',
        conversions,
        watermarkCopies: last.copies,
      };
    }
  }
  throw new PackFileError(
    sourceName,
    `${sourceName} is still ${formatBytes(last?.out.length ?? input.bytes.length)} at the lowest allowed resolution ` +
      `(${limits.minDpiA4} dpi on A4), over the ${formatBytes(limits.maxBytes)} limit: rescan it in less detail or crop it.`,
  );
}

async function normalisePdf(input: NormaliseInput, deps: NormaliseDeps): Promise<NormalisedFile> {
  const { sourceName, bytes, limits, watermark } = input;
  if (!limits.formats.includes('application/pdf')) {
    throw new PackFileError(
      sourceName,
      `${sourceName} is a PDF, but this rule pack accepts only JPG images.`,
    );
  }
  const { doc, cleaned } = await openCleanPdf(sourceName, bytes);
  if (!cleaned && bytes.length <= limits.maxBytes && !watermark) {
    return { bytes, mime: 'application/pdf', ext: 'pdf', conversions: [], watermarkCopies: 0 };
  }
  if (doc.isEncrypted) {
    throw new PackFileError(
      sourceName,
      `${sourceName} is an encrypted PDF: remove its password and add it again.`,
    );
  }
  const conversions: Conversion[] = cleaned ? [cleaned] : [];
  let copies = 0;
  if (watermark) {
    if (!deps.font) throw new Error('A font is needed to watermark a PDF.');
    doc.registerFontkit(deps.font.fontkit);
    const font = await doc.embedFont(deps.font.bytes, { subset: true });
    copies = drawPdfWatermark(doc, font, watermark);
    conversions.push({ step: 'watermark', detail: `purpose watermark, ${copies} copies` });
  }
  let out = await doc.save({ useObjectStreams: true });
  if (out.length > limits.maxBytes) {
    const recompressed = await recompressPdfImages(
      doc,
      deps.codec,
      limits.minDpiA4,
      limits.maxBytes,
    );
    if (recompressed.count === 0) {
      throw new PackFileError(
        sourceName,
        `${sourceName} is ${formatBytes(out.length)}, over the ${formatBytes(limits.maxBytes)} limit, and holds no JPEG image ` +
          'that could be recompressed: export it again at a lower resolution.',
      );
    }
    out = await doc.save({ useObjectStreams: true });
    if (out.length > limits.maxBytes) {
      throw new PackFileError(
        sourceName,
        `${sourceName} is still ${formatBytes(out.length)} after recompressing its images, over the ` +
          `${formatBytes(limits.maxBytes)} limit: split it or rescan it in less detail.`,
      );
    }
    conversions.push({
      step: 'pdf-images',
      detail: `${recompressed.count} images recompressed (${recompressed.detail})`,
    });
  }
  await assertNoActiveContent(sourceName, out);
  return { bytes: out, mime: 'application/pdf', ext: 'pdf', conversions, watermarkCopies: copies };
}

function drawPdfWatermark(doc: PDFDocument, font: PDFFont, watermark: WatermarkRequest): number {
  let copies = 0;
  const hex = (watermark.color ?? '#c00000').replace('#', '');
  const color = rgb(
    parseInt(hex.slice(0, 2), 16) / 255,
    parseInt(hex.slice(2, 4), 16) / 255,
    parseInt(hex.slice(4, 6), 16) / 255,
  );
  doc.getPages().forEach((page, index) => {
    const { width, height } = page.getSize();
    const boxes = watermark.boxes.filter((b) => b.page === index);
    const { overlays } = layoutWatermark(width, height, watermark.text, boxes, watermark);
    for (const o of overlays) {
      // The layout gives centres in top-left coordinates; pdf-lib wants the baseline start, y up.
      const theta = (o.angleDegrees * Math.PI) / 180;
      const textWidth = font.widthOfTextAtSize(o.text, o.fontSize);
      const cx = o.x;
      const cy = height - o.y;
      const x = cx - Math.cos(theta) * (textWidth / 2) + Math.sin(theta) * o.fontSize * 0.35;
      const y = cy - Math.sin(theta) * (textWidth / 2) - Math.cos(theta) * o.fontSize * 0.35;
      page.drawText(o.text, {
        x,
        y,
        size: o.fontSize,
        font,
        color,
        opacity: o.opacity,
        rotate: degrees(o.angleDegrees),
      });
      copies++;
    }
  });
  return copies;
}

/**
 * Re-encodes every JPEG image of the document in place, first at a lower quality, then
 * smaller, but never below `minDpi` for an A4 page, until the document fits.
 */
async function recompressPdfImages(
  doc: PDFDocument,
  codec: ImageCodec,
  minDpi: number,
  maxBytes: number,
): Promise<{ count: number; detail: string }> {
  // Captured once: each step re-encodes from the original images, never from a previous step.
  const images = jpegImages(doc);
  if (images.length === 0 || !codec.canDecode('image/jpeg')) return { count: 0, detail: '' };
  const ladder = [
    { quality: 0.7, scale: 1 },
    { quality: 0.65, scale: 0.75 },
    { quality: 0.6, scale: 0.5 },
  ];
  let count = 0;
  let used = ladder[0]!;
  for (const step of ladder) {
    used = step;
    count = await reencodePdfJpegs(
      doc,
      codec,
      step.quality,
      (w, h) => Math.max(step.scale, minimumScale(w, h, minDpi)),
      images,
    );
    if ((await doc.save({ useObjectStreams: true })).length <= maxBytes) break;
  }
  return {
    count,
    detail: `JPEG quality ${Math.round(used.quality * 100)}${used.scale < 1 ? `, scaled to ≤${used.scale * 100}%` : ''}`,
  };
}
