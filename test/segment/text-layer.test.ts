// Files holding several documents, read from their PDF text layer (no OCR): a whole
// dossier's text PDFs joined into one file is split page by page, each page read as its
// own document; every single-document example stays one document.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { readDocuments, type ReadDocumentDeps } from '../../src/ocr/read-document';
import { EXAMPLES, joinedPdf } from './support/multi-document-files';

const ORDER = ['license.pdf', 'id-front.pdf', 'id-back.pdf', 'bank.pdf'] as const;
/** Each document's page is also rendered for the image analysis (seals, colour). */
const READ_TIMEOUT = 120_000;
let deps: ReadDocumentDeps;

beforeAll(async () => {
  deps = await createNodeReadDocumentDeps();
});

async function readPath(path: string, name = path): Promise<ExtractedDocument[]> {
  return readDocuments({ name, bytes: new Uint8Array(await readFile(path)) }, deps);
}

describe('a whole dossier in one text-layer PDF', () => {
  it(
    'gives one document per page, in page order, each as read from its own file',
    async () => {
      const dir = join(EXAMPLES, 'ready');
      const bytes = await joinedPdf(ORDER.map((n) => join(dir, n)));
      const docs = await readDocuments({ name: 'dossier.pdf', bytes }, deps);
      expect(docs.map((d) => [d.file, d.kind, d.page])).toEqual([
        ['dossier.pdf', 'business-license', 0],
        ['dossier.pdf', 'id-card-front', 1],
        ['dossier.pdf', 'id-card-back', 2],
        ['dossier.pdf', 'bank-permit', 3],
      ]);
      for (const [i, name] of ORDER.entries()) {
        const [alone] = await readPath(join(dir, name));
        expect(docs[i]!.fields, name).toEqual(alone!.fields);
        expect(docs[i]!.region, 'a whole page has no region').toBeUndefined();
        // The boxes point at the document's page of the joined file.
        for (const box of Object.values(docs[i]!.boxes ?? {})) expect(box.page).toBe(i);
        // Its own page was looked at for seals as the file alone is: the same, on page i.
        expect(docs[i]!.seal?.found, name).toBe(alone!.seal?.found);
        expect(docs[i]!.seal?.boxes.map((b) => b.page)).toEqual(alone!.seal?.boxes.map(() => i));
      }
      expect(docs[3]!.seal?.found, 'the bank form carries its seal').toBe(true);
    },
    READ_TIMEOUT,
  );

  it(
    'keeps consecutive pages of one kind as one document, and names an unreadable page',
    async () => {
      const dir = join(EXAMPLES, 'ready');
      const cover = await PDFDocument.create();
      const font = await cover.embedFont(StandardFonts.Helvetica);
      cover
        .addPage([595, 842])
        .drawText('Fax cover sheet: 4 pages follow', { x: 72, y: 760, font });
      const bytes = await joinedPdf([
        await cover.save(),
        join(dir, 'license.pdf'),
        join(dir, 'license.pdf'),
        join(dir, 'bank.pdf'),
      ]);
      const docs = await readDocuments({ name: 'two-license-pages.pdf', bytes }, deps);
      expect(docs.map((d) => [d.kind, d.page, d.pages])).toEqual([
        ['unknown', 0, undefined],
        ['business-license', 1, [1, 2]],
        ['bank-permit', 3, undefined],
      ]);
      expect(docs[0]!.fields).toEqual({});
    },
    READ_TIMEOUT,
  );
});

describe('every single-document example stays one document', () => {
  const files = readdirSync(EXAMPLES).flatMap((dir) =>
    readdirSync(join(EXAMPLES, dir))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => join(EXAMPLES, dir, f)),
  );

  it('the text-layer PDFs (image-only ones need OCR: multi-document-ocr.test.ts)', async () => {
    const split: string[] = [];
    let read = 0;
    for (const path of files) {
      const docs = await readPath(path);
      if (docs[0]!.problem?.reason === 'no-ocr') continue;
      read++;
      if (docs.length !== 1 || docs[0]!.kind === 'unknown') split.push(`${path}: ${docs.length}`);
    }
    expect(split).toEqual([]);
    expect(read).toBeGreaterThanOrEqual(36);
    // 40 PDFs: 13 s alone, over 30 s on the shared 2-core machine.
  }, 120_000);
});
