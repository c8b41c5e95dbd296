// After a file is read: its page images go through the image analysis (quality flags
// and seals, src/core/image) once, in the coordinates of the field boxes. The pixels the
// OCR read are reused where the reader kept them; otherwise images are decoded again and
// PDF pages rendered: a scan at its own resolution, vector text at 100 dpi (enough for a
// seal).
import type { DocumentText, ExtractedDocument } from '../core/extraction';
import { sniffMime } from '../core/file-type';
// From the modules themselves, not core/image's index: its schemas would load zod.
import { inspectDocument, type PageImage } from '../core/image/inspect';
import { fieldTextConfidence } from '../core/image/text-confidence';
import { findPageQuad, rectify } from './page-quad';
import type { PreparedPage } from './prepare';
import type { PdfDocument } from './pdf-text';
import type { PdfRasteriser } from './rasterise-pdf';
import type { Raster } from './raster';

/** Decodes JPEG/PNG bytes to RGBA as stored (the host's ImageCodec.decode). */
export type DecodeImage = (bytes: Uint8Array, mime: string) => Promise<Raster>;

/**
 * A page's pixels as the reader decoded or rendered them (before page preparation), and,
 * where page preparation ran on them, what it found: a photographed page's corners and the
 * page squared at full size (absent `prepared`: not known, looked for again here).
 */
export interface ReadPixels {
  raster: Raster;
  prepared?: Pick<PreparedPage, 'quad' | 'squared'>;
}

export interface InspectDeps {
  decodeImage?: DecodeImage;
  rasterise?: PdfRasteriser;
  /** The PDF as the reader opened it: its pages are rendered from it (see RasteriseOptions). */
  document?: PdfDocument;
}

/** Pages looked at per document: the documents of the spec are one page each. */
const MAX_INSPECTED_PAGES = 2;
/** Vector pages are rendered at this resolution, only to find seals and colour. */
const VECTOR_DPI = 100;

/**
 * An image page in the frame of its boxes: a photographed page is cut from the desk and
 * squared as page preparation did (prepare.ts), or the boxes of the squared page would
 * land beside their text here (a blur measured on the desk's edge, not on the field).
 * Where page preparation ran on these pixels, its corners and squared page are taken as
 * they are (the same pixels; finding and cutting again took 0.1-0.5 s of CPU per photo).
 */
function asRead({ raster: image, prepared }: ReadPixels): Pick<PageImage, 'image' | 'uncut'> {
  const quad = prepared === undefined ? findPageQuad(image) : (prepared.quad ?? null);
  if (!quad) return { image };
  return {
    image: prepared?.squared ?? rectify(image, quad),
    uncut: { width: image.width, height: image.height },
  };
}

/** The pages of `text` each document is analysed on (its own, at most MAX_INSPECTED_PAGES). */
function pagesOf(doc: ExtractedDocument, text: DocumentText): number[] {
  const own = doc.pages ?? (doc.page === undefined ? text.pages.map((p) => p.page) : [doc.page]);
  return own.slice(0, MAX_INSPECTED_PAGES);
}

/**
 * Each page image of the file, in page order, up to page `last`: a JPEG or PNG is its one
 * page; a PDF's pages are rendered (a scan at its own resolution, vector text at 100 dpi).
 */
async function* pageImages(
  bytes: Uint8Array,
  text: DocumentText,
  last: number,
  deps: InspectDeps,
  read: readonly ReadPixels[],
): AsyncGenerator<PageImage> {
  const mime = sniffMime(bytes);
  const sizes = text.pages;
  // The pixels the OCR read (an image as decoded, a scanned PDF's pages as rendered) are
  // what would be decoded or rendered again here: taken as they are.
  if (text.source !== 'pdf-text' && read.length > last) {
    for (const [index, image] of read.slice(0, last + 1).entries()) {
      const size = sizes.find((p) => p.page === index);
      if (size !== undefined)
        yield {
          page: index,
          ...asRead(image),
          width: size.width,
          height: size.height,
          vector: false,
        };
    }
    return;
  }
  if (mime === 'image/jpeg' || mime === 'image/png') {
    const size = sizes[0];
    if (deps.decodeImage === undefined || size === undefined) return;
    const image = await deps.decodeImage(bytes, mime);
    yield {
      page: 0,
      ...asRead({ raster: image }),
      width: size.width,
      height: size.height,
      vector: false,
    };
    return;
  }
  if (mime !== 'application/pdf' || deps.rasterise === undefined) return;
  const vector = text.source === 'pdf-text';
  let index = 0;
  for await (const image of deps.rasterise(bytes, {
    maxPages: last + 1,
    ...(vector ? { dpi: VECTOR_DPI, nativeResolution: false } : {}),
    ...(deps.document === undefined ? {} : { document: deps.document }),
  })) {
    const size = sizes.find((p) => p.page === index);
    if (size !== undefined)
      yield { page: index, image, width: size.width, height: size.height, vector };
    index++;
  }
}

/** The analysis of one document on its page images, added to it (see withInspections). */
function inspected(
  doc: ExtractedDocument,
  pages: PageImage[],
  text: DocumentText,
): ExtractedDocument {
  const { quality, seal } = inspectDocument({
    kind: doc.kind,
    pages,
    ...(doc.boxes === undefined ? {} : { boxes: doc.boxes }),
    ...(doc.region === undefined ? {} : { region: doc.region }),
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

/**
 * The documents of one file with `quality` and `seal` added, each analysed on its own
 * page and, for a part of a page, its own region. Each page is decoded or rendered once
 * and dropped once the documents on it are analysed. A page that cannot be decoded or
 * rendered again leaves the documents as read: the analysis adds to a reading, never
 * replaces it.
 */
export async function withInspections(
  docs: readonly ExtractedDocument[],
  bytes: Uint8Array,
  text: DocumentText | undefined,
  deps: InspectDeps,
  /** The pages' pixels as the reader decoded or rendered them, from page 0 (may be none). */
  read: readonly ReadPixels[] = [],
): Promise<ExtractedDocument[]> {
  const out = [...docs];
  if (text === undefined) return out;
  const wanted = docs.map((d) => (d.error === undefined ? pagesOf(d, text) : []));
  const last = Math.max(-1, ...wanted.flat());
  if (last < 0) return out;
  const held = new Map<number, PageImage>();
  try {
    for await (const page of pageImages(bytes, text, last, deps, read)) {
      held.set(page.page, page);
      wanted.forEach((pages, i) => {
        // A document is analysed once its last page is here.
        if (pages.length === 0 || pages[pages.length - 1] !== page.page) return;
        const images = pages.map((p) => held.get(p)).filter((p) => p !== undefined);
        if (images.length > 0) out[i] = inspected(docs[i]!, images, text);
      });
      // A page is kept only while a document on it still waits for a later page.
      for (const p of held.keys())
        if (!wanted.some((pages) => pages.includes(p) && pages[pages.length - 1]! > page.page))
          held.delete(p);
    }
  } catch {
    // Whatever was analysed before the failure stays.
  }
  return out;
}
