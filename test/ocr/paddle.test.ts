// PP-OCRv4 on real generated scans and photos, through the shared readDocument pipeline:
// one engine for every file. Node's default runtime is native onnxruntime-node; the app's
// renderer runs onnxruntime-web's wasm, which must read the same values.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { createPaddleEngineNode, loadPaddleRuntime } from '../../src/ocr/paddle/engine.node.ts';
import { readDocument, type ReadDocumentDeps } from '../../src/ocr/read-document';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { loadFixture } from './support/fixtures';

let engine: RasterOcrEngine;
let deps: ReadDocumentDeps;
let sessionsCreated = 0;

/** The field as read, or as the first checksum-guided proposal would make it. */
function afterProposals(doc: ExtractedDocument, field: string): string | null | undefined {
  return doc.corrections.find((c) => c.field === field)?.to ?? doc.fields[field];
}

async function read(
  stem: string,
): Promise<{ doc: ExtractedDocument; truth: Awaited<ReturnType<typeof loadFixture>>['truth'] }> {
  const f = await loadFixture(stem);
  return { doc: await readDocument({ name: f.name, bytes: f.bytes }, deps), truth: f.truth };
}

beforeAll(async () => {
  // Count model loads through the real onnxruntime: the engine must load each model once.
  const { ort } = await loadPaddleRuntime();
  const create = ort.InferenceSession.create.bind(ort.InferenceSession);
  ort.InferenceSession.create = ((...args: Parameters<typeof create>) => {
    sessionsCreated++;
    return create(...args);
  }) as typeof create;
  engine = await createPaddleEngineNode();
  deps = await createNodeReadDocumentDeps(engine);
});

afterAll(async () => {
  await engine.dispose();
});

describe('PP-OCRv4 engine', () => {
  it('runs on native onnxruntime-node here (installed without its download script)', async () => {
    expect((await loadPaddleRuntime()).runtime).toBe('native');
  });

  it('reads the credit code, company name and legal representative from an image-only PDF', async () => {
    const { doc, truth } = await read('license-sans-1-scan-pdf');
    expect(doc.error).toBeUndefined();
    expect(doc.source).toBe('paddle');
    expect(doc.kind).toBe('business-license');
    expect(afterProposals(doc, 'creditCode')).toBe(truth.fields.creditCode);
    expect(doc.fields.companyName).toBe(truth.fields.companyName);
    expect(doc.fields.legalRepresentative).toBe(truth.fields.legalRepresentative);
  }, 90_000);

  it('turns an upside-down scan and reads it', async () => {
    const { doc, truth } = await read('license-serif-0-upside-down');
    expect(doc.kind).toBe('business-license');
    expect(afterProposals(doc, 'creditCode')).toBe(truth.fields.creditCode);
    expect(doc.fields.legalRepresentative).toBe(truth.fields.legalRepresentative);
    // The branch suffix's brackets exist in both widths: a person must confirm them.
    expect(doc.fields.companyName).toBe(truth.fields.companyName);
    expect(doc.needsConfirmation).toContain('companyName');
  }, 90_000);

  it('reads the ID number and name from a phone photo in a Kai font', async () => {
    const { doc, truth } = await read('id-front-kai-0-photo');
    expect(doc.kind).toBe('id-card-front');
    expect(afterProposals(doc, 'idNumber')).toBe(truth.fields.idNumber);
    expect(doc.fields.name).toBe(truth.fields.name);
    expect(doc.boxes?.idNumber?.w).toBeGreaterThan(0);
  }, 90_000);

  it('reads the account name and number from a faint bank form scan', async () => {
    const { doc, truth } = await read('bank-serif-0-faint-scan');
    expect(doc.kind).toBe('bank-permit');
    expect(doc.fields.accountNumber).toBe(truth.fields.accountNumber);
    expect(doc.fields.accountName).toBe(truth.fields.accountName);
  }, 90_000);

  it('loaded its three models once for all the files above', () => {
    expect(sessionsCreated).toBe(3);
  });

  it('says a truncated JPEG is damaged instead of throwing', async () => {
    const bytes = new Uint8Array(
      await readFile((await loadFixture('id-front-kai-0-photo')).path),
    ).subarray(0, 2000);
    const doc = await readDocument({ name: 'cut.jpg', bytes }, deps);
    expect(doc.kind).toBe('unknown');
    expect(doc.error).toMatch(/damaged|truncated/);
  }, 30_000);
});

describe('PP-OCRv4 on the wasm runtime (the app renderer’s)', () => {
  it('reads the same fields from a phone photo as the native runtime', async () => {
    const wasm = await createPaddleEngineNode({ runtime: 'wasm' });
    try {
      const f = await loadFixture('id-front-kai-0-photo');
      const [native, inWasm] = [
        await readDocument({ name: f.name, bytes: f.bytes }, deps),
        await readDocument(
          { name: f.name, bytes: f.bytes },
          await createNodeReadDocumentDeps(wasm),
        ),
      ];
      expect(inWasm.kind).toBe('id-card-front');
      expect(afterProposals(inWasm, 'idNumber')).toBe(f.truth.fields.idNumber);
      expect(inWasm.fields).toEqual(native.fields);
    } finally {
      await wasm.dispose();
    }
  }, 90_000);
});
