// The rule pack's checks on a dossier varied one thing at a time: the verdict, confirmed
// values, the documents and the comparisons of codes and names (identity and validity:
// checks-validity.test.ts; accounts, files and bank: checks-accounts.test.ts).
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, applyConfirmed, effectiveFields, runChecks } from '../../src/core/checks';
import { usccCheckCharacter } from '../../src/core/codes/uscc';
import { loadRulePack } from '../../src/core/rule-pack';
import {
  COMPANY,
  CREDIT_CODE,
  check,
  doc,
  readyDossier,
  statusOf,
  without,
  withFields,
} from './dossier-fixture';

const pack = loadRulePack();

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
      message: 'Not read: confirm it against the image — the credit code on the business license.',
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
