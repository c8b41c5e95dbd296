// Files holding several documents, read by OCR (PP-OCRv4) from real images made of the
// committed example scans: both ID sides photocopied on one A4 page (stacked, side by
// side, with and without the diagonal purpose watermark) are split into two card
// regions, each read; a whole dossier scanned into one image-only PDF gives one
// document per page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument, Region } from '../../src/core/extraction';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { createNodeReadDocumentDeps, createOcrEngine } from '../../src/ocr/engines.node.ts';
import { readDocuments, type ReadDocumentDeps } from '../../src/ocr/read-document';
import {
  bothSidesPage,
  cardPlacements,
  EXAMPLES,
  scannedDossierPdf,
  type BothSidesOptions,
} from './support/multi-document-files';
import { OCR_FIXTURES } from '../ocr/support/fixtures';

const SCANS = join(EXAMPLES, 'scans-jpg');
interface Expected {
  fields: Record<string, Record<string, string>>;
}
let expected: Expected;
let engine: RasterOcrEngine;
let deps: ReadDocumentDeps;

beforeAll(async () => {
  expected = JSON.parse(await readFile(join(SCANS, 'expected.json'), 'utf8')) as Expected;
  engine = await createOcrEngine('paddle');
  deps = await createNodeReadDocumentDeps(engine);
}, 120_000);
afterAll(async () => engine?.dispose());

/** Share of `a`'s area inside `b`. */
function inside(a: Region, b: Region): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (a.w * a.h);
}

function expectIdSides(docs: ExtractedDocument[], options: BothSidesOptions): void {
  expect(docs.map((d) => [d.kind, d.page])).toEqual([
    ['id-card-front', 0],
    ['id-card-back', 0],
  ]);
  const [front, back] = docs as [ExtractedDocument, ExtractedDocument];
  const truth = expected.fields['id-card-front']!;
  expect(front.fields.name).toBe(truth.name);
  expect(front.fields.idNumber).toBe(truth.idNumber);
  expect(back.fields.validUntil).toBe('2045-08-02');
  expect(back.fields.issuingAuthority).toBe('杭州市公安局滨江分局');
  // Each region holds most of its own card and almost nothing of the other one (the
  // page is read as drawn: 1654 × 2339, deskewed by about a degree).
  const cards = cardPlacements(options.layout, 425);
  for (const [i, doc] of docs.entries()) {
    expect(doc.region, doc.kind).toBeDefined();
    expect(inside(cards[i]!, doc.region!), `${doc.kind} holds its card`).toBeGreaterThan(0.8);
    expect(inside(cards[1 - i]!, doc.region!), `${doc.kind} not the other`).toBeLessThan(0.05);
  }
}

describe('both ID sides on one A4 photocopy', () => {
  for (const options of [
    { layout: 'stacked' },
    { layout: 'side-by-side' },
    { layout: 'stacked', watermark: true },
    { layout: 'side-by-side', watermark: true },
  ] satisfies BothSidesOptions[]) {
    const name = `${options.layout}${'watermark' in options ? ', watermarked' : ''}`;
    it(`${name}: two regions, front then back, each read`, async () => {
      const bytes = await bothSidesPage(options);
      expectIdSides(await readDocuments({ name: 'id-copy.jpg', bytes }, deps), options);
    }, 120_000);
  }
});

describe('both ID sides under a tiled purpose watermark', () => {
  it('splits the front from the back, the watermark linking neither', async () => {
    // A tuned id-a4-both-stacked copy scan (dossiers helper's seed offset 4670, JPEG
    // quality 40): 仅供办理XX平台店铺认证使用，他用无效 tiled at about 30°, read as 17
    // of the page's 36 OCR lines, in boxes far taller than their characters are wide, with
    // other pieces standing on their own. They set the page's line height (about 70 px, the text's is 21), and at
    // that height every line linked: the old code read one front, the back not found.
    const bytes = await readFile(join(OCR_FIXTURES, 'id-a4-both-stacked-tiled-watermark.jpg'));
    const docs = await readDocuments({ name: 'copy.jpg', bytes: new Uint8Array(bytes) }, deps);
    expect(docs.map((d) => d.kind)).toEqual(['id-card-front', 'id-card-back']);
    const [front, back] = docs as [ExtractedDocument, ExtractedDocument];
    expect(front.fields.name).toBe('买买提·艾买提');
    expect(front.fields.idNumber).toBe('310115199611159146');
    expect(back.fields.issuingAuthority).toBe('上海市公安局浦东分局');
    expect(back.fields.validUntil).toBe('2043-04-19');
    // Each region lies about its card (truth: front y 244-669, back y 841-1266).
    expect(front.region!.y + front.region!.h).toBeLessThan(841);
    expect(back.region!.y).toBeGreaterThan(669);
  }, 120_000);
});

describe('a whole dossier scanned into one image-only PDF', () => {
  it('gives one document per page, in page order, with the fields of each', async () => {
    const bytes = await scannedDossierPdf(SCANS, [
      'license.jpg',
      'id-front.jpg',
      'id-back.jpg',
      'bank.jpg',
    ]);
    const docs = await readDocuments({ name: 'scan0001.pdf', bytes }, deps);
    expect(docs.map((d) => [d.kind, d.page, d.region])).toEqual([
      ['business-license', 0, undefined],
      ['id-card-front', 1, undefined],
      ['id-card-back', 2, undefined],
      ['bank-permit', 3, undefined],
    ]);
    for (const doc of docs) {
      if (doc.kind === 'unknown') continue;
      for (const [field, value] of Object.entries(expected.fields[doc.kind] ?? {}))
        expect(doc.fields[field], `${doc.kind} ${field}`).toBe(value);
    }
  }, 240_000);
});
