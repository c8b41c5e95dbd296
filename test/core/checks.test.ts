import { describe, expect, it } from 'vitest';
import {
  CHECK_IDS,
  applyConfirmed,
  effectiveFields,
  runChecks,
  type CheckId,
  type CheckResult,
} from '../../src/core/checks';
import { idCheckDigit } from '../../src/core/codes/id-number';
import { usccCheckCharacter } from '../../src/core/codes/uscc';
import type { DossierInput } from '../../src/core/dossier';
import { loadRulePack } from '../../src/core/rule-pack';
import {
  COMPANY,
  CREDIT_CODE,
  ID_NUMBER,
  TODAY,
  doc,
  readyDossier,
  withFields,
} from './dossier-fixture';

const pack = loadRulePack();

function check(input: DossierInput, id: CheckId): CheckResult {
  const found = runChecks(input, pack).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}
const statusOf = (input: DossierInput, id: CheckId) => check(input, id).status;
const without = (...kinds: string[]): DossierInput => {
  const input = readyDossier();
  input.documents = input.documents.filter((d) => !kinds.includes(d.kind));
  return input;
};

describe('runChecks', () => {
  it('reports every check in CHECK_IDS order, each with a sentence in both languages', () => {
    const { verdict, checks } = runChecks(readyDossier(), pack);
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const c of checks) {
      expect(c.message).toMatch(/^[A-Z].*\.$/);
      expect(c.messageZh).toMatch(/[。）]$/);
    }
    expect(checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
    expect(verdict).toBe('ready');
  });

  it('names the platform codes a check catches', () => {
    expect(check(readyDossier(), 'name.license-vs-bank').platformCodes).toEqual(['ERR-ACCT-027']);
    expect(check(readyDossier(), 'id.validity').platformCodes).toEqual(['ERR-ACCT-109']);
    expect(check(readyDossier(), 'accounts.limit').platformCodes).toBeUndefined();
  });

  it('blocks on a failure and is ready again once the failure carries an accepted exception', () => {
    const input = withFields('business-license', { creditCode: '91350100M000100Y44' });
    input.documents = input.documents.map((d) =>
      d.kind === 'bank-permit' ? { ...d, fields: { ...d.fields, creditCode: null } } : d,
    );
    expect(runChecks(input, pack).verdict).toBe('blocked');
    input.exceptions = [
      {
        check: 'credit-code.checksum',
        reason: 'Pilot code issued before the checksum rule.',
        by: 'Li Si',
        at: '2026-11-20T10:00:00+08:00',
      },
    ];
    const run = runChecks(input, pack);
    const result = run.checks.find((c) => c.id === 'credit-code.checksum');
    expect(result?.status).toBe('fail');
    expect(result?.exception).toEqual({
      reason: 'Pilot code issued before the checksum rule.',
      by: 'Li Si',
      at: '2026-11-20T10:00:00+08:00',
    });
    expect(run.verdict).toBe('ready');
  });

  it('does not attach an exception to a check that passes', () => {
    const input = readyDossier();
    input.exceptions = [{ check: 'id.validity', reason: 'x', by: 'y', at: 'z' }];
    expect(check(input, 'id.validity').exception).toBeUndefined();
  });
});

describe('confirmed values', () => {
  it('take precedence over what was read, and end the need for confirmation', () => {
    const input = withFields(
      'bank-permit',
      { accountName: '杭州青梧屿科技有限公司(滨江分部)' },
      { needsConfirmation: ['accountName'] },
    );
    expect(statusOf(input, 'name.license-vs-bank')).toBe('warn');
    input.confirmed = { 'bank-permit': { accountName: COMPANY } };
    expect(statusOf(input, 'name.license-vs-bank')).toBe('pass');
    const effective = effectiveFields(input).byKind['bank-permit'];
    expect(effective?.fields.accountName).toBe(COMPANY);
    expect(effective?.unconfirmed.has('accountName')).toBe(false);
  });

  it('applyConfirmed returns a new document and leaves the input alone', () => {
    const original = doc(
      'bank-permit',
      { accountName: 'A' },
      { needsConfirmation: ['accountName'] },
    );
    const applied = applyConfirmed(original, { 'bank-permit': { accountName: 'B' } });
    expect(applied.fields.accountName).toBe('B');
    expect(applied.needsConfirmation).toEqual([]);
    expect(original.fields.accountName).toBe('A');
  });

  it('ignore unreadable documents', () => {
    const input = readyDossier();
    input.documents.push(doc('business-license', {}, { error: 'The file is encrypted.' }));
    input.documents = input.documents.filter((d, i) => !(d.kind === 'business-license' && i === 0));
    expect(statusOf(input, 'docs.complete')).toBe('fail');
  });
});

