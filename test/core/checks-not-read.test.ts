// The verdict rule of spec §3 (after the table): a check whose documents are there but
// whose value was not read fails "not read: confirm it against the image" with a link to
// the field, until a person confirms the value; two documents of one kind are never
// resolved by picking one.
import { describe, expect, it } from 'vitest';
import { runChecks, type CheckId } from '../../src/core/checks';
import type { DocumentKind } from '../../src/core/documents';
import { DossierFileSchema, dossierInput, type DossierInput } from '../../src/core/dossier';
import { loadRulePack } from '../../src/core/rule-pack';
import { doc, LEGAL_REP, readyDossier, withFields } from './dossier-fixture';

const pack = loadRulePack();

/** The ready dossier with one field of one document not read. */
const unread = (kind: DocumentKind, field: string): DossierInput =>
  withFields(kind, { [field]: null });

const declaring = (input: DossierInput): DossierInput => ({
  ...input,
  declared: { idValidUntil: '2045-08-02', officeAddress: '浙江省杭州市滨江区示范路1号 2幢' },
});

// Every check that reads a document value, the value it can lack, and the checks that
// must then fail "not read" (the others it feeds may fail for the same reason).
const CASES: { kind: DocumentKind; field: string; checks: CheckId[]; declare?: boolean }[] = [
  { kind: 'business-license', field: 'companyName', checks: ['name.license-vs-bank'] },
  {
    kind: 'business-license',
    field: 'legalRepresentative',
    checks: ['legal-rep.license-vs-id', 'legal-rep.license-vs-bank'],
  },
  { kind: 'business-license', field: 'validUntil', checks: ['license.validity'] },
  {
    kind: 'business-license',
    field: 'creditCode',
    checks: ['credit-code.consistent'],
  },
  {
    kind: 'business-license',
    field: 'address',
    checks: ['address.declared-office'],
    declare: true,
  },
  { kind: 'id-card-front', field: 'name', checks: ['legal-rep.license-vs-id'] },
  { kind: 'id-card-front', field: 'idNumber', checks: ['id.checksum', 'id.reuse'] },
  { kind: 'id-card-front', field: 'birthDate', checks: ['id.checksum'] },
  { kind: 'id-card-back', field: 'validUntil', checks: ['id.validity', 'id.period'] },
  {
    kind: 'id-card-back',
    field: 'validUntil',
    checks: ['id.validity', 'id.declared-expiry', 'id.period'],
    declare: true,
  },
  { kind: 'id-card-back', field: 'validFrom', checks: ['id.period'] },
  { kind: 'bank-permit', field: 'accountName', checks: ['name.license-vs-bank'] },
  { kind: 'bank-permit', field: 'bankName', checks: ['bank.details'] },
  { kind: 'bank-permit', field: 'accountNumber', checks: ['bank.details'] },
];

describe('a value not read from a document that is there', () => {
  for (const c of CASES) {
    const label = `${c.kind}.${c.field}${c.declare === true ? ' (declared values given)' : ''}`;
    it(`${label}: ${c.checks.join(', ')} fail "not read" and link the field`, () => {
      const base = unread(c.kind, c.field);
      const input = c.declare === true ? declaring(base) : base;
      const run = runChecks(input, pack);
      expect(run.verdict).toBe('blocked');
      for (const id of c.checks) {
        const result = run.checks.find((r) => r.id === id);
        expect(result?.status, id).toBe('fail');
        expect(result?.message, id).toMatch(/not read: confirm it against the image/i);
        expect(result?.messageZh, id).toContain('请对照原图确认');
        expect(result?.notRead, id).toContainEqual({
          kind: c.kind,
          field: c.field,
          file: `${c.kind}.pdf`,
        });
      }
    });

    it(`${label}: a person's confirmed value ends the failure`, () => {
      const base = unread(c.kind, c.field);
      const input = c.declare === true ? declaring(base) : base;
      const readyValue = readyDossier().documents.find((d) => d.kind === c.kind)?.fields[c.field];
      expect(readyValue).toBeTruthy();
      input.confirmed = { [c.kind]: { [c.field]: readyValue ?? '' } };
      const run = runChecks(input, pack);
      for (const id of c.checks) {
        expect(run.checks.find((r) => r.id === id)?.status, id).not.toBe('fail');
      }
      expect(run.verdict).toBe('ready');
    });
  }

  it('an ID front from which nothing was read keeps the dossier blocked (the issue 14 case)', () => {
    const input = readyDossier();
    input.documents = input.documents.map((d) =>
      d.kind === 'id-card-front'
        ? { ...d, fields: { name: null, sex: null, birthDate: null, idNumber: null } }
        : d,
    );
    const run = runChecks(input, pack);
    expect(run.verdict).toBe('blocked');
    const statuses = Object.fromEntries(run.checks.map((c) => [c.id, c.status]));
    expect(statuses['legal-rep.license-vs-id']).toBe('fail');
    expect(statuses['id.checksum']).toBe('fail');
    expect(statuses['id.period']).toBe('fail');
    expect(run.checks.filter((c) => c.status === 'skip').map((c) => c.id)).not.toContain(
      'legal-rep.license-vs-id',
    );
  });

  it('still skips what does not apply: a bank form that prints no representative, nothing declared', () => {
    const run = runChecks(unread('bank-permit', 'legalRepresentative'), pack);
    const statusOf = (id: CheckId) => run.checks.find((c) => c.id === id)?.status;
    expect(statusOf('legal-rep.license-vs-bank')).toBe('skip');
    expect(statusOf('id.declared-expiry')).toBe('skip');
    expect(statusOf('address.declared-office')).toBe('skip');
    expect(run.verdict).toBe('ready');
  });

  it('skips, not fails, when the document itself is absent (docs.complete fails instead)', () => {
    const input = readyDossier();
    input.documents = input.documents.filter((d) => d.kind !== 'id-card-front');
    const run = runChecks(input, pack);
    expect(run.checks.find((c) => c.id === 'legal-rep.license-vs-id')?.status).toBe('skip');
    expect(run.checks.find((c) => c.id === 'docs.complete')?.status).toBe('fail');
  });
});

