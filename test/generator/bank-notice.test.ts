// The bordered bank tables print their notice sentence below the table: a narrow table's
// labels wrap, the table grows, and the notice once stood over its 账号 row (the account
// number under a sentence, in the tuning set). Real Chromium print, real pdfjs text layer.
import { afterAll, describe, expect, it } from 'vitest';
import { familyById, familySample } from '../../scripts/fixtures/families/families';
import { renderFamilyFile } from '../../scripts/fixtures/families/render-family';
import { closeRenderer } from '../../scripts/fixtures/render';
import { pageLines } from '../../src/core/extract/lines';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';

afterAll(closeRenderer);

const NOTICE_START = /^(?:凭此信息|温馨提示|本信息仅供)/u;

describe('bank tables and their notice', () => {
  // Sample 11 at offset 3000 is one whose wrapped labels made the table reach the notice.
  for (const [family, index] of [
    ['bank-info-wrapped', 11],
    ['bank-info-wrapped', 0],
    ['bank-info-table', 0],
  ] as const) {
    it(`${family} #${index}: the notice stands below the account number's row`, async () => {
      const sample = familySample(familyById(family), index, { seedOffset: 3000 });
      const file = familyById(family).render(sample);
      const account = sample.dossier.bank.accountNumber;
      const text = await readPdfTextNode((await renderFamilyFile(file, 'text-pdf', 1)).bytes);
      const lines = pageLines(text.pages[0]!).map((l) => ({
        ...l,
        text: l.glyphs.map((g) => g.ch).join(''),
      }));
      const row = lines.filter((l) => l.text.includes(account));
      expect(row).toHaveLength(1);
      const notice = lines.filter((l) => NOTICE_START.test(l.text));
      expect(notice).toHaveLength(1);
      expect(notice[0]!.y0).toBeGreaterThan(row[0]!.y1);
    }, 60_000);
  }
});
