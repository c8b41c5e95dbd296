// The one intake policy (src/core/intake.ts) on real files our code makes, and the proof
// that the screen invites exactly what it admits: the file pickers' accept list, the
// import hint and the refusal sentence in both catalogues name the admitted types only.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import * as UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { ACCEPT_ATTRIBUTE, ADMITTED_TYPES, admit, INTAKE_LIMITS } from '../../src/core/intake';
import { en } from '../../src/renderer/i18n/en';
import { zh } from '../../src/renderer/i18n/zh';
import { ACCEPT } from '../../src/renderer/screens/dossier/ImportPanel';

function photo(width: number, height: number) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#eee';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#222';
  ctx.fillRect(10, 10, width / 2, height / 3);
  return canvas;
}

const u8 = (b: Buffer | ArrayBuffer) => new Uint8Array(b);

describe('admit', () => {
  it('admits PDF, JPEG and PNG by their bytes, images with their header dimensions', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(admit(await pdf.save())).toEqual({ ok: true, mime: 'application/pdf' });
    const canvas = photo(320, 200);
    for (const [bytes, mime] of [
      [u8(await canvas.encode('png')), 'image/png'],
      [u8(await canvas.encode('jpeg', 90)), 'image/jpeg'],
    ] as const) {
      expect(admit(bytes)).toEqual({ ok: true, mime, dimensions: { width: 320, height: 200 } });
    }
  });

  it('refuses real WebP and TIFF files and a HEIC header with the same coded reason the screen words', async () => {
    const canvas = photo(64, 48);
    const webp = u8(await canvas.encode('webp', 80));
    const rgba = canvas.getContext('2d').getImageData(0, 0, 64, 48).data;
    const tiff = u8(
      UTIF.encodeImage(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength), 64, 48),
    );
    // An ISO-BMFF 'ftyp' box with the 'heic' brand: what a phone's HEIC photo starts with.
    const heic = new Uint8Array([
      0,
      0,
      0,
      24,
      ...Buffer.from('ftypheic'),
      0,
      0,
      0,
      0,
      ...Buffer.from('mif1heic'),
    ]);
    for (const bytes of [webp, tiff, heic]) {
      expect(admit(bytes)).toEqual({
        ok: false,
        problem: { reason: 'unsupported-type' },
        message: 'The file is neither a PDF nor a JPG or PNG image.',
      });
    }
  });

  it('refuses empty files, files over the size limit and images over the pixel limit, with their figures', async () => {
    expect(admit(new Uint8Array(0))).toMatchObject({ ok: false, problem: { reason: 'empty' } });
    const png = u8(await photo(2000, 1000).encode('png'));
    expect(admit(png, { ...INTAKE_LIMITS, maxFileBytes: 1024 })).toMatchObject({
      ok: false,
      problem: { reason: 'too-large', values: { size: 0, limit: 0 } },
    });
    expect(admit(png, { ...INTAKE_LIMITS, maxImagePixels: 1_000_000 })).toEqual({
      ok: false,
      problem: {
        reason: 'too-many-pixels',
        values: { width: 2000, height: 1000, megapixels: 2, limit: 1 },
      },
      message: 'The image is 2000 × 1000 pixels (2 megapixels), over the 1-megapixel limit.',
    });
    // A PNG whose header was cut before its size.
    expect(admit(png.subarray(0, 20))).toMatchObject({ ok: false, problem: { reason: 'damaged' } });
  });
});

describe('the screen and the code agree', () => {
  const labels = ADMITTED_TYPES.map((t) => t.label);

  it('the file pickers offer the admitted extensions and types, and nothing else', () => {
    expect(ACCEPT).toBe(ACCEPT_ATTRIBUTE);
    expect(ACCEPT.split(',').sort()).toEqual(
      ADMITTED_TYPES.flatMap((t) => [...t.extensions, t.mime]).sort(),
    );
    expect(ACCEPT).not.toMatch(/image\/\*|tif|heic|heif|webp|bmp/i);
  });

  it('both catalogues name exactly the admitted types in the import hint and the refusal', () => {
    for (const catalogue of [en, zh]) {
      for (const key of [
        'dossier.import.hint',
        'dossier.import.reason.unsupported-type',
      ] as const) {
        const named = catalogue[key].match(/\b[A-Z]{3,4}\b/g) ?? [];
        expect(named.sort(), `${key}: ${catalogue[key]}`).toEqual([...labels].sort());
      }
    }
  });
});
