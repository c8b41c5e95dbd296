// The dossier list's pure parts in Node (cheaper than the browser): the order of rows and
// the short deadline labels, on deadlines computed by the real deadline code.
import { describe, expect, it } from 'vitest';
import {
  bundledWorkingDayCalendar,
  dossierDeadlines,
  type DeadlineItem,
} from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';
import { translator } from '../../src/renderer/i18n';
import type { DossierRow } from '../../src/renderer/model/contract';
import { sortRows } from '../../src/renderer/screens/dossiers/sort';
import { deadlineLabel } from '../../src/renderer/screens/dossiers/status-label';
import { errorSentence } from '../../src/renderer/shell/errors';
import { VaultError, VaultIntegrityError, WrongPassphraseError } from '../../src/vault/errors';

const TODAY = '2026-11-24';
const pack = loadRulePack();
const calendar = bundledWorkingDayCalendar();

function nearest(input: Parameters<typeof dossierDeadlines>[0]): DeadlineItem | null {
  return dossierDeadlines(input, TODAY, calendar, pack)[0] ?? null;
}

function row(company: string, item: DeadlineItem | null): DossierRow {
  return {
    summary: {
      id: company,
      company,
      rulePack: pack.id,
      status: 'draft',
      legalRepresentative: null,
      creditCode: null,
      createdAt: 0,
      updatedAt: 0,
      checkSummary: null,
    },
    verdict: null,
    failed: 0,
    warnings: 0,
    nearest: item,
  };
}

describe('the dossier list order', () => {
  const expired = row('宁波甲', nearest({ idCardValidUntil: '2026-11-20' }));
  const soon = row('杭州乙', nearest({ licenseValidUntil: '2026-12-01' }));
  const later = row('北京丙', nearest({ idCardValidUntil: '2027-01-30' }));
  const none1 = row('上海丁', null);
  const none2 = row('安徽戊', null);

  it('puts the nearest deadline first, passed ones before all, then the rest by name', () => {
    const order = sortRows([none1, later, soon, none2, expired], 'deadline');
    expect(order.map((r) => r.summary.company)).toEqual([
      '宁波甲',
      '杭州乙',
      '北京丙',
      '安徽戊',
      '上海丁',
    ]);
  });

  it('sorts by name in pinyin order on request', () => {
    const order = sortRows([none1, later, soon, none2, expired], 'name');
    expect(order.map((r) => r.summary.company)).toEqual([
      '安徽戊',
      '北京丙',
      '杭州乙',
      '宁波甲',
      '上海丁',
    ]);
  });
});

describe('the deadline tag', () => {
  const zh = translator('zh');
  const en = translator('en');

  it('counts days to an expiry, and days since it passed', () => {
    const soon = nearest({ idCardValidUntil: '2026-12-04' });
    expect(soon && deadlineLabel(soon, zh)).toEqual({
      text: '身份证 10 天后到期',
      color: 'orange',
    });
    expect(soon && deadlineLabel(soon, en).text).toBe('ID card expires in 10 days');
    const passed = nearest({ licenseValidUntil: '2026-11-20' });
    expect(passed && deadlineLabel(passed, zh)).toEqual({
      text: '营业执照已过期 4 天',
      color: 'red',
    });
  });

  it('counts working days to a change filing deadline', () => {
    const item = nearest({
      changes: [{ id: 'c1', kind: 'address', occurredOn: '2026-11-23' }],
    });
    expect(item?.kind).toBe('change-filing');
    const label = item && deadlineLabel(item, zh);
    expect(label?.text).toMatch(/^变更须在 \d 个工作日内报备$/);
  });
});

describe('error sentences', () => {
  it('translates a wrong passphrase and keeps other vault sentences', () => {
    expect(errorSentence(new WrongPassphraseError(), translator('zh'))).toBe(
      '主密码不正确，请重新输入。',
    );
    expect(errorSentence(new VaultError('The undo window has closed.'), translator('en'))).toBe(
      'The undo window has closed.',
    );
    expect(
      errorSentence(new VaultIntegrityError('documents', 'd1', 'bytes'), translator('zh')),
    ).toBe('保险箱中的一条记录未通过完整性校验（可能被改动或损坏），没有读取；请从备份恢复。');
    expect(errorSentence(new TypeError('x is undefined'), translator('en'))).toContain(
      'x is undefined',
    );
  });
});
