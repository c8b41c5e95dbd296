// A complete, valid dossier as the checks see it, for tests to vary one thing at a time.
import { idCheckDigit } from '../../src/core/codes/id-number';
import type { DocumentKind, FieldValues } from '../../src/core/documents';
import type { DossierInput } from '../../src/core/dossier';
import type { ExtractedDocument } from '../../src/core/extraction';
import { runChecks, type CheckId, type CheckResult } from '../../src/core/checks';
import { loadRulePack } from '../../src/core/rule-pack';

export const TODAY = '2026-11-24';
export const CREDIT_CODE = '91350100M000100Y43';
export const COMPANY = '杭州青梧屿科技有限公司（滨江分部）';
export const LEGAL_REP = '黄虚构';
export const ID_NUMBER = '33010819830215146' + idCheckDigit('33010819830215146');

export function doc(
  kind: DocumentKind,
  fields: FieldValues,
  extra: Partial<ExtractedDocument> = {},
): ExtractedDocument {
  return {
    file: `${kind}.pdf`,
    kind,
    fields,
    confidence: {},
    corrections: [],
    warnings: [],
    ...extra,
  };
}

export function readyDossier(): DossierInput {
  return {
    documents: [
      doc('business-license', {
        creditCode: CREDIT_CODE,
        companyName: COMPANY,
        companyType: '有限责任公司',
        legalRepresentative: LEGAL_REP,
        validFrom: '2016-09-17',
        validUntil: 'long-term',
        address: '浙江省杭州市滨江区示范路1号 2幢',
      }),
      doc('id-card-front', {
        name: LEGAL_REP,
        sex: '女',
        birthDate: '1983-02-15',
        idNumber: ID_NUMBER,
      }),
      doc('id-card-back', {
        issuingAuthority: '杭州市公安局滨江分局',
        validFrom: '2025-08-02',
        validUntil: '2045-08-02',
      }),
      doc('bank-permit', {
        approvalNumber: 'J3301372491269',
        accountName: COMPANY,
        legalRepresentative: LEGAL_REP,
        bankName: '中国银行股份有限公司杭州滨江支行',
        accountNumber: '421366017176',
        creditCode: CREDIT_CODE,
      }),
    ],
    accounts: [
      { store: 'Store 1', phone: '18513515985', email: 'store1@example.com' },
      { store: 'Store 2', phone: '13169036418', email: 'store2@example.com' },
    ],
    declared: {},
    confirmed: {},
    exceptions: [],
    today: TODAY,
    files: [{ file: 'license.pdf', mime: 'application/pdf', bytes: 200_000 }],
  };
}

/** The ready dossier with some fields of one document replaced. */
export function withFields(
  kind: DocumentKind,
  fields: FieldValues,
  extra: Partial<ExtractedDocument> = {},
): DossierInput {
  const input = readyDossier();
  input.documents = input.documents.map((d) =>
    d.kind === kind ? { ...d, ...extra, fields: { ...d.fields, ...fields } } : d,
  );
  return input;
}

const pack = loadRulePack();

/** The result of one check of the bundled rule pack on `input`. */
export function check(input: DossierInput, id: CheckId): CheckResult {
  const found = runChecks(input, pack).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}

export const statusOf = (input: DossierInput, id: CheckId) => check(input, id).status;

/** The ready dossier without the documents of these kinds. */
export const without = (...kinds: string[]): DossierInput => {
  const input = readyDossier();
  input.documents = input.documents.filter((d) => !kinds.includes(d.kind));
  return input;
};
