// tesseract.js as an OcrEngine. The host creates the worker with local paths (engines.node.ts,
// engines.web.ts); this file turns a prepared page into lines of text with boxes.
import type Tesseract from 'tesseract.js';
import type { PageText, TextItem } from '../core/extraction';
import type { ImageCodec } from './codec';
import {
  meanConfidence,
  preferCjkWidths,
  recogniseImageFile,
  removeCjkSpaces,
  type ExifOrientationReader,
  type RasterOcrEngine,
} from './engine';
import { preparePage } from './prepare';
import { encodePgm, rotateQuarter, toGray, type Raster } from './raster';

export interface TesseractEngineDeps {
  worker: Tesseract.Worker;
  codec: ImageCodec;
  readOrientation: ExifOrientationReader;
  /** Wraps encoded image bytes the way the host's tesseract.js build accepts them (Node: Buffer, browser: Blob). */
  toImageLike: (bytes: Uint8Array) => Tesseract.ImageLike;
}

const STRAY_LEADING_MARKS = /^[”“"'‘’`·・.,，、]+/u;

/** Below this mean confidence the page is also read turned, and the best reading kept. */
const ORIENTATION_RETRY_BELOW = 0.6;
/** Tesseract reads CJK best with glyphs ~30-40 px high: an A4 page near 200-250 dpi. */
const TESSERACT_MAX_SIDE = 2600;

/**
 * Splits a line into segments at wide gaps (a label and its value on one row are two
 * items), so the layout extractor can tell them apart.
 */
function lineSegments(line: Tesseract.Line, page: number): TextItem[] {
  const words = line.words.filter((w) => w.text.trim() !== '');
  if (words.length === 0) return [];
  const height = Math.max(1, line.bbox.y1 - line.bbox.y0);
  const segments: Tesseract.Word[][] = [[words[0]!]];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.bbox.x0 - words[i - 1]!.bbox.x1;
    if (gap > height * 1.5) segments.push([words[i]!]);
    else segments[segments.length - 1]!.push(words[i]!);
  }
  return segments.map((seg) => {
    const x0 = Math.min(...seg.map((w) => w.bbox.x0));
    const y0 = Math.min(...seg.map((w) => w.bbox.y0));
    const x1 = Math.max(...seg.map((w) => w.bbox.x1));
    const y1 = Math.max(...seg.map((w) => w.bbox.y1));
    // Tesseract reads speckle before a value as a quote mark (”苏州…); documents start no value with one.
    const text = preferCjkWidths(removeCjkSpaces(seg.map((w) => w.text).join(' '))).replace(
      STRAY_LEADING_MARKS,
      '',
    );
    const confidence = Math.min(...seg.map((w) => w.confidence)) / 100;
    return {
      page,
      x: x0,
      y: y0,
      w: x1 - x0,
      h: y1 - y0,
      text,
      confidence: Math.max(0, Math.min(1, confidence)),
    };
  });
}

/** Characters read with some confidence: a page read the wrong way up yields few. */
function confidentCharacters(page: PageText): number {
  return page.items.filter((i) => i.confidence >= 0.6).reduce((n, i) => n + [...i.text].length, 0);
}

export async function createTesseractEngine(deps: TesseractEngineDeps): Promise<RasterOcrEngine> {
  const { worker } = deps;
  await worker.setParameters({
    preserve_interword_spaces: '1',
    // Automatic page segmentation without OSD (no osd.traineddata is shipped).
    tessedit_pageseg_mode: '3' as Tesseract.PSM,
    // A PGM carries no resolution; without one Tesseract estimates it and says so on stderr.
    user_defined_dpi: '300',
  });

  async function readOnce(raster: Raster, page: number): Promise<PageText> {
    const pgm = encodePgm(toGray(raster));
    const result = await worker.recognize(deps.toImageLike(pgm), {}, { blocks: true, text: false });
    const items: TextItem[] = [];
    for (const block of result.data.blocks ?? [])
      for (const paragraph of block.paragraphs)
        for (const line of paragraph.lines)
          items.push(...lineSegments(line, page).filter((i) => i.text !== ''));
    return { page, width: raster.width, height: raster.height, items };
  }

  const engine: RasterOcrEngine = {
    id: 'tesseract',
    async recogniseRaster(raster, page, options, onProgress) {
      onProgress?.({ stage: 'preparing page', progress: 0 });
      const prepared = preparePage(raster, { maxSide: TESSERACT_MAX_SIDE, ...options });
      onProgress?.({ stage: 'recognising', progress: 0.2 });
      let best = await readOnce(prepared.raster, page);
      // Tesseract has no orientation model here (no osd.traineddata): a poor reading is
      // tried again turned, and the most confident reading wins.
      for (const turn of [180, 90, 270] as const) {
        if (meanConfidence(best) >= ORIENTATION_RETRY_BELOW) break;
        const turned = await readOnce(rotateQuarter(prepared.raster, turn), page);
        if (confidentCharacters(turned) > confidentCharacters(best) * 1.5) best = turned;
      }
      onProgress?.({ stage: 'recognising', progress: 1 });
      return best;
    },
    recognise: (image, onProgress, onDecoded, onPrepared) =>
      recogniseImageFile(engine, image, deps, onProgress, onDecoded, onPrepared),
    async dispose() {
      await worker.terminate();
    },
  };
  return engine;
}
