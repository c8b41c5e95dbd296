// Recorded PP-OCR output kept as test fixtures (test/fixtures/ocr/*.paddle.json).
import { readFileSync } from 'node:fs';
import { DocumentTextSchema, type DocumentText } from '../../../src/core/extraction';

/** The recorded OCR text `name` of test/fixtures/ocr/, validated. */
export const paddleText = (name: string): DocumentText =>
  DocumentTextSchema.parse(
    JSON.parse(readFileSync(new URL(`../../fixtures/ocr/${name}`, import.meta.url), 'utf8')),
  );
