// Records the input shape of every ONNX model run the PP-OCR engine makes, by wrapping
// onnxruntime's InferenceSession.prototype.run (the real runtime, not a mock): tests that
// assert how often the detector, recogniser or classifier runs read it.
import { loadPaddleRuntime } from '../../src/ocr/paddle/engine.node.ts';
import { REC_HEIGHT } from '../../src/ocr/paddle/recogniser';

type Run = (feeds: Record<string, { dims: readonly number[] }>) => Promise<unknown>;

/**
 * Wraps session.run of the runtime `loadPaddleRuntime()` loads, from now on, for the rest
 * of the test file; returns the list each run appends its first input's shape (N×C×H×W)
 * to. Empty it (`runs.length = 0`) before the call measured.
 */
export async function recordModelRuns(): Promise<number[][]> {
  const runs: number[][] = [];
  const { ort } = await loadPaddleRuntime();
  const proto = (ort.InferenceSession as unknown as { prototype: { run: Run } }).prototype;
  const run = proto.run;
  proto.run = function (this: unknown, feeds) {
    runs.push([...(Object.values(feeds)[0]?.dims ?? [])]);
    return run.call(this, feeds);
  };
  return runs;
}

/** Detector runs: every input but the recogniser's and the classifier's 48 px high lines. */
export function detectorRuns(runs: readonly number[][]): number[][] {
  return runs.filter((d) => d[2] !== REC_HEIGHT);
}