describe('docs.complete', () => {
  it('passes with all four documents', () =>
    expect(statusOf(readyDossier(), 'docs.complete')).toBe('pass'));
  it('fails naming what is missing', () => {
    const r = check(without('id-card-back', 'bank-permit'), 'docs.complete');
    expect(r.status).toBe('fail');
    expect(r.message).toBe('The dossier lacks: ID card (emblem side), bank account form.');
    expect(r.values).toEqual(['id-card-back', 'bank-permit']);
  });
});

describe('credit-code.checksum', () => {
  it('passes for valid codes', () =>
    expect(statusOf(readyDossier(), 'credit-code.checksum')).toBe('pass'));
  it('fails for a wrong check character on any document, proposing a look-alike reading', () => {
    const r = check(
      withFields('bank-permit', { creditCode: '9135O100M000100Y43' }),
      'credit-code.checksum',
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Reading it as 91350100M000100Y43 would make it valid');
  });
  it('fails "not read" when the license is there but no credit code was read', () => {
    const input = withFields('business-license', { creditCode: null });
    input.documents = input.documents.map((d) =>
      d.kind === 'bank-permit' ? { ...d, fields: { ...d.fields, creditCode: null } } : d,
    );
    expect(check(input, 'credit-code.checksum')).toMatchObject({
      status: 'fail',
      message:
        'Not read: confirm it against the image — the credit code on the business license.',
      notRead: [{ kind: 'business-license', field: 'creditCode', file: 'business-license.pdf' }],
    });
  });
  it('skips without a license or any credit code', () => {
    const input = without('business-license');
    input.documents = input.documents.map((d) =>
      d.kind === 'bank-permit' ? { ...d, fields: { ...d.fields, creditCode: null } } : d,
    );
    expect(statusOf(input, 'credit-code.checksum')).toBe('skip');
  });
});

describe('credit-code.eligible', () => {
  const individual = '92350100M000100Y4';
  it('passes for an enterprise (91)', () =>
    expect(statusOf(readyDossier(), 'credit-code.eligible')).toBe('pass'));
  it("fails for an individual business (92) with the pack's sentence", () => {
    const code = individual + usccCheckCharacter(individual);
    const r = check(withFields('business-license', { creditCode: code }), 'credit-code.eligible');
    expect(r.status).toBe('fail');
    expect(r.message).toBe(
      'The credit code starts with 92: an individual business (个体工商户) may not link accounts.',
    );
    expect(r.messageZh).toBe('统一社会信用代码以 92 开头：个体工商户不能关联账户。');
  });
  it('fails for a category the pack does not list', () => {
    const first17 = '21350100M000100Y4';
    expect(
      statusOf(
        withFields('business-license', { creditCode: first17 + usccCheckCharacter(first17) }),
        'credit-code.eligible',
      ),
    ).toBe('fail');
  });
});

describe('credit-code.consistent', () => {
  it('passes when license and bank form print the same code', () =>
    expect(statusOf(readyDossier(), 'credit-code.consistent')).toBe('pass'));
  it('fails with a diff when they differ', () => {
    const r = check(
      withFields('bank-permit', { creditCode: '91350100M000100Y48' }),
      'credit-code.consistent',
    );
    expect(r.status).toBe('fail');
    expect(r.values).toEqual([CREDIT_CODE, '91350100M000100Y48']);
    expect(r.diff).toEqual([{ at: 17, a: '3', b: '8', kind: 'different' }]);
  });
  it('skips when only one document prints a code', () =>
    expect(
      statusOf(withFields('bank-permit', { creditCode: null }), 'credit-code.consistent'),
    ).toBe('skip'));
});

describe('name.license-vs-bank', () => {
  it('passes on identical names', () =>
    expect(statusOf(readyDossier(), 'name.license-vs-bank')).toBe('pass'));
  it('fails on half-width brackets, reporting width at the bracket positions', () => {
    const r = check(
      withFields('bank-permit', { accountName: '杭州青梧屿科技有限公司(滨江分部)' }),
      'name.license-vs-bank',
    );
    expect(r.status).toBe('fail');
    expect(r.diff).toEqual([
      { at: 11, a: '（', b: '(', kind: 'width' },
      { at: 16, a: '）', b: ')', kind: 'width' },
    ]);
    expect(r.message).toContain('full-width （ vs half-width ( at position 12');
    expect(r.values).toEqual([COMPANY, '杭州青梧屿科技有限公司(滨江分部)']);
  });
  it('fails on an extra space', () => {
    const r = check(
      withFields('bank-permit', { accountName: '杭州青梧屿 科技有限公司（滨江分部）' }),
      'name.license-vs-bank',
    );
    expect(r).toMatchObject({ status: 'fail', diff: [{ at: 5, a: '', b: ' ', kind: 'space' }] });
  });
  it('warns "confirm against the image" when an OCR value with width-ambiguous characters is not confirmed', () => {
    const same = check(
      withFields('bank-permit', {}, { needsConfirmation: ['accountName'] }),
      'name.license-vs-bank',
    );
    expect(same.status).toBe('warn');
    expect(same.message).toContain('confirm against the image');
    const widthOnly = withFields(
      'bank-permit',
      { accountName: '杭州青梧屿科技有限公司(滨江分部)' },
      { needsConfirmation: ['accountName'] },
    );
    expect(statusOf(widthOnly, 'name.license-vs-bank')).toBe('warn');
  });
  it('still fails an unconfirmed value that differs in more than width', () => {
    const input = withFields(
      'bank-permit',
      { accountName: '杭州青梧屿科技有限公司(滨江支部)' },
      { needsConfirmation: ['accountName'] },
    );
    expect(statusOf(input, 'name.license-vs-bank')).toBe('fail');
  });
  it('skips without a bank form', () =>
    expect(check(without('bank-permit'), 'name.license-vs-bank').message).toBe(
      'Skipped: there is no bank account form in the dossier.',
    ));
});

describe('legal-rep.license-vs-id', () => {
  it('passes on the same name', () =>
    expect(statusOf(readyDossier(), 'legal-rep.license-vs-id')).toBe('pass'));
  it('fails on one different character, classified', () => {
    const r = check(withFields('id-card-front', { name: '黄虚例' }), 'legal-rep.license-vs-id');
    expect(r).toMatchObject({
      status: 'fail',
      diff: [{ at: 2, a: '构', b: '例', kind: 'different' }],
    });
    expect(r.subjects).toEqual([
      { kind: 'business-license', field: 'legalRepresentative' },
      { kind: 'id-card-front', field: 'name' },
    ]);
  });
  it('names a look-alike', () => {
    const input = withFields('business-license', { legalRepresentative: '王己' });
    input.documents = input.documents.map((d) =>
      d.kind === 'id-card-front' ? { ...d, fields: { ...d.fields, name: '王已' } } : d,
    );
    expect(check(input, 'legal-rep.license-vs-id').diff).toEqual([
      { at: 1, a: '己', b: '已', kind: 'look-alike' },
    ]);
  });
});

describe('legal-rep.license-vs-bank', () => {
  it('passes on the same name', () =>
    expect(statusOf(readyDossier(), 'legal-rep.license-vs-bank')).toBe('pass'));
  it('fails on a different name', () =>
    expect(
      statusOf(
        withFields('bank-permit', { legalRepresentative: '黄虚' }),
        'legal-rep.license-vs-bank',
      ),
    ).toBe('fail'));
  it('skips where the bank form does not print one', () => {
    const r = check(
      withFields('bank-permit', { legalRepresentative: null }),
      'legal-rep.license-vs-bank',
    );
    expect(r).toMatchObject({
      status: 'skip',
      message: 'Skipped: the legal representative on the bank account form is not printed.',
    });
  });
});

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
    expect(r.message).toContain('a.png (image/png) will be converted to JPG; b.pdf (5.0 MB, over 5 MB) will be recompressed');
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
