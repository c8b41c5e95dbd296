// The JPEG images inside a PDF, found and re-encoded in place: the pack shrinks an
// oversized PDF this way (normalise.ts) and the report draws its previews from a copy
// shrunk the same way (report.ts).
import { PDFArray, PDFName, PDFNumber, PDFRawStream, type PDFDocument } from 'pdf-lib';
import type { DecodedImage, ImageCodec } from './image-codec';

export type ImageRef = Parameters<PDFDocument['context']['assign']>[0];

/** The JPEG (DCTDecode) image streams of a document, with their references. */
export function jpegImages(doc: PDFDocument): [ImageRef, PDFRawStream][] {
  const images: [ImageRef, PDFRawStream][] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const filter = object.dict.get(PDFName.of('Filter'));
    const single = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
    if (single === PDFName.of('DCTDecode')) images.push([ref, object]);
  }
  return images;
}

/**
 * Replaces each JPEG image of the document by a re-encoding at `quality`, scaled by
 * `scaleFor(width, height)` (at most 1). Returns how many images were replaced; an image
 * the host cannot decode (e.g. CMYK) or that would not get smaller is left as it is.
 */
export async function reencodePdfJpegs(
  doc: PDFDocument,
  codec: ImageCodec,
  quality: number,
  scaleFor: (width: number, height: number) => number,
  images: readonly [ImageRef, PDFRawStream][] = jpegImages(doc),
): Promise<number> {
  const context = doc.context;
  let count = 0;
  for (const [ref, stream] of images) {
    const original = stream.contents;
    let decoded: DecodedImage;
    try {
      decoded = await codec.decode(original, 'image/jpeg');
    } catch {
      continue;
    }
    try {
      const scale = Math.min(1, scaleFor(decoded.width, decoded.height));
      const w = Math.max(1, Math.round(decoded.width * scale));
      const h = Math.max(1, Math.round(decoded.height * scale));
      const jpeg = await decoded.toJpeg({ width: w, height: h, quality });
      if (jpeg.length >= original.length) continue;
      const dict = stream.dict.clone(context);
      for (const key of [
        'Filter',
        'DecodeParms',
        'Length',
        'Decode',
        'ColorSpace',
        'BitsPerComponent',
        'Width',
        'Height',
      ]) {
        dict.delete(PDFName.of(key));
      }
      dict.set(PDFName.of('Filter'), PDFName.of('DCTDecode'));
      dict.set(PDFName.of('ColorSpace'), PDFName.of('DeviceRGB'));
      dict.set(PDFName.of('BitsPerComponent'), PDFNumber.of(8));
      dict.set(PDFName.of('Width'), PDFNumber.of(w));
      dict.set(PDFName.of('Height'), PDFNumber.of(h));
      dict.set(PDFName.of('Length'), PDFNumber.of(jpeg.length));
      context.assign(ref, PDFRawStream.of(dict, jpeg));
      count++;
    } finally {
      decoded.close();
    }
  }
  return count;
}
