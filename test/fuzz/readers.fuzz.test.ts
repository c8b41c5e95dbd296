// Fuzzing (issue 15, item 7): random and mutated bytes fed to every reader of untrusted
// input; each may only answer or refuse with its own one-sentence error, within a bound
// on time and memory per case (bounded.ts). `npm test` runs FUZZ_RUNS=25 cases per
// property; `npm run fuzz` runs many more (scripts/fuzz.mjs).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PackFileError, PackReadError, readZipSafely, zipEntries } from '../../src/core/pack';
import { openCleanPdf } from '../../src/core/pack/clean-pdf';
import { stripJpegMetadata } from '../../src/core/image/jpeg-metadata';
import { admit } from '../../src/core/intake';
import { DossierFileError, parseDossierFile } from '../../src/core/dossier';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import { readPdfText, PdfReadError } from '../../src/ocr/pdf-text';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { REPO_ROOT } from '../cli/run-cli';
import { bounded, fuzzParams, mutated, randomLike } from './bounded';
import { scanJpeg, scanPng } from '../pack/fixtures';

const ascii = (s: string) => new TextEncoder().encode(s);
let zip: Uint8Array;
let jpeg: Uint8Array;
let png: Uint8Array;
let pdf: Uint8Array;

beforeAll(async () => {
  zip = zipEntries(
    [
      { name: 'manifest.json', bytes: strToU8('{"format":"dossier-vault-pack","version":2}') },
      { name: '01-营业执照.jpg', bytes: new Uint8Array(300).map((_, i) => i * 7) },
      {
        name: 'accounts.csv',
        bytes: strToU8('\uFEFFplatform,account\nAliExpress,s-1\n'.repeat(8)),
      },
    ],
    '2026-11-24T10:00:00+08:00',
  );
  jpeg = await scanJpeg({ width: 48, height: 32, title: '证', lines: ['x'] }, 80);
  png = await scanPng({ width: 48, height: 32, title: '证', lines: ['x'] });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc
    .addPage([300, 200])
    .drawText('Basic deposit account 1202021209001234567', { x: 10, y: 100, size: 9, font });
  pdf = await doc.save({ useObjectStreams: false });
});

/** Runs a property whose failing cases are those that throw anything but the allowed errors. */
async function onlyRefusesWith(
  arbitrary: () => fc.Arbitrary<Uint8Array>,
  read: (bytes: Uint8Array) => unknown,
  allowed: readonly (abstract new (...args: never[]) => Error)[],
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary(), async (bytes) => {
      await bounded(async () => {
        try {
          await read(bytes);
        } catch (error) {
          if (!allowed.some((type) => error instanceof type)) throw error;
          expect((error as Error).message).toMatch(/\S/);
        }
      });
    }),
    fuzzParams(),
  );
}

describe("the zip reader (dossier verify, the app's pack reader)", () => {
  it('reads or refuses with PackReadError: mutated packs', () =>
    onlyRefusesWith(
      () => mutated(zip),
      (b) => readZipSafely(b),
      [PackReadError],
    ));
  it('reads or refuses with PackReadError: random bytes', () =>
    onlyRefusesWith(
      () => randomLike(ascii('PK\x03\x04')),
      (b) => readZipSafely(b),
      [PackReadError],
    ));
});

describe('the dossier.json parser', () => {
  const valid = readFileSync(join(REPO_ROOT, 'examples/ready/dossier.json'));
  const parse = (b: Uint8Array) => parseDossierFile(new TextDecoder().decode(b));
  it('parses or refuses with DossierFileError: mutated statements', () =>
    onlyRefusesWith(() => mutated(new Uint8Array(valid)), parse, [DossierFileError]));
  it('parses or refuses with DossierFileError: random JSON and text', () =>
    onlyRefusesWith(
      () =>
        fc.oneof(
          fc.json({ maxDepth: 4 }).map(ascii),
          fc.string({ unit: 'binary', maxLength: 512 }).map(ascii),
        ),
      parse,
      [DossierFileError],
    ));
});

describe('the image readers', () => {
  /** The pipeline's order: intake reads the header and refuses, the codec decodes what it admits, the pack strips metadata. */
  const read = async (bytes: Uint8Array) => {
    const admission = admit(bytes);
    const stripped = stripJpegMetadata(bytes);
    if (stripped) expect(stripped.bytes.length).toBeLessThanOrEqual(bytes.length);
    if (!admission.ok || admission.mime === 'application/pdf') return;
    const image = await nodeImageCodec.decode(bytes, admission.mime);
    image.close();
  };
  it('JPEG: mutated files are admitted and decoded, or refused with an Error', () =>
    onlyRefusesWith(() => mutated(jpeg), read, [Error]));
  it('PNG: mutated files are admitted and decoded, or refused with an Error', () =>
    onlyRefusesWith(() => mutated(png), read, [Error]));
  it('random bytes behind a JPEG or PNG signature', () =>
    onlyRefusesWith(
      () =>
        fc.oneof(randomLike(new Uint8Array([0xff, 0xd8, 0xff])), randomLike(png.subarray(0, 8))),
      read,
      [Error],
    ));
});

describe('the PDF readers', () => {
  // pdf-lib logs each object it skips ("Trying to parse invalid object"): not a failure.
  beforeAll(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined));
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  const text = async (bytes: Uint8Array) =>
    readPdfText(bytes, await loadPdfjsNode(), { documentParams: nodeReadOptions().documentParams });
  it('pdf.js text reading: mutated PDFs read or refused with PdfReadError', () =>
    onlyRefusesWith(() => mutated(pdf), text, [PdfReadError]));
  it('pdf-lib cleaning for the pack: mutated PDFs cleaned or refused with PackFileError', () =>
    onlyRefusesWith(
      () => mutated(pdf),
      (b) => openCleanPdf('fuzz.pdf', b),
      [PackFileError],
    ));
  it('random bytes behind a PDF header', () =>
    onlyRefusesWith(
      () => randomLike(ascii('%PDF-1.7\n')),
      async (b) => {
        await text(b).catch((e: unknown) => {
          if (!(e instanceof PdfReadError)) throw e;
        });
        await openCleanPdf('fuzz.pdf', b);
      },
      [PackFileError],
    ));
});
