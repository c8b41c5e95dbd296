// Each document of a file holding several is exported as its own file: a page of a
// whole-dossier PDF copied out (its text still reads as that document), a region of a PDF
// page set as the page's box, and an ID side cropped from its A4 copy with a margin (the
// crop's pixels are the page's pixels there). Real files, the Node pack codec.
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import { documentPart } from '../../src/core/pack/document-part';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import { nodeImageCodec as ocrCodec } from '../../src/ocr/codec.node.ts';
import { readDocuments, type ReadDocumentDeps } from '../../src/ocr/read-document';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import {
  bothSidesPage,
  cardPlacements,
  EXAMPLES,
  joinedPdf,
} from '../segment/support/multi-document-files';

let deps: ReadDocumentDeps;
beforeAll(async () => {
  deps = await createNodeReadDocumentDeps();
});

const base = (over: Partial<ExtractedDocument>): ExtractedDocument => ({
  file: 'f',
  kind: 'id-card-back',
  fields: {},
  confidence: {},
  corrections: [],
  warnings: [],
  ...over,
});

describe('documentPart', () => {
  it('copies a whole-dossier PDF page out: one page that reads as its document', async () => {
    const dir = join(EXAMPLES, 'ready');
    const bytes = await joinedPdf(
      ['license.pdf', 'id-front.pdf', 'id-back.pdf', 'bank.pdf'].map((f) => join(dir, f)),
    );
    const [, , back] = await readDocuments({ name: 'dossier.pdf', bytes }, deps);
    expect(back!.kind).toBe('id-card-back');
    const part = await documentPart({ bytes, mime: 'application/pdf' }, back!, nodeImageCodec);
    expect(part!.crop).toEqual({ page: 2 });
    expect((await PDFDocument.load(part!.bytes)).getPageCount()).toBe(1);
    const [again] = await readDocuments({ name: 'part.pdf', bytes: part!.bytes }, deps);
    expect(again!.kind).toBe('id-card-back');
    expect(again!.fields).toEqual(back!.fields);
  });

  it('sets a region of a PDF page as the page, in points from the top-left', async () => {
    const dir = join(EXAMPLES, 'ready');
    const bytes = await joinedPdf([join(dir, 'license.pdf'), join(dir, 'bank.pdf')]);
    const page = (await PDFDocument.load(bytes)).getPage(1).getSize();
    const region = { x: 100, y: 200, w: 300, h: 150 };
    const doc = base({ kind: 'bank-permit', page: 1, region, pageSize: page });
    const part = await documentPart({ bytes, mime: 'application/pdf' }, doc, nodeImageCodec);
    const margin = 0.02 * Math.min(page.width, page.height);
    expect(part!.crop.unit).toBe('pt');
    expect(part!.crop.region!.w).toBeCloseTo(300 + 2 * margin, 0);
    const out = (await PDFDocument.load(part!.bytes)).getPage(0);
    expect(out.getMediaBox().width).toBeCloseTo(300 + 2 * margin, 0);
    expect(out.getMediaBox().y).toBeCloseTo(page.height - (200 + 150) - margin, 0);
  });

  it('crops an ID side from its A4 copy with a margin: the crop holds the card', async () => {
    const bytes = await bothSidesPage({ layout: 'side-by-side' });
    const page = await ocrCodec.decode(bytes, 'image/jpeg');
    const back = cardPlacements('side-by-side', 425)[1]!;
    // The reading's page at half the file's resolution: the crop is scaled back up.
    const half = { x: back.x / 2, y: back.y / 2, w: back.w / 2, h: back.h / 2 };
    const doc = base({
      page: 0,
      region: half,
      pageSize: { width: page.width / 2, height: page.height / 2 },
    });
    const part = await documentPart({ bytes, mime: 'image/jpeg' }, doc, nodeImageCodec);
    const crop = part!.crop.region!;
    const margin = 0.02 * page.width;
    expect(part!.mime).toBe('image/jpeg');
    expect(part!.crop.unit).toBe('px');
    expect(crop.x).toBeCloseTo(back.x - margin, 0);
    expect(crop.w).toBeCloseTo(back.w + 2 * margin, 0);
    const image = await ocrCodec.decode(part!.bytes, 'image/jpeg');
    expect([image.width, image.height]).toEqual([Math.round(crop.w), Math.round(crop.h)]);
    // Same pixels as the page there (JPEG re-encoding and sub-pixel placement aside); the
    // control, the page 60 px off, shows how far a wrong crop would be.
    const meanDiff = (dx: number) => {
      let diff = 0;
      let n = 0;
      for (let y = 0; y < image.height; y += 7) {
        for (let x = 0; x < image.width; x += 7) {
          const px = Math.round(crop.x) + x + dx;
          const py = Math.round(crop.y) + y;
          diff += Math.abs(
            image.data[(y * image.width + x) * 4]! - page.data[(py * page.width + px) * 4]!,
          );
          n++;
        }
      }
      return diff / n;
    };
    expect(meanDiff(0)).toBeLessThan(12);
    expect(meanDiff(60)).toBeGreaterThan(2 * meanDiff(0));
  });

  it('leaves a whole-file document alone', async () => {
    expect(
      await documentPart(
        { bytes: new Uint8Array(4), mime: 'image/jpeg' },
        base({}),
        nodeImageCodec,
      ),
    ).toBeNull();
  });
});
