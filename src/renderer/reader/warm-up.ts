// The OCR engine's warm-up: one synthetic page read right after the models are loaded
// ahead of any file (reader.prepare(), while the person unlocks the vault and opens a
// dossier). WebAssembly runs each function first as baseline code and compiles the hot
// ones again, optimised, on background threads; without it that happened during the first
// file's recognition: bench/ocr-phases-web.ts measured the first round of the four scans at
// 12.4 s of the worker's CPU and 4.3 s on other threads, against 9.9 s and 0.7 s warm.
import type { RasterOcrEngine } from '../../ocr/engine';
import { createRaster, type Raster } from '../../ocr/raster';

const WIDTH = 960;
const HEIGHT = 640;
const LINES = 8;
const LINE_HEIGHT = 30;

/**
 * A white page with LINES lines of dark "words" (blocks of varied width with gaps), some
 * long: the detector finds lines, the classifier votes on the widest, the recogniser
 * reads them in batches of several widths.
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
      // Characters: F-like strokes (not the same upside down, so that the classifier
      // votes the page upright), a gap between them and a wider one between words.
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
