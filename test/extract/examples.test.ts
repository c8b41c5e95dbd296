// The committed example dossiers are what the generator makes: every PDF reads back (real
// pdfjs) to the ground truth of its example, and expected.json names the intended checks.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_TODAY, dossierJson, examples } from '../../scripts/fixtures/example-dossiers';
import {
  EXAMPLE_IMAGE_MAX_SIDE,
  KEY_FIELDS,
  imageExamples,
} from '../../scripts/fixtures/example-images';
import { FAMILY_EXAMPLES } from '../../scripts/fixtures/families/make-family-examples';
import { QUALITY_EXAMPLES } from '../../scripts/fixtures/quality/examples';
import { dossierDocuments } from '../../scripts/fixtures/variants';
import { extractDocument } from '../../src/core/extract/index';
import { readImageDimensions } from '../../src/core/intake';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';

const EXAMPLES_DIR = join(import.meta.dirname, '../../examples');

describe('examples/', () => {
  it('holds exactly the generated examples', async () => {
    const dirs = (await readdir(EXAMPLES_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(dirs).toEqual(
      [
        ...[...examples(), ...imageExamples(), ...QUALITY_EXAMPLES].map((e) => e.name),
        ...FAMILY_EXAMPLES,
      ].sort(),
    );
  });

  it.each(examples().map((e) => [e.name, e] as const))(
    '%s reads back to its ground truth',
    async (name, example) => {
      const dir = join(EXAMPLES_DIR, name);
      for (const doc of dossierDocuments(example.dossier, example.layout)) {
        const bytes = new Uint8Array(await readFile(join(dir, `${doc.name}.pdf`)));
        expect(bytes.length).toBeLessThan(400_000);
        const extracted = extractDocument(await readPdfTextNode(bytes), `${doc.name}.pdf`);
        expect({ kind: extracted.kind, fields: extracted.fields }).toEqual(doc.truth);
      }
      const expected: unknown = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
      expect(expected).toEqual({
        today: EXAMPLES_TODAY,
        verdict: example.failing.length === 0 ? 'ready' : 'blocked',
        failing: example.failing,
        warning: [],
        ...(example.reasons ? { reasons: example.reasons } : {}),
      });
      const dossier: unknown = JSON.parse(await readFile(join(dir, 'dossier.json'), 'utf8'));
      expect(dossier).toEqual(dossierJson(example));
    },
  );

  it.each(imageExamples().map((e) => [e.name, e] as const))(
    '%s (images) holds small images and the key fields of its ground truth',
    async (name, example) => {
      const dir = join(EXAMPLES_DIR, name);
      const fields: Record<string, Record<string, string | null>> = {};
      for (const doc of dossierDocuments(example.dossier, example.layout)) {
        const bytes = new Uint8Array(await readFile(join(dir, `${doc.name}.${example.format}`)));
        expect(bytes.length).toBeLessThan(1_200_000);
        if (example.format !== 'pdf') {
          const mime = example.format === 'png' ? 'image/png' : 'image/jpeg';
          const size = readImageDimensions(bytes, mime);
          expect(Math.max(size?.width ?? Infinity, size?.height ?? Infinity)).toBeLessThanOrEqual(
            EXAMPLE_IMAGE_MAX_SIDE,
          );
        } else {
          // Image-only: no text layer for pdfjs to read.
          await expect(readPdfTextNode(bytes)).rejects.toThrow();
        }
        const keys = KEY_FIELDS[doc.truth.kind];
        if (keys)
          fields[doc.truth.kind] = Object.fromEntries(
            keys.map((k) => [k, doc.truth.fields[k] ?? null]),
          );
      }
      const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(expected).toMatchObject({
        today: EXAMPLES_TODAY,
        verdict: example.failing.length === 0 ? 'ready' : 'blocked',
        failing: example.failing,
        ocr: true,
        fields,
      });
      const dossier: unknown = JSON.parse(await readFile(join(dir, 'dossier.json'), 'utf8'));
      expect(dossier).toEqual(dossierJson(example));
    },
  );
});
