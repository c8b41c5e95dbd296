// The reader's warm-up page (src/renderer/reader/warm-up.ts), read by the real PP-OCR
// engine: it must take the code paths a scan takes (detection, recognition batches of
// several widths; the angle classifier only for a page not read confidently, as a scan
// that reads well is not), or warming up leaves the first file's code cold. Node's runtime runs
// the same engine code as the app's worker; the models are the same files.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { createPaddleEngineNode } from '../../src/ocr/paddle/engine.node.ts';
import { REC_HEIGHT } from '../../src/ocr/paddle/recogniser';
import { warmUp, warmUpPage } from '../../src/renderer/reader/warm-up';
import { detectorRuns, recordModelRuns } from '../support/model-runs';

let engine: RasterOcrEngine;
/** The input shape of every model run (N×C×H×W). */
let runs: number[][] = [];

beforeAll(async () => {
  runs = await recordModelRuns();
  engine = await createPaddleEngineNode();
}, 120_000);

afterAll(async () => {
  await engine?.dispose();
});

it('runs the detector once and the recogniser on batches of several widths, and no classifier on a page read upright', async () => {
  runs.length = 0;
  await warmUp(engine);
  const det = detectorRuns(runs);
  const cls = runs.filter((d) => d[2] === REC_HEIGHT && d[3] === 192 && d[0] === 8);
  const rec = runs.filter((d) => d[2] === REC_HEIGHT && !cls.includes(d));
  // Upright: one detection, no second one after a half turn.
  expect(det).toHaveLength(1);
  // Read confidently (readsUpright): the angle classifier is not asked (it was, before).
  expect(cls).toHaveLength(0);
  expect(new Set(rec.map((d) => d[3])).size).toBeGreaterThanOrEqual(3);
});

it('finds every line of the page', async () => {
  const page = await engine.recogniseRaster(warmUpPage(), 0, {});
  const lines = new Set(page.items.map((i) => Math.round(i.y / 72)));
  expect(lines.size).toBe(8);
});
