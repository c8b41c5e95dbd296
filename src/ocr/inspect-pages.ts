// After a file is read: its page images go through the image analysis (quality flags
// and seals, src/core/image) once, in the coordinates of the field boxes. Images are
// decoded again here (the OCR engine keeps only its prepared copy); PDF pages are
// rendered: a scan at its own resolution, vector text at 100 dpi (enough for a seal).
import type { DocumentText, ExtractedDocument } from '../core/extraction';
import { sniffMime } from '../core/file-type';
import { fieldTextConfidence, inspectDocument, type PageImage } from '../core/image';
import type { PdfRasteriser } from './rasterise-pdf';
import type { Raster } from './raster';

/** Decodes JPEG/PNG bytes to RGBA as stored (the host's ImageCodec.decode). */
export type DecodeImage = (bytes: Uint8Array, mime: string) => Promise<Raster>;

export interface InspectDeps {
  decodeImage?: DecodeImage;
  rasterise?: PdfRasteriser;
}

/** Pages looked at per file: the documents of the spec are one page each. */
const MAX_INSPECTED_PAGES = 2;
/** Vector pages are rendered at this resolution, only to find seals and colour. */
const VECTOR_DPI = 100;

async function pageImages(
  bytes: Uint8Array,
  text: DocumentText,
  deps: InspectDeps,
): Promise<PageImage[]> {
  const mime = sniffMime(bytes);
  const sizes = text.pages;
  if (mime === 'image/jpeg' || mime === 'image/png') {
    const size = sizes[0];
    if (deps.decodeImage === undefined || size === undefined) return [];
    const image = await deps.decodeImage(bytes, mime);
    return [{ page: 0, image, width: size.width, height: size.height, vector: false }];
  }
  if (mime !== 'application/pdf' || deps.rasterise === undefined) return [];
  const vector = text.source === 'pdf-text';
  const out: PageImage[] = [];
  let index = 0;
  for await (const image of deps.rasterise(bytes, {
    maxPages: MAX_INSPECTED_PAGES,
    ...(vector ? { dpi: VECTOR_DPI, nativeResolution: false } : {}),
  })) {
    const size = sizes[index];
    if (size !== undefined) {
      out.push({ page: index, image, width: size.width, height: size.height, vector });
    }
    index++;
  }
  return out;
}

/**
 * The document with `quality` and `seal` added. A page that cannot be decoded or rendered
 * again leaves the document as read: the analysis adds to a reading, never replaces it.
 */
export async function withInspection(
  doc: ExtractedDocument,
  bytes: Uint8Array,
  text: DocumentText | undefined,
  deps: InspectDeps,
): Promise<ExtractedDocument> {
  if (doc.error !== undefined || text === undefined) return doc;
  let pages: PageImage[];
  try {
    pages = await pageImages(bytes, text, deps);
  } catch {
    return doc;
  }
  if (pages.length === 0) return doc;
  const { quality, seal } = inspectDocument({
    kind: doc.kind,
    pages,
    ...(doc.boxes === undefined ? {} : { boxes: doc.boxes }),
  });
  const textConfidence =
    text.source === 'pdf-text' || doc.boxes === undefined
      ? undefined
      : fieldTextConfidence(text, doc.boxes);
  return {
    ...doc,
    quality: { ...quality, ...(textConfidence === undefined ? {} : { textConfidence }) },
    ...(seal === undefined ? {} : { seal }),
  };
}
