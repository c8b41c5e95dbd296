// The real `dossier` command on files that hold several documents: `extract --json`
// gives one element per document (same `file`, `page`, `region` for a part of a page),
// and `check` fills the slots from them: a whole dossier scanned into one PDF, and both
// ID sides photocopied on one watermarked page, give the verdict of the same dossier as
// separate scans (examples/scans-jpg/expected.json).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CheckResultSchema, VerdictSchema } from '../../src/core/checks/types';
import { RegionSchema } from '../../src/core/extraction';
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
});
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

async function check(folder: string) {
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
  expect(statuses('warn')).toEqual([...expected.warning].sort());
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
      for (const f of ['dossier.json', 'license.jpg', 'bank.jpg'])
        copyFileSync(join(SCANS, f), join(folder, f));
      writeFileSync(
        join(folder, 'id-copy.jpg'),
        await bothSidesPage({ layout: 'side-by-side', watermark: true }),
      );
      const out = await check(folder);
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
