// Browser entry for test/e2e/reader.test.ts: the renderer's DocumentReader, driven from
// the test through window.readerTest (files are fetched from the page's own origin).
import type { OcrEngineId, PageGeometry, ReadResult } from '../../../src/renderer/model/contract';
import { createBrowserDocumentReader } from '../../../src/renderer/reader';

// One worker, so that the model fetches counted by the tests are one engine's; the pool
// of several is driven by readTogether.
const reader = createBrowserDocumentReader({ workers: 1 });
const controllers = new Map<string, AbortController>();

/** Files made in the page (see makeExifRotated), looked up before fetching. */
const made = new Map<string, Uint8Array>();

/**
 * A photo stored sideways with EXIF orientation 6 (as phones save them): the upright scan
 * at `path` turned 90° counter-clockwise, with an APP1 Exif segment saying "turn 90°
 * clockwise to show". Kept under `name` for read/render/inkUnder.
 */
async function makeExifRotated(path: string, name: string): Promise<number> {
  const upright = await createImageBitmap(
    new Blob([(await bytesOf(path)) as Uint8Array<ArrayBuffer>]),
  );
  const canvas = new OffscreenCanvas(upright.height, upright.width);
  const ctx = canvas.getContext('2d')!;
  ctx.translate(0, upright.width);
  ctx.rotate(-Math.PI / 2);
  ctx.drawImage(upright, 0, 0);
  const jpeg = new Uint8Array(
    await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer(),
  );
  // prettier-ignore
  const app1 = [
    0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // APP1, length 34, "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at 8
    0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, // Orientation = 6
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  made.set(name, out);
  return out.length;
}

async function bytesOf(path: string): Promise<Uint8Array> {
  const own = made.get(path);
  if (own) return own.slice();
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

interface TimedRead {
  result: ReadResult;
  ms: number;
  stages: string[];
  /** Longest gap between animation frames on the main thread while reading (ms). */
  longestFrameGap: number;
}

async function read(
  path: string,
  name = path.split('/').pop() ?? path,
  key?: string,
): Promise<TimedRead> {
  const bytes = await bytesOf(path);
  const controller = new AbortController();
  if (key !== undefined) controllers.set(key, controller);
  const stages: string[] = [];
  let last = performance.now();
  let longestFrameGap = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    longestFrameGap = Math.max(longestFrameGap, now - last);
    last = now;
    if (running) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  const start = performance.now();
  try {
    const result = await reader.read(
      { name, bytes },
      {
        signal: controller.signal,
        onProgress: (p) => {
          const label = `${p.stage}`;
          if (stages[stages.length - 1] !== label) stages.push(label);
        },
      },
    );
    return {
      result,
      ms: Math.round(performance.now() - start),
      stages,
      longestFrameGap: Math.round(longestFrameGap),
    };
  } finally {
    running = false;
  }
}

/** Starts a read and aborts it once OCR has begun; the rejection's name. */
async function readAndCancel(path: string): Promise<string> {
  const bytes = await bytesOf(path);
  const controller = new AbortController();
  try {
    await reader.read(
      { name: 'cancel.jpg', bytes },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage === 'ocr' && p.progress > 0.05) controller.abort();
        },
      },
    );
    return 'resolved';
  } catch (error) {
    return error instanceof DOMException ? error.name : String(error);
  }
}

async function render(
  path: string,
  mime: string,
  index: number,
  geometry: PageGeometry,
  scale: number,
): Promise<{ width: number; height: number; type: string }> {
  const blob = await reader.renderPage(
    { bytes: await bytesOf(path), mime },
    index,
    geometry,
    scale,
  );
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height, type: blob.type };
  bitmap.close();
  return size;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Renders a page and measures the share of dark pixels inside each rectangle (in the
 * geometry's coordinates) and over the whole page: boxes drawn over the right place
 * cover ink.
 */
async function inkUnder(
  path: string,
  mime: string,
  index: number,
  geometry: PageGeometry,
  rects: Rect[],
): Promise<{ inside: number[]; page: number }> {
  const blob = await reader.renderPage({ bytes: await bytesOf(path), mime }, index, geometry, 1);
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  const dark = (x0: number, y0: number, x1: number, y1: number): number => {
    let n = 0;
    let d = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, y1); y++)
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, x1); x++) {
        const i = (y * width + x) * 4;
        if (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]! < 128) d++;
        n++;
      }
    return n === 0 ? 0 : d / n;
  };
  return {
    inside: rects.map((r) => dark(r.x, r.y, r.x + r.w, r.y + r.h)),
    page: dark(0, 0, width, height),
  };
}

function setEngine(engine: OcrEngineId): void {
  reader.setEngine(engine);
}

/**
 * Starts loading the engine, then reads a text PDF and cancels it while the load is
 * still pending; returns how the read ended once the load has settled.
 */
async function prepareThenCancelRead(path: string): Promise<string> {
  const bytes = await bytesOf(path);
  const loading = reader.prepare();
  const controller = new AbortController();
  // Cancelled once the read has started (its first progress), while the load is pending.
  const read = reader.read(
    { name: 'cancelled.pdf', bytes },
    { signal: controller.signal, onProgress: () => controller.abort() },
  );
  const outcome = await read.then(
    () => 'resolved',
    (error: unknown) => (error instanceof DOMException ? error.name : String(error)),
  );
  await loading;
  return outcome;
}

/** Milliseconds reader.prepare() took (the engine's load, ahead of any file). */
async function prepare(): Promise<number> {
  const start = performance.now();
  await reader.prepare();
  return Math.round(performance.now() - start);
}

/**
 * Reads the files at once with a reader of `workers` OCR workers (its own, disposed after):
 * each file's kind and fields, and whether the OCR of every file began before the first
 * file was done (reads in parallel, not one after another).
 */
async function readTogether(
  paths: string[],
  workers: number,
): Promise<{
  documents: { kind: string; fields: Record<string, string | null> }[];
  overlapped: boolean;
}> {
  const pool = createBrowserDocumentReader({ workers });
  try {
    const files = await Promise.all(paths.map(async (p) => ({ name: p, bytes: await bytesOf(p) })));
    const ocrStarted: number[] = [];
    const done: number[] = [];
    const results = await Promise.all(
      files.map(async (file, i) => {
        const result = await pool.read(file, {
          onProgress: (p) => {
            if (p.stage === 'ocr') ocrStarted[i] ??= performance.now();
          },
        });
        done[i] = performance.now();
        return result;
      }),
    );
    const firstDone = Math.min(...done);
    return {
      documents: results.map((r) => ({ kind: r.document.kind, fields: r.document.fields })),
      overlapped: paths.every((_, i) => ocrStarted[i] !== undefined && ocrStarted[i] < firstDone),
    };
  } finally {
    await pool.dispose();
  }
}

Object.assign(window, {
  readerTest: {
    readTogether,
    read,
    readAndCancel,
    render,
    inkUnder,
    setEngine,
    prepare,
    prepareThenCancelRead,
    makeExifRotated,
  },
});
document.title = 'ready';
