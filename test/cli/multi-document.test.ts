// The real `dossier` command on files that hold several documents: `extract --json`
// gives one element per document (same `file`, `page`, `region` for a part of a page),
// and `check` fills the slots from them: a whole dossier scanned into one PDF, and both
// ID sides photocopied on one watermarked page, give the verdict of the same dossier as
// separate scans (examples/scans-jpg/expected.json). The image checks (files.legible,
// files.quality, bank.seal) look at each document on its own page or region.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CheckResultSchema, VerdictSchema } from '../../src/core/checks/types';
import { RegionSchema } from '../../src/core/extraction';
import { DocumentQualitySchema, SealReportSchema } from '../../src/core/image';
import {
  bothSidesPage,
  EXAMPLES,
  scannedDossierPdf,
} from '../segment/support/multi-document-files';
import { runCli } from './run-cli';

const SCANS = join(EXAMPLES, 'scans-jpg');
const OCR_TIMEOUT = 240_000;

const ElementSchema = z.object({
  file: z.string(),
  page: z.number().int().min(0).optional(),
  region: RegionSchema.optional(),
  kind: z.string(),
  fields: z.record(z.string(), z.string().nullable()),
  quality: DocumentQualitySchema.optional(),
  seal: SealReportSchema.optional(),
});
type Element = z.infer<typeof ElementSchema>;
const CheckOutputSchema = z.object({
  verdict: VerdictSchema,
  documents: z.array(ElementSchema),
  checks: z.array(CheckResultSchema),
});
const expected = z
  .object({
    today: z.string(),
    verdict: VerdictSchema,
    failing: z.array(z.string()),
    warning: z.array(z.string()),
  })
  .parse(JSON.parse(readFileSync(join(SCANS, 'expected.json'), 'utf8')));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-multi-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every region the analysis reports for a part of a page lies inside that part. */
function regionsInside(doc: Element): void {
  const r = doc.region!;
  const regions = [
    ...(doc.quality?.flags.flatMap((f) => (f.region ? [f.region] : [])) ?? []),
    ...(doc.seal?.boxes ?? []),
  ];
  for (const b of regions) {
    expect(b.page).toBe(doc.page);
    expect(b.x).toBeGreaterThanOrEqual(r.x - 1);
    expect(b.y).toBeGreaterThanOrEqual(r.y - 1);
    expect(b.x + b.w).toBeLessThanOrEqual(r.x + r.w + 1);
    expect(b.y + b.h).toBeLessThanOrEqual(r.y + r.h + 1);
  }
}

/**
 * `extra`: warnings this file adds to the scans' (a greyscale copy: files.quality `copy`).
 * The image checks ran: none of them skipped.
 */
async function check(folder: string, extra: string[] = []) {
  const run = await runCli(['check', folder, '--today', expected.today, '--json']);
  expect(run.code, run.stderr).toBe(expected.verdict === 'ready' ? 0 : 1);
  const out = CheckOutputSchema.parse(JSON.parse(run.stdout));
  const statuses = (status: string) =>
    out.checks
      .filter((c) => c.status === status)
      .map((c) => c.id)
      .sort();
  expect(out.verdict).toBe(expected.verdict);
  expect(statuses('fail')).toEqual([...expected.failing].sort());
  expect(statuses('warn')).toEqual([...expected.warning, ...extra].sort());
  for (const id of ['files.legible', 'files.quality', 'bank.seal'])
    expect(out.checks.find((c) => c.id === id)?.status, id).not.toBe('skip');
  return out;
}

