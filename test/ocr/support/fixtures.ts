// The committed OCR fixtures (test/fixtures/ocr, made by scripts/fixtures/images) and
// their ground truth.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldValues } from '../../../src/core/documents';

export const OCR_FIXTURES = fileURLToPath(new URL('../../fixtures/ocr/', import.meta.url));

export interface OcrFixture {
  path: string;
  name: string;
  bytes: Uint8Array;
  truth: { file: string; kind: string; fields: FieldValues };
}

export async function loadFixture(stem: string): Promise<OcrFixture> {
  const truth = JSON.parse(
    await readFile(join(OCR_FIXTURES, `${stem}.json`), 'utf8'),
  ) as OcrFixture['truth'];
  const path = join(OCR_FIXTURES, truth.file);
  return { path, name: truth.file, bytes: new Uint8Array(await readFile(path)), truth };
}
