// report.pdf lists each document's image-quality flags with their reasons and its seals
// (issue 16): read back from the real PDF by pdfjs.
import { describe, expect, it } from 'vitest';
import { buildReportPdf, type ReportDocument } from '../../src/core/pack';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { pdfPageText } from '../support/read-back';

const documentOf = (
  d: Partial<ReportDocument> & Pick<ReportDocument, 'file' | 'kind'>,
): ReportDocument => ({
  sourceName: d.file,
  fields: {},
  sha256: '0'.repeat(64),
  preview: null,
  ...d,
});

describe('report.pdf with the image analysis', () => {
  it('lists every flag with its reason on the document page and on the cover, and the seals', async () => {
    const glare = {
      flag: 'glare' as const,
      reason:
        'Glare washes out the company name (3.6% of the image): photograph it again without the reflection.',
      reasonZh: '反光遮盖了名称（占图像 3.6%）：请避开反光重新拍摄。',
      field: 'companyName',
      region: { page: 0, x: 100, y: 200, w: 300, h: 120 },
    };
    const border = {
      flag: 'border-incomplete' as const,
      reason:
        'The document runs off the right edge of the image: scan or photograph the whole page.',
      reasonZh: '证件右边缘超出图像：请扫描或拍摄完整页面。',
    };
    const pdf = await buildReportPdf(
      {
        company: { name: '杭州青梧屿贸易有限公司', creditCode: '91330106MA2B2C3D4E' },
        verdict: 'blocked',
        forced: false,
        today: '2026-11-24',
        createdAt: '2026-11-24T09:00:00.000Z',
        app: { name: 'Dossier Vault', version: '0.0.0' },
        rulePack: { id: 'default', version: '1', name: 'default' },
        checks: [],
        accounts: [],
        watermarkText: null,
        documents: [
          documentOf({
            file: '01-license.jpg',
            kind: 'business-license',
            quality: { flags: [glare, border], greyscale: false, raster: true, dpi: 200 },
            seal: {
              found: true,
              colour: 'colour',
              boxes: [
                { page: 0, x: 1, y: 1, w: 9, h: 9, role: 'registration-authority', score: 0.9 },
              ],
            },
          }),
          documentOf({
            file: '04-bank.jpg',
            kind: 'bank-permit',
            quality: { flags: [], greyscale: false, raster: true, dpi: 200 },
            seal: { found: false, colour: 'colour', boxes: [] },
          }),
        ],
      },
      await loadReportFont(),
    );
    const cover = await pdfPageText(pdf, 1);
    expect(cover).toMatch(/Image flags: 反光 glare、边缘不完整 border-incomplete/);
    const license = (await pdfPageText(pdf, 2)).replace(/\n/g, '');
    expect(license).toContain('Image quality');
    expect(license).toContain('反光');
    expect(license).toContain('Glare washes out the company name');
    expect(license).toContain('证件右边缘超出图像');
    expect(license).toContain("the registration authority's seal");
    const bank = (await pdfPageText(pdf, 3)).replace(/\n/g, '');
    expect(bank).toContain('No problem found');
    expect(bank).toContain('no red seal found');
  }, 120_000);
});
