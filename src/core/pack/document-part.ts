// A document that is only a part of its file (a page of a whole dossier scanned into one
// PDF, one ID side of a copy holding both) is exported as its own file: its pages copied
// out of the PDF, or its region cropped from the page with a margin. The crop is recorded
// in the manifest, in the units of the file it was cut from.
import { PDFDocument } from 'pdf-lib';
import type { ExtractedDocument, Region } from '../extraction';
import type { ImageCodec } from './image-codec';

/** Added around a region on each side, as a share of the page's shorter side. */
const CROP_MARGIN = 0.02;
/** The page read and the file's page must have the same shape within this for a crop. */
const SHAPE_TOLERANCE = 0.03;

/** What was cut out of the file: its pages, and the rectangle of its page (file units). */
export interface PartCrop {
  page: number;
  pages?: number[];
  region?: Region;
  /** Image pixels, or PDF points from the page's top-left corner. */
  unit?: 'px' | 'pt';
}

export interface DocumentPartFile {
  bytes: Uint8Array;
  mime: string;
  crop: PartCrop;
}

/** The region in the file's units (scaled from the reading's page), with the margin, clipped. */
function scaledCrop(
  region: Region,
  read: { width: number; height: number },
  file: { width: number; height: number },
): Region | null {
  const kx = file.width / read.width;
  const ky = file.height / read.height;
  // A page turned while read (a sideways photo) has another shape: no crop then.
  if (Math.abs(kx / ky - 1) > SHAPE_TOLERANCE) return null;
  const margin = CROP_MARGIN * Math.min(file.width, file.height);
  const x0 = Math.max(0, region.x * kx - margin);
  const y0 = Math.max(0, region.y * ky - margin);
  const x1 = Math.min(file.width, (region.x + region.w) * kx + margin);
  const y1 = Math.min(file.height, (region.y + region.h) * ky + margin);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

async function pdfPart(bytes: Uint8Array, doc: ExtractedDocument): Promise<DocumentPartFile> {
  const page = doc.page ?? 0;
  const pages = doc.pages ?? [page];
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const copied = await out.copyPages(src, pages);
  for (const p of copied) out.addPage(p);
  let region: Region | undefined;
  const first = copied[0];
  if (doc.region && doc.pageSize && first && first.getRotation().angle % 360 === 0) {
    const box = first.getMediaBox();
    const crop = scaledCrop(doc.region, doc.pageSize, box);
    if (crop) {
      region = crop;
      // PDF boxes are measured from the bottom-left corner.
      const y = box.y + box.height - crop.y - crop.h;
      first.setMediaBox(box.x + crop.x, y, crop.w, crop.h);
      first.setCropBox(box.x + crop.x, y, crop.w, crop.h);
    }
  }
  return {
    bytes: await out.save(),
    mime: 'application/pdf',
    crop: {
      page,
      ...(doc.pages ? { pages } : {}),
      ...(region ? { region, unit: 'pt' as const } : {}),
    },
  };
}

async function imagePart(
  bytes: Uint8Array,
  mime: string,
  doc: ExtractedDocument,
  codec: ImageCodec,
): Promise<DocumentPartFile | null> {
  if (!doc.region || !doc.pageSize || !codec.canDecode(mime)) return null;
  const image = await codec.decode(bytes, mime);
  try {
    const crop = scaledCrop(doc.region, doc.pageSize, image);
    if (!crop) return null;
    const jpeg = await image.toJpeg({
      width: Math.round(crop.w),
      height: Math.round(crop.h),
      quality: 0.92,
      source: crop,
    });
    return { bytes: jpeg, mime: 'image/jpeg', crop: { page: 0, region: crop, unit: 'px' } };
  } finally {
    image.close();
  }
}

/**
 * The file of one document of a file holding several (null: the document is the whole
 * file, or its region cannot be mapped onto the file, which is then exported whole).
 */
export async function documentPart(
  file: { bytes: Uint8Array; mime: string },
  doc: ExtractedDocument,
  codec: ImageCodec,
): Promise<DocumentPartFile | null> {
  if (doc.page === undefined) return null;
  if (file.mime === 'application/pdf') return pdfPart(file.bytes, doc);
  return imagePart(file.bytes, file.mime, doc, codec);
}