describe('dossier extract --json on files holding several documents', () => {
  it(
    'both ID sides on one watermarked A4 copy: two elements, one file, page and region',
    async () => {
      const path = join(dir, 'id-copy.jpg');
      writeFileSync(path, await bothSidesPage({ layout: 'stacked', watermark: true }));
      const run = await runCli(['extract', path, join(SCANS, 'license.jpg'), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const out = z.array(ElementSchema).parse(JSON.parse(run.stdout));
      expect(out.map((d) => [d.file, d.kind, d.page])).toEqual([
        [path, 'id-card-front', 0],
        [path, 'id-card-back', 0],
        [join(SCANS, 'license.jpg'), 'business-license', undefined],
      ]);
      const [front, back] = out;
      expect(front!.region!.y + front!.region!.h).toBeLessThanOrEqual(back!.region!.y);
      expect(front!.fields.idNumber).toBe('330108198302151461');
      expect(back!.fields.validUntil).toBe('2045-08-02');
      // Each side analysed on its own region: a card is 674 px wide on this 200 dpi page
      // (not the region's width), the page is grey (copy), the cut between the sides is
      // no edge of the image, and what is reported lies inside the side.
      for (const side of [front!, back!]) {
        expect(side.quality, side.kind).toMatchObject({
          raster: true,
          greyscale: true,
          widthPx: 674,
        });
        const flags = side.quality!.flags.map((f) => f.flag);
        expect(flags).toContain('copy');
        expect(flags).not.toContain('border-incomplete');
        expect(flags).not.toContain('low-resolution');
        expect(Object.keys(side.quality!.textConfidence ?? {}).length).toBeGreaterThan(0);
        regionsInside(side);
      }
    },
    OCR_TIMEOUT,
  );
});

describe('the image analysis of each document of a scanned whole-dossier PDF', () => {
  it(
    "examples/dossier-one-scanned-pdf: the bank form's seal on its page, the license's on its own",
    async () => {
      const path = join(EXAMPLES, 'dossier-one-scanned-pdf', 'dossier.pdf');
      const run = await runCli(['extract', path, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const out = z.array(ElementSchema).parse(JSON.parse(run.stdout));
      const byKind = (kind: string) => out.find((d) => d.kind === kind)!;
      const bank = byKind('bank-permit');
      expect(bank.page).toBe(3);
      expect(bank.seal).toMatchObject({ found: true, colour: 'colour' });
      expect(bank.seal!.boxes.map((b) => [b.page, b.role])).toEqual([[3, 'bank']]);
      const license = byKind('business-license');
      expect(license.seal!.boxes.map((b) => [b.page, b.role])).toEqual([
        [0, 'registration-authority'],
      ]);
      // The ID front is photocopied in greyscale (the generator's A4 copy), 85.6 mm at 200 dpi.
      expect(byKind('id-card-front').quality).toMatchObject({ greyscale: true, widthPx: 674 });
      expect(byKind('id-card-front').seal).toBeUndefined();
      for (const doc of out) {
        expect(doc.quality?.raster, doc.kind).toBe(true);
        for (const f of doc.quality!.flags) expect(f.region?.page ?? doc.page).toBe(doc.page);
      }
    },
    OCR_TIMEOUT,
  );
});

describe('dossier check fills the slots from multi-document files', () => {
  it(
    'a whole dossier scanned into one image-only PDF',
    async () => {
      const folder = join(dir, 'whole-dossier');
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder);
      copyFileSync(join(SCANS, 'dossier.json'), join(folder, 'dossier.json'));
      writeFileSync(
        join(folder, 'scan0001.pdf'),
        await scannedDossierPdf(SCANS, ['license.jpg', 'id-front.jpg', 'id-back.jpg', 'bank.jpg']),
      );
      const out = await check(folder);
      expect(out.documents.map((d) => [d.file, d.kind, d.page])).toEqual([
        ['scan0001.pdf', 'business-license', 0],
        ['scan0001.pdf', 'id-card-front', 1],
        ['scan0001.pdf', 'id-card-back', 2],
        ['scan0001.pdf', 'bank-permit', 3],
      ]);
    },
    OCR_TIMEOUT,
  );

  it(
    'both ID sides on one watermarked page, with the license and bank scans',
    async () => {
      const folder = join(dir, 'id-copy');
      mkdirSync(folder, { recursive: true });
      for (const f of ['license.jpg', 'bank.jpg']) copyFileSync(join(SCANS, f), join(folder, f));
      // The watermark's stroke crosses the front's sex (read 性别“安刊 at 0.30): files.legible
      // asks a person to confirm it against the image, and here one did.
      const dossier = JSON.parse(readFileSync(join(SCANS, 'dossier.json'), 'utf8')) as object;
      writeFileSync(
        join(folder, 'dossier.json'),
        JSON.stringify({ ...dossier, confirmed: { 'id-card-front': { sex: '男' } } }),
      );
      writeFileSync(
        join(folder, 'id-copy.jpg'),
        await bothSidesPage({ layout: 'side-by-side', watermark: true }),
      );
      // The page is copied in grey (bothSidesPage): files.quality warns `copy`.
      const out = await check(folder, ['files.quality']);
      expect(out.documents.map((d) => d.kind).sort()).toEqual([
        'bank-permit',
        'business-license',
        'id-card-back',
        'id-card-front',
      ]);
    },
    OCR_TIMEOUT,
  );
});
