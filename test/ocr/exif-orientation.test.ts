// EXIF orientation is applied exactly once, for all eight values, on real JPEG photos:
// our transform matches what Skia itself does with the tag, and the OCR reads the page
// upright (the CLI used to turn an orientation-6 photo twice: decoder, then prepare.ts).
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { decodeImageInput, type RasterOcrEngine } from '../../src/ocr/engine';
import {
  createNodeReadDocumentDeps,
  createOcrEngine,
  readExifOrientationNode,
} from '../../src/ocr/engines.node.ts';
import { applyExifOrientation } from '../../src/ocr/orientation';
import { preparePage } from '../../src/ocr/prepare';
import { fitLongSide, type Raster } from '../../src/ocr/raster';
import { readDocument, type ReadDocumentDeps } from '../../src/ocr/read-document';
import { EXIF_ORIENTATIONS, exifPhoto } from './support/exif-photos';
import { loadFixture, type OcrFixture } from './support/fixtures';

/** What Skia shows for the file (it applies the tag itself). */
async function skiaUpright(bytes: Uint8Array): Promise<Raster> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  const data = canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data;
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(data) };
}

function meanAbsDiff(a: Raster, b: Raster): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / (a.data.length / 4);
}

let idFront: OcrFixture;
let upright: Raster;

beforeAll(async () => {
  idFront = await loadFixture('id-front-kai-0-photo');
  // A smaller copy keeps eight photos quick; text stays readable at 1200 px.
  upright = fitLongSide(await nodeImageCodec.decode(idFront.bytes, 'image/jpeg'), 1200).raster;
});

describe('EXIF orientation, all eight values', () => {
  it('is applied once: the prepared page equals what Skia shows for the tag', async () => {
    for (const o of EXIF_ORIENTATIONS) {
      const bytes = await exifPhoto(upright, o);
      const { raster, exifOrientation } = await decodeImageInput(
        { bytes, mime: 'image/jpeg' },
        nodeImageCodec,
        readExifOrientationNode,
      );
      expect(exifOrientation, `orientation ${o}`).toBe(o);
      const ours = applyExifOrientation(raster, exifOrientation);
      const skia = await skiaUpright(bytes);
      expect([ours.width, ours.height], `orientation ${o}`).toEqual([skia.width, skia.height]);
      expect([ours.width, ours.height], `orientation ${o}`).toEqual([
        upright.width,
        upright.height,
      ]);
      // Same decoder, same pixels: only JPEG rounding differs (a wrong flip differs by ~40).
      expect(meanAbsDiff(ours, skia), `orientation ${o}`).toBeLessThan(1);
      expect(meanAbsDiff(ours, upright), `orientation ${o}`).toBeLessThan(6);
      const prepared = preparePage(raster, { exifOrientation });
      expect(prepared.raster.width > prepared.raster.height, `orientation ${o} landscape`).toBe(
        upright.width > upright.height,
      );
    }
  });
});

describe('EXIF orientation in the reading pipeline (PP-OCRv4, real photos)', () => {
  let engine: RasterOcrEngine;
  let deps: ReadDocumentDeps;
  beforeAll(async () => {
    engine = await createOcrEngine('paddle');
    deps = await createNodeReadDocumentDeps(engine);
  }, 120_000);
  afterAll(async () => engine?.dispose());

  it('reads the ID number and name of an ID photo stored with each orientation', async () => {
    const misread: string[] = [];
    for (const o of EXIF_ORIENTATIONS) {
      const doc = await readDocument(
        { name: `IMG_${o}.jpg`, bytes: await exifPhoto(upright, o) },
        deps,
      );
      if (
        doc.kind !== 'id-card-front' ||
        doc.fields.idNumber !== idFront.truth.fields.idNumber ||
        doc.fields.name !== idFront.truth.fields.name
      )
        misread.push(`${o}: ${doc.kind} ${doc.fields.idNumber} ${doc.fields.name}`);
    }
    expect(misread).toEqual([]);
  }, 120_000);

  it('reads a portrait license photo stored sideways (orientation 6) as the phone shot it', async () => {
    const license = await loadFixture('license-sans-0-scan');
    const page = await nodeImageCodec.decode(license.bytes, 'image/jpeg');
    const doc = await readDocument({ name: 'IMG_0006.jpg', bytes: await exifPhoto(page, 6) }, deps);
    expect(doc.kind).toBe('business-license');
    expect(doc.fields.creditCode).toBe(license.truth.fields.creditCode);
    expect(doc.fields.validUntil).toBe(license.truth.fields.validUntil);
    expect(doc.fields.legalRepresentative).toBe(license.truth.fields.legalRepresentative);
  }, 120_000);
});
