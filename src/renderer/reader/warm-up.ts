// A warm-up for the OCR engine: one synthetic page read right after the models load, so
// that WebAssembly's optimised code (V8 compiles hot functions again on background threads)
// is compiled before the first file rather than during it. Measured with
// bench/ocr-phases-web.ts (BENCH_PHASES_WARM=1) and not used by the app: bench:ui drops
// its files a second after unlocking, and the warm-up then cost more CPU inside the window
// than it saved (BENCHMARKS.md, "Where the app's CPU goes").
import type { RasterOcrEngine } from '../../ocr/engine';
import { createRaster, type Raster } from '../../ocr/raster';

const WIDTH = 960;
const HEIGHT = 640;
const LINES = 8;
const LINE_HEIGHT = 30;

/**
 * A white page with LINES lines of dark "words" (blocks of varied width with gaps), some
 * long: the detector finds lines, the recogniser reads them in batches of several widths,
 * confidently enough that no angle classifier is needed (as on a scan that reads well).
 */
export function warmUpPage(): Raster {
  const page = createRaster(WIDTH, HEIGHT);
  const ink = (x: number, y: number, w: number, h: number): void => {
    for (let yy = y; yy < y + h; yy++)
      for (let xx = x; xx < x + w; xx++) {
        const i = (yy * WIDTH + xx) * 4;
        page.data[i] = page.data[i + 1] = page.data[i + 2] = 20;
      }
  };
  for (let line = 0; line < LINES; line++) {
    const y = 40 + line * 72;
    // Lines of different lengths: the recogniser runs batches of different widths.
    const end = 160 + ((line * 3) % LINES) * 50;
    let x = 60;
    let n = line;
    while (x < end) {
      // Characters: F-like strokes (not the same upside down: read upright, and the
      // classifier votes the page upright where it is asked), a gap between them and a
      // wider one between words.
      const w = 18 + ((n * 5) % 11);
      ink(x, y, 4, LINE_HEIGHT);
      ink(x, y, w, 4);
      ink(x, y + (LINE_HEIGHT >> 1) - 2, w - 6, 4);
      x += w + (n % 4 === 3 ? 22 : 8);
      n++;
    }
  }
  return page;
}

/** Reads the warm-up page once; its text is thrown away. */
export async function warmUp(engine: RasterOcrEngine): Promise<void> {
  await engine.recogniseRaster(warmUpPage(), 0, {});
}
