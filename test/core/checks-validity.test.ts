// The rule pack's identity and validity checks on a dossier varied one thing at a time:
// the ID number, the ID card's and the license's terms, the declared expiry and office,
// one ID card behind several dossiers (split from checks.test.ts).
import { describe, expect, it } from 'vitest';
import {} from '../../src/core/checks';
import {
  ID_NUMBER,
  TODAY,
  check,
  readyDossier,
  statusOf,
  without,
  withFields,
} from './dossier-fixture';

describe('id.checksum', () => {
  it('passes for a valid number matching the birth date', () =>
    expect(statusOf(readyDossier(), 'id.checksum')).toBe('pass'));
  it('fails for a wrong check digit', () => {
    const bad = ID_NUMBER.slice(0, 17) + (ID_NUMBER.endsWith('1') ? '2' : '1');
    expect(statusOf(withFields('id-card-front', { idNumber: bad }), 'id.checksum')).toBe('fail');
  });
  it("fails when the number's birth date differs from the card's", () => {
    const r = check(withFields('id-card-front', { birthDate: '1983-02-16' }), 'id.checksum');
    expect(r.status).toBe('fail');
    expect(r.message).toContain("differs from the card's birth date (1983-02-16)");
  });
  it('fails "not read" without an ID number, and skips without the portrait side', () => {
    expect(statusOf(withFields('id-card-front', { idNumber: null }), 'id.checksum')).toBe('fail');
    expect(statusOf(without('id-card-front'), 'id.checksum')).toBe('skip');
  });
});

describe('id.validity', () => {
  it('passes 90 days or more ahead, and long-term', () => {
    expect(statusOf(withFields('id-card-back', { validUntil: '2027-02-22' }), 'id.validity')).toBe(
      'pass',
    );
    expect(statusOf(withFields('id-card-back', { validUntil: 'long-term' }), 'id.validity')).toBe(
      'pass',
    );
  });
  it('fails with 60 days left, and when expired', () => {
    const r = check(withFields('id-card-back', { validUntil: '2027-01-23' }), 'id.validity');
    expect(r).toMatchObject({
      status: 'fail',
      message: `The ID card is valid until 2027-01-23, only 60 days after ${TODAY}; the platform needs at least 90.`,
    });
    expect(statusOf(withFields('id-card-back', { validUntil: '2027-02-21' }), 'id.validity')).toBe(
      'fail',
    );
    expect(
      check(withFields('id-card-back', { validUntil: '2026-01-01' }), 'id.validity').message,
    ).toMatch(/expired on 2026-01-01/);
  });
  it('fails on a value that is not a date', () =>
    expect(statusOf(withFields('id-card-back', { validUntil: '2027-13-01' }), 'id.validity')).toBe(
      'fail',
    ));
  it('skips without the emblem side', () =>
    expect(statusOf(without('id-card-back'), 'id.validity')).toBe('skip'));
});

describe('id.declared-expiry', () => {
  const declare = (idValidUntil: string, cardUntil = '2045-08-02') => {
    const input = withFields('id-card-back', { validUntil: cardUntil });
    input.declared = { idValidUntil };
    return input;
  };
  it('passes within 3 days', () => {
    expect(statusOf(declare('2045-08-05'), 'id.declared-expiry')).toBe('pass');
    expect(statusOf(declare('2045-07-30'), 'id.declared-expiry')).toBe('pass');
    expect(statusOf(declare('long-term', 'long-term'), 'id.declared-expiry')).toBe('pass');
  });
  it('fails beyond 3 days or long-term against a date', () => {
    expect(check(declare('2045-08-06'), 'id.declared-expiry')).toMatchObject({
      status: 'fail',
      values: ['2045-08-02', '2045-08-06'],
    });
    expect(statusOf(declare('long-term'), 'id.declared-expiry')).toBe('fail');
  });
  it('skips without a declaration', () =>
    expect(statusOf(readyDossier(), 'id.declared-expiry')).toBe('skip'));
});

describe('id.reuse', () => {
  it('passes at 5 accounts in total, counting only this dossier when nothing else is known', () => {
    const r = check(readyDossier(), 'id.reuse');
    expect(r.status).toBe('pass');
    expect(r.message).toContain('only this dossier counted');
    const input = readyDossier();
    input.idAccountsElsewhere = 3;
    expect(statusOf(input, 'id.reuse')).toBe('pass');
  });
  it('fails at a 6th account', () => {
    const input = readyDossier();
    input.idAccountsElsewhere = 4;
    const r = check(input, 'id.reuse');
    expect(r.status).toBe('fail');
    expect(r.message).toBe(
      "The legal representative's ID card would back 6 accounts, 2 in this dossier and 4 elsewhere; the platform refuses more than 5.",
    );
  });
});

describe('license.validity', () => {
  it('passes long-term and until today', () => {
    expect(statusOf(readyDossier(), 'license.validity')).toBe('pass');
    expect(
      statusOf(withFields('business-license', { validUntil: TODAY }), 'license.validity'),
    ).toBe('pass');
  });
  it('fails once the term has ended', () =>
    expect(
      check(withFields('business-license', { validUntil: '2026-11-23' }), 'license.validity')
        .message,
    ).toBe(`The business license term ended on 2026-11-23, before ${TODAY}.`));
  it('fails "not read" without a term end', () =>
    expect(statusOf(withFields('business-license', { validUntil: null }), 'license.validity')).toBe(
      'fail',
    ));
});

describe('address.declared-office', () => {
  const declare = (officeAddress: string) => {
    const input = readyDossier();
    input.declared = { officeAddress };
    return input;
  };
  it('passes ignoring spaces and width', () =>
    expect(statusOf(declare('浙江省杭州市滨江区示范路１号２幢'), 'address.declared-office')).toBe(
      'pass',
    ));
  it('warns on a different address, with the differences', () => {
    const r = check(declare('浙江省杭州市滨江区示范路9号 2幢'), 'address.declared-office');
    expect(r.status).toBe('warn');
    expect(r.diff).toEqual([{ at: 12, a: '1', b: '9', kind: 'different' }]);
  });
  it('skips without a declared office', () =>
    expect(statusOf(readyDossier(), 'address.declared-office')).toBe('skip'));
});