describe('two documents of one kind', () => {
  /** A picture that shows only the title 营业执照: recognised as a license, nothing else read. */
  const titleOnly = doc(
    'business-license',
    { creditCode: null, companyName: null, legalRepresentative: null, validUntil: null },
    { file: 'a-title-only.jpg' },
  );
  const withTitleOnly = (): DossierInput => {
    const input = withFields('business-license', { validUntil: '2026-03-11' });
    input.documents = [titleOnly, ...input.documents];
    return input;
  };

  it('docs.complete fails naming both, and no check picks one by name or order', () => {
    const run = runChecks(withTitleOnly(), pack);
    expect(run.verdict).toBe('blocked');
    const complete = run.checks.find((c) => c.id === 'docs.complete');
    expect(complete?.status).toBe('fail');
    expect(complete?.message).toContain('a-title-only.jpg');
    expect(complete?.message).toContain('business-license.pdf');
    expect(complete?.claimants).toEqual([
      { kind: 'business-license', files: ['a-title-only.jpg', 'business-license.pdf'] },
    ]);
    // The license's checks do not run on either one: they fail, naming both.
    for (const id of [
      'license.validity',
      'name.license-vs-bank',
      'legal-rep.license-vs-id',
    ] as const) {
      const r = run.checks.find((c) => c.id === id);
      expect(r?.status, id).toBe('fail');
      expect(r?.claimants, id).toEqual(complete?.claimants);
    }
  });

  it('the order of the files does not change the result', () => {
    const input = withTitleOnly();
    const reversed = { ...input, documents: [...input.documents].reverse() };
    const statuses = (i: DossierInput) => runChecks(i, pack).checks.map((c) => c.status);
    expect(statuses(reversed)).toEqual(statuses(input));
  });

  it('setting the title-only picture aside leaves the real license, which has expired', () => {
    const input = { ...withTitleOnly(), setAside: ['a-title-only.jpg'] };
    const run = runChecks(input, pack);
    expect(run.checks.find((c) => c.id === 'docs.complete')?.status).toBe('pass');
    expect(run.checks.find((c) => c.id === 'license.validity')?.status).toBe('fail');
    expect(run.checks.find((c) => c.id === 'license.validity')?.message).toContain('2026-03-11');
  });

  it('setting the real license aside leaves the title-only one: its term is "not read"', () => {
    const input = { ...withTitleOnly(), setAside: ['business-license.pdf'] };
    const r = runChecks(input, pack).checks.find((c) => c.id === 'license.validity');
    expect(r?.status).toBe('fail');
    expect(r?.notRead).toEqual([
      { kind: 'business-license', field: 'validUntil', file: 'a-title-only.jpg' },
    ]);
  });

  it('an old and a new ID card: both named until one is set aside', () => {
    const input = readyDossier();
    const front = input.documents.find((d) => d.kind === 'id-card-front');
    if (!front) throw new Error('fixture');
    input.documents.push({
      ...front,
      file: 'old-id.jpg',
      fields: { ...front.fields, name: LEGAL_REP },
    });
    const complete = runChecks(input, pack).checks.find((c) => c.id === 'docs.complete');
    expect(complete?.status).toBe('fail');
    expect(complete?.messageZh).toContain('old-id.jpg');
    expect(runChecks({ ...input, setAside: ['old-id.jpg'] }, pack).verdict).toBe('ready');
  });

  it('dossier.json states setAside; unknown keys are still refused', () => {
    const file = DossierFileSchema.parse({ setAside: ['a-title-only.jpg'] });
    const input = dossierInput(file, withTitleOnly().documents, [], '2026-11-24');
    expect(input.setAside).toEqual(['a-title-only.jpg']);
    expect(DossierFileSchema.safeParse({ setAsides: [] }).success).toBe(false);
  });
});
