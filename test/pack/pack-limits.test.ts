// A pack `dossier verify` would refuse is never written (issue 15, item 6): 55 licence
// PDFs of 4.9 MB (265 MB together, over verify's 256 MB) stop the build, naming the
// largest files, before the report is drawn.
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  assertWithinVerifyLimits,
  buildPack,
  DEFAULT_ZIP_LIMITS,
  PackTooLargeError,
} from '../../src/core/pack';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import { nodeHasher } from '../../src/pack-host/hasher.node.ts';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { readyDossier } from './fixtures';

/** A one-page PDF of about `bytes`, incompressible (a stream of pseudo-random bytes). */
async function pdfOfSize(bytes: number, seed: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const noise = new Uint8Array(bytes);
  let s = seed;
  for (let i = 0; i < noise.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    noise[i] = s >>> 24;
  }
  // Referenced from the page, so it is part of the document.
  const stream = doc.context.flateStream(noise);
  doc.getPage(0).node.set(PDFName.of('Noise'), doc.context.register(stream));
  return doc.save();
}

describe('the pack size against the limits verify reads', () => {
  it('refuses 55 licences of 4.9 MB before writing anything', async () => {
    const input = await readyDossier();
    const license = input.documents.find((d) => d.extracted.kind === 'business-license')!;
    const pdf = await pdfOfSize(4.9 * 1024 * 1024, 7);
    expect(pdf.length).toBeLessThanOrEqual(5 * 1024 * 1024);
    const documents = Array.from({ length: 55 }, (_, i) => ({
      ...license,
      sourceName: `license-${i + 1}.pdf`,
      bytes: pdf,
      mime: 'application/pdf',
    }));
    const progress: string[] = [];
    const attempt = buildPack(
      { ...input, documents },
      {
        codec: nodeImageCodec,
        hasher: nodeHasher,
        font: await loadReportFont(),
        onProgress: (m) => progress.push(m),
      },
    );
    await expect(attempt).rejects.toThrow(PackTooLargeError);
    await expect(attempt).rejects.toThrow(
      /^The pack would hold 25\d\.\d MB, over the 256\.0 MB that dossier verify accepts \(largest: 01-营业执照-.*\.pdf 4\.9 MB/,
    );
    // Stopped at the document that passed the limit: no report, no zip.
    expect(progress.some((m) => m.startsWith('writing accounts.csv'))).toBe(false);
  }, 180_000);

  it('counts entries and one entry against the same limits', () => {
    const entry = (name: string, length: number) => ({ name, bytes: { length } });
    const many = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries - 3 }, (_, i) =>
      entry(`${i}.jpg`, 1),
    );
    expect(() => assertWithinVerifyLimits(many, 4)).toThrow(/would hold 201 files, over the 200/);
    expect(() => assertWithinVerifyLimits(many, 3)).not.toThrow();
    expect(() =>
      assertWithinVerifyLimits([entry('report.pdf', DEFAULT_ZIP_LIMITS.maxEntryBytes + 1)]),
    ).toThrow(/^report\.pdf would be 128\.0 MB in the pack, over the 128\.0 MB/);
  });
});
