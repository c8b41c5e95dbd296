// report.pdf for a Chinese reader (issue 14): checks named in Chinese, not by rule id;
// 长期 and 2036年05月20日, not `long-term` and ISO; times on the clock where the pack was
// made, not UTC ISO. Read back with pdfjs-dist, not the writer.
import { describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../src/core/checks/names';
import type { CheckResult } from '../../src/core/checks/types';
import { buildReportPdf, type ReportInput } from '../../src/core/pack/report';
import { localTimeZh, valueZh } from '../../src/core/pack/report-text';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { pdfPageText } from '../support/read-back';

const checks: CheckResult[] = [
  {
    id: 'id.declared-expiry',
    status: 'warn',
    message: 'The declared ID expiry and the card both say long-term.',
    messageZh: '填写的身份证到期日与证件均为长期。',
    values: ['long-term', 'long-term'],
  },
  {
    id: 'license.validity',
    status: 'fail',
    message: 'The business license term ended on 2025-01-01.',
    messageZh: '营业执照营业期限已于2025年01月01日届满。',
    values: ['2025-01-01'],
    exception: { reason: '续期中', by: '王会计', at: '2026-11-24T08:30:00.000Z' },
  },
];

const input: ReportInput = {
  company: { name: '青梧屿示例公司', creditCode: '91330106MA2B2C3D4E' },
  verdict: 'ready',
  forced: false,
  today: '2026-11-24',
  createdAt: '2026-11-24T16:40:05+08:00',
  app: { name: 'Dossier Vault', version: '0.1.0' },
  rulePack: { id: 'aliexpress-account-linking', version: '1.1.0', name: '速卖通账户关联' },
  checks,
  accounts: [],
  documents: [
    {
      file: '03-法人身份证-国徽面.jpg',
      kind: 'id-card-back',
      sourceName: 'back.jpg',
      fields: {
        issuingAuthority: { value: '杭州市公安局西湖分局', source: 'extracted' },
        validFrom: { value: '2016-05-20', source: 'extracted' },
        validUntil: { value: 'long-term', source: 'confirmed', confirmedBy: '王会计' },
      },
      sha256: '0'.repeat(64),
      preview: null,
    },
  ],
  watermarkText: null,
};

describe('the report in Chinese', () => {
  it('words times on the clock of the place the pack was made, and dates as printed', () => {
    expect(localTimeZh('2026-11-24T16:40:05+08:00', 480)).toBe('2026年11月24日 16:40（UTC+08:00）');
    // A UTC instant shown on that clock: 08:30Z is 16:30 in UTC+8, 03:30 in UTC-5.
    expect(localTimeZh('2026-11-24T08:30:00.000Z', 480)).toBe('2026年11月24日 16:30（UTC+08:00）');
    expect(localTimeZh('2026-11-24T02:30:00Z', -300)).toBe('2026年11月23日 21:30（UTC-05:00）');
    expect(localTimeZh('2026-11-24T10:00:00', 480)).toBe('2026年11月24日 10:00');
    expect(valueZh('long-term')).toBe('长期');
    expect(valueZh('2036-05-20')).toBe('2036年05月20日');
    expect(valueZh('杭州')).toBe('杭州');
  });

  it('names checks in Chinese and writes 长期 and local times', async () => {
    const pdf = await buildReportPdf(input, await loadReportFont());
    // Runs joined: a long cell wraps onto the next line.
    const cover = (await pdfPageText(pdf, 1)).replace(/\n/gu, '');
    for (const c of checks) {
      expect(cover).toContain(CHECK_NAMES[c.id].zh);
      expect(cover).not.toContain(c.id);
    }
    expect(cover).toMatch(/值 values: 长期\s*\|\s*长期/u);
    expect(cover).toContain('值 values: 2025年01月01日');
    expect(cover).toContain('生成时间 Created: 2026年11月24日 16:40（UTC+08:00）');
    expect(cover).toContain('王会计, 2026年11月24日 16:30（UTC+08:00）');
    expect(cover).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/u);
    const page = await pdfPageText(pdf, 2);
    expect(page).toContain('长期');
    expect(page).toContain('2016年05月20日');
    expect(page).not.toContain('long-term');
  });
});
