// tesseract.js 7 (chi_sim + eng, 4.0.0_best_int from node_modules) on real generated
// images through readDocument, one worker for every file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeReadDocumentDeps, createTesseractEngineNode } from '../../src/ocr/engines.node.ts';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { readDocument, type ReadDocumentDeps } from '../../src/ocr/read-document';
import { loadFixture } from './support/fixtures';

let engine: RasterOcrEngine;
let deps: ReadDocumentDeps;

beforeAll(async () => {
  engine = await createTesseractEngineNode();
  deps = await createNodeReadDocumentDeps(engine);
});

afterAll(async () => {
  await engine.dispose();
});

describe('tesseract.js engine', () => {
  it('reads the ID number, name and birth date from a phone photo', async () => {
    const f = await loadFixture('id-front-serif-0-photo');
    const doc = await readDocument({ name: f.name, bytes: f.bytes }, deps);
    expect(doc.source).toBe('tesseract');
    expect(doc.kind).toBe('id-card-front');
    const idNumber = doc.corrections.find((c) => c.field === 'idNumber')?.to ?? doc.fields.idNumber;
    expect(idNumber).toBe(f.truth.fields.idNumber);
    expect(doc.fields.name).toBe(f.truth.fields.name);
    expect(doc.fields.birthDate).toBe(f.truth.fields.birthDate);
  }, 60_000);

  it('reads the validity of an ID card back with the same worker', async () => {
    const f = await loadFixture('id-back-sans-0-scan');
    const doc = await readDocument({ name: f.name, bytes: f.bytes }, deps);
    expect(doc.kind).toBe('id-card-back');
    expect(doc.fields.validFrom).toBe(f.truth.fields.validFrom);
    expect(doc.fields.validUntil).toBe(f.truth.fields.validUntil);
  }, 60_000);
});
