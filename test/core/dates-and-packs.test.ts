import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addYearsIso,
  ageOn,
  compareValidityEnd,
  daysBetween,
  isDateOrLongTerm,
  isIsoDate,
  parseIsoDate,
} from '../../src/core/dates';
import { DEFAULT_RULE_PACK_ID, listRulePacks, loadRulePack } from '../../src/core/rule-pack';

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(parseIsoDate('0050-01-01')?.getFullYear()).toBe(50);
    expect(isDateOrLongTerm('long-term')).toBe(true);
    expect(isDateOrLongTerm('长期')).toBe(false);
  });

  it('adds days and years, counts days between and ages', () => {
    expect(addDaysIso('2026-11-24', 90)).toBe('2027-02-22');
    expect(addDaysIso('2024-03-31', -31)).toBe('2024-02-29');
    expect(addYearsIso('2024-02-29', 1)).toBe('2025-02-28');
    expect(daysBetween('2026-11-24', '2027-01-23')).toBe(60);
    expect(daysBetween('2027-01-23', '2026-11-24')).toBe(-60);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(ageOn('1983-02-15', '2025-02-14')).toBe(41);
    expect(ageOn('1983-02-15', '2025-02-15')).toBe(42);
  });

  it('orders validity ends with long-term last', () => {
    expect(compareValidityEnd('long-term', '2099-01-01')).toBeGreaterThan(0);
    expect(compareValidityEnd('2030-01-01', '2030-01-02')).toBeLessThan(0);
    expect(compareValidityEnd('long-term', 'long-term')).toBe(0);
  });

  it('throws one sentence for a value that is not a date', () => {
    expect(() => addDaysIso('20261124', 1)).toThrow('"20261124" is not an ISO date (YYYY-MM-DD).');
  });
});

describe('rule packs', () => {
  it('loads the default pack, validated, with the spec thresholds', () => {
    const pack = loadRulePack();
    expect(pack.id).toBe(DEFAULT_RULE_PACK_ID);
    expect(pack).toMatchObject({
      accounts: { min: 1, max: 5 },
      maxAccountsPerIdCard: 5,
      idCard: { minValidDays: 90, declaredExpiryToleranceDays: 3 },
      files: { maxBytes: 5 * 1024 * 1024, formats: ['application/pdf', 'image/jpeg'] },
    });
    expect(loadRulePack(DEFAULT_RULE_PACK_ID)).toEqual(pack);
  });

  it('gives a fresh copy each time', () => {
    const pack = loadRulePack();
    pack.accounts.max = 99;
    expect(loadRulePack().accounts.max).toBe(5);
  });

  it('refuses an unknown id in one sentence', () => {
    expect(() => loadRulePack('amazon-brand-registry')).toThrow(
      'Unknown rule pack "amazon-brand-registry": the known packs are aliexpress-account-linking.',
    );
    expect(() => loadRulePack('toString')).toThrow(/Unknown rule pack/);
  });

  it('lists the bundled packs', () => {
    expect(listRulePacks()).toEqual([
      {
        id: DEFAULT_RULE_PACK_ID,
        version: '1.1.0',
        name: { zh: '速卖通账户关联', en: 'AliExpress account linking' },
      },
    ]);
  });
});
