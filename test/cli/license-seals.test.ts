// The license's seals (issue 16): the registration authority's red seal on a license as
// issued, and a company's red seal on a stamped greyscale photocopy, rendered by Chromium
// as 200 dpi scans and read by the real `dossier extract --json` (PP-OCR): each seal is
// reported as a box with its role; a license without a seal reports none.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { closeRenderer, renderHtml } from '../../scripts/fixtures/render';
import { makeDossier } from '../../scripts/fixtures/data';
import { withLicenseSeals } from '../../scripts/fixtures/quality/seal';
import { documentHtml, pageSize, type DocumentSpec } from '../../scripts/fixtures/templates';
import { dossierDocuments } from '../../scripts/fixtures/variants';
import { DocumentQualitySchema, SealReportSchema } from '../../src/core/image';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'license-seals-'));

function licenseSpec(layout: 'original-landscape' | 'copy-portrait'): DocumentSpec {
  const docs = dossierDocuments(makeDossier(4242), {
    license: layout,
    bank: 'permit',
    font: 'Noto Sans CJK SC',
  });
  return docs.find((d) => d.name === 'license')!.spec;
}

beforeAll(async () => {
  try {
    const original = licenseSpec('original-landscape');
    const copy = licenseSpec('copy-portrait');
    const files: [string, DocumentSpec, string][] = [
      ['issued.png', original, withLicenseSeals(documentHtml(original), 'authority')],
      ['stamped-copy.png', copy, withLicenseSeals(documentHtml(copy), 'stamped-copy')],
      ['unsealed.png', copy, documentHtml(copy)],
    ];
    for (const [name, spec, html] of files)
      writeFileSync(
        join(dir, name),
        await renderHtml(html, pageSize(spec), { format: 'png', dpi: 200 }),
      );
  } finally {
    await closeRenderer();
  }
}, 120_000);
afterAll(closeRenderer);

const Output = z.array(
  z.object({
    file: z.string(),
    kind: z.string(),
    quality: DocumentQualitySchema,
    seal: SealReportSchema.optional(),
  }),
);

describe('license seals in extract --json', () => {
  it('reports the registration authority seal and a stamped copy company seal as boxes with their roles', async () => {
    const run = await runCli(
      ['extract', 'issued.png', 'stamped-copy.png', 'unsealed.png', '--json'],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const out = Output.parse(JSON.parse(run.stdout));
    const byFile = (f: string) => out.find((d) => d.file === f)!;

    const issued = byFile('issued.png');
    expect(issued.kind).toBe('business-license');
    expect(issued.seal).toMatchObject({ found: true, colour: 'colour' });
    expect(issued.seal!.boxes.map((b) => b.role)).toEqual(['registration-authority']);
    // The seal is where it was stamped: 38 mm across, its centre 41 mm from the right and
    // 35 mm from the bottom of the 297 × 210 mm page, at 200 dpi.
    const mm = 200 / 25.4;
    const a = issued.seal!.boxes[0]!;
    expect(a.w).toBeGreaterThan(30 * mm);
    expect(a.w).toBeLessThan(46 * mm);
    expect(Math.abs(a.x + a.w / 2 - (297 - 41) * mm)).toBeLessThan(4 * mm);
    expect(Math.abs(a.y + a.h / 2 - (210 - 35) * mm)).toBeLessThan(4 * mm);

    const stamped = byFile('stamped-copy.png');
    expect(stamped.kind).toBe('business-license');
    expect(stamped.seal?.found).toBe(true);
    expect(stamped.seal!.boxes.map((b) => b.role)).toEqual(['company']);
    const c = stamped.seal!.boxes[0]!;
    expect(Math.abs(c.x + c.w / 2 - 82 * mm)).toBeLessThan(5 * mm);
    expect(Math.abs(c.y + c.h / 2 - 112 * mm)).toBeLessThan(5 * mm);

    const unsealed = byFile('unsealed.png');
    expect(unsealed.kind).toBe('business-license');
    expect(unsealed.seal).toEqual({ found: false, colour: 'colour', boxes: [] });
  }, 300_000);
});
