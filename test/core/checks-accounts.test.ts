// The rule pack's checks of the accounts to link, the files' formats and the bank's
// details on a dossier varied one thing at a time (split from checks.test.ts).
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import { idCheckDigit } from '../../src/core/codes/id-number';
import { loadRulePack } from '../../src/core/rule-pack';
import { check, readyDossier, statusOf, without, withFields } from './dossier-fixture';

describe('accounts.limit', () => {
  it('passes with 1 to 5 accounts', () =>
    expect(statusOf(readyDossier(), 'accounts.limit')).toBe('pass'));
  it('fails with 6 or with none', () => {
    const six = readyDossier();
    six.accounts = Array.from({ length: 6 }, (_, i) => ({
      store: `S${i}`,
      phone: `1851351598${i}`,
      email: `s${i}@example.com`,
    }));
    expect(check(six, 'accounts.limit').message).toBe(
      'The dossier lists 6 accounts; at most 5 may be linked to one business license.',
    );
    const none = readyDossier();
    none.accounts = [];
    expect(statusOf(none, 'accounts.limit')).toBe('fail');
  });
});

describe('accounts.contact', () => {
  it('passes with valid, distinct contacts', () =>
    expect(statusOf(readyDossier(), 'accounts.contact')).toBe('pass'));
  it('fails on a repeated phone, a bad number and a bad email', () => {
    const input = readyDossier();
    input.accounts = [
      { store: 'A', phone: '18513515985', email: 'a@example.com' },
      { store: 'B', phone: '18513515985', email: 'b@example.com' },
      { store: 'C', phone: '12345678901', email: 'not-an-email' },
      { store: 'D', phone: '13800138000', email: 'A@example.com' },
    ];
    const r = check(input, 'accounts.contact');
    expect(r.status).toBe('fail');
    expect(r.message).toBe(
      'Account contacts need fixing: B: phone 18513515985 is already used by A; C: 12345678901 is not a mainland mobile number; C: not-an-email is not an email address; D: email A@example.com is already used by A.',
    );
  });
  it('skips without accounts', () => {
    const input = readyDossier();
    input.accounts = [];
    expect(statusOf(input, 'accounts.contact')).toBe('skip');
  });
});

describe('files.format', () => {
  it('passes PDF and JPG within 5 MB', () => {
    const input = readyDossier();
    input.files = [
      { file: 'a.pdf', mime: 'application/pdf', bytes: 5 * 1024 * 1024 },
      { file: 'b.jpg', mime: 'image/jpeg', bytes: 10 },
    ];
    expect(statusOf(input, 'files.format')).toBe('pass');
  });
  it('warns that the export converts a PNG and recompresses a file over 5 MB', () => {
    const input = readyDossier();
    input.files = [
      { file: 'a.png', mime: 'image/png', bytes: 10 },
      { file: 'b.pdf', mime: 'application/pdf', bytes: 5 * 1024 * 1024 + 1 },
    ];
    const r = check(input, 'files.format');
    expect(r.status).toBe('warn');
    expect(r.message).toContain(
      'a.png (image/png) will be converted to JPG; b.pdf (5.0 MB, over 5 MB) will be recompressed',
    );
    expect(runChecks(input, loadRulePack()).verdict).toBe('ready');
  });
  it('fails a file that is neither PDF nor an image', () => {
    const input = readyDossier();
    input.files = [
      { file: 'a.pdf', mime: 'application/pdf', bytes: 10 },
      { file: 'notes.zip', mime: 'application/zip', bytes: 10 },
    ];
    const r = check(input, 'files.format');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('notes.zip (application/zip) is neither a PDF nor an image');
  });
  it('skips without files', () => {
    const input = readyDossier();
    input.files = [];
    expect(statusOf(input, 'files.format')).toBe('skip');
  });
});

describe('bank.details', () => {
  it('passes with a full bank name and a numeric account', () => {
    expect(statusOf(readyDossier(), 'bank.details')).toBe('pass');
    expect(
      statusOf(withFields('bank-permit', { accountNumber: '4213 6601 7176' }), 'bank.details'),
    ).toBe('pass');
  });
  it('fails on a short bank name, a missing or non-numeric account number', () => {
    expect(statusOf(withFields('bank-permit', { bankName: '中国银行' }), 'bank.details')).toBe(
      'fail',
    );
    expect(statusOf(withFields('bank-permit', { accountNumber: null }), 'bank.details')).toBe(
      'fail',
    );
    expect(
      check(withFields('bank-permit', { accountNumber: '4213A6601' }), 'bank.details').message,
    ).toContain('is not made of digits');
  });
  it('skips without a bank form', () =>
    expect(statusOf(without('bank-permit'), 'bank.details')).toBe('skip'));
});

describe('id.period', () => {
  const card = (birthDate: string, validFrom: string, validUntil: string) => {
    const body = `330108${birthDate.replaceAll('-', '')}146`;
    const input = withFields('id-card-front', { birthDate, idNumber: body + idCheckDigit(body) });
    input.documents = input.documents.map((d) =>
      d.kind === 'id-card-back' ? { ...d, fields: { ...d.fields, validFrom, validUntil } } : d,
    );
    return input;
  };
  it('passes when the span fits the age on the issue date', () => {
    expect(statusOf(card('1983-02-15', '2025-08-02', '2045-08-02'), 'id.period')).toBe('pass'); // 42: 20 years
    expect(statusOf(card('2012-05-01', '2020-01-10', '2025-01-10'), 'id.period')).toBe('pass'); // 7: 5 years
    expect(statusOf(card('2000-05-01', '2020-01-10', '2030-01-10'), 'id.period')).toBe('pass'); // 19: 10 years
    expect(statusOf(card('1960-05-01', '2020-01-10', 'long-term'), 'id.period')).toBe('pass'); // 59: long-term
  });
  it('warns on a misfit, which usually means a misread date', () => {
    const r = check(card('1983-02-15', '2025-08-02', '2035-08-02'), 'id.period');
    expect(r.status).toBe('warn');
    expect(r.message).toBe(
      'The holder was 42 on the issue date 2025-08-02, so the card should be valid 20 years (until 2045-08-02), but it says 2035-08-02: a date is probably misread.',
    );
    expect(statusOf(card('1960-05-01', '2020-01-10', '2040-01-10'), 'id.period')).toBe('warn');
  });
  it('fails "not read" without the issue date, and skips without the emblem side', () => {
    expect(statusOf(withFields('id-card-back', { validFrom: null }), 'id.period')).toBe('fail');
    expect(statusOf(without('id-card-back'), 'id.period')).toBe('skip');
  });
});
