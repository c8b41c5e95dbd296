// The review's field list, rendered to static markup from a dossier view: value,
// confidence, the marker for a width to confirm, a checksum proposal (shown with its note,
// never applied), who confirmed, and dates shown as the documents print them.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { accountProblems, normalisePhone } from '../../src/renderer/screens/dossier/AccountsEditor';
import type { CheckRun } from '../../src/core/checks';
import type { ExtractedDocument } from '../../src/core/extraction';
import { I18nProvider, type Language } from '../../src/renderer/i18n';
import type { DocumentView, DossierView, Workspace } from '../../src/renderer/model/contract';
import { ReviewTab } from '../../src/renderer/screens/dossier/ReviewTab';
import type { ExtractedField } from '../../src/vault';

const field = (over: Partial<ExtractedField> & { field: string }): ExtractedField => ({
  value: null,
  confidence: 0,
  box: null,
  corrections: [],
  confirmedValue: null,
  confirmedBy: null,
  confirmedAt: null,
  ...over,
});

const bankFields: ExtractedField[] = [
  field({
    field: 'accountName',
    value: '杭州青梧屿科技有限公司(滨江分部)',
    confidence: 0.97,
    box: { page: 0, x: 10, y: 10, w: 200, h: 20 },
  }),
  field({
    field: 'creditCode',
    value: '9133010872BQCUE3I8',
    confidence: 0.82,
    corrections: [
      {
        field: 'creditCode',
        from: '9133010872BQCUE3I8',
        to: '9133010872BQCUE318',
        reason: 'checksum',
        note: 'I at position 17 read as 1 makes the checksum valid',
      },
    ],
  }),
  field({
    field: 'bankName',
    value: '中国银行股份有限公司杭州滨江支行',
    confidence: 0.95,
    confirmedValue: '中国银行股份有限公司杭州滨江支行',
    confirmedBy: '李会计',
    confirmedAt: Date.UTC(2026, 10, 24, 2, 0),
  }),
  field({ field: 'approvalNumber' }),
];

const extracted: ExtractedDocument = {
  file: 'bank.jpg',
  kind: 'bank-permit',
  fields: Object.fromEntries(bankFields.map((f) => [f.field, f.value])),
  confidence: Object.fromEntries(bankFields.map((f) => [f.field, f.confidence])),
  corrections: bankFields.flatMap((f) => f.corrections),
  warnings: [],
  needsConfirmation: ['accountName'],
  source: 'paddle',
};

const bank: DocumentView = {
  info: {
    id: 'doc-bank',
    dossierId: 'd1',
    kind: 'bank-permit',
    fileName: 'bank.jpg',
    mime: 'image/jpeg',
    size: 1000,
    pages: 1,
    sha256: 'x',
    createdAt: 0,
  },
  pages: [{ width: 1200, height: 800, rotation: 0 }],
  fields: bankFields,
  extracted,
  detectedKind: 'bank-permit',
  setAside: false,
};

const idBack: DocumentView = {
  ...bank,
  info: { ...bank.info, id: 'doc-back', kind: 'id-card-back', fileName: 'back.jpg' },
  fields: [field({ field: 'validUntil', value: '2045-08-02', confidence: 0.99 })],
  extracted: { ...extracted, kind: 'id-card-back', needsConfirmation: [], corrections: [] },
  detectedKind: 'id-card-back',
  setAside: false,
};

const view = {
  dossier: { id: 'd1', company: '青梧屿', rulePack: 'aliexpress-account-linking' },
  documents: [bank, idBack],
  slots: {
    'business-license': null,
    'id-card-front': null,
    'id-card-back': idBack,
    'bank-permit': bank,
  },
  others: [],
  accounts: [],
  declared: {},
  exceptions: [],
  run: { verdict: 'blocked', checks: [] } satisfies CheckRun,
  deadlines: [],
  today: '2026-11-24',
} as unknown as DossierView;

function render(documentId: string, selected: string | null, language: Language = 'zh'): string {
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      language,
      setLanguage: () => undefined,
      children: createElement(ReviewTab, {
        // Effects (page image, keyboard) do not run in static rendering.
        workspace: {} as Workspace,
        view,
        documentId,
        field: selected,
        onSelect: () => undefined,
      }),
    }),
  );
}

/** The opening tag of a field's row. */
function row(html: string, name: string): string {
  const start = html.indexOf(`data-field="${name}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.indexOf('data-testid="field-row"', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('the review field list', () => {
  it('shows value, confidence and a width marker; the proposal with its note only as a proposal', () => {
    const html = render('doc-bank', 'creditCode');
    const name = row(html, 'accountName');
    expect(name).toContain('data-confidence="0.97"');
    expect(name).toContain('data-testid="needs-confirmation"');
    expect(name).toContain('杭州青梧屿科技有限公司(滨江分部)');

    const code = row(html, 'creditCode');
    expect(code).toContain('data-testid="has-proposal"');
    expect(code).toContain('data-testid="proposal"');
    expect(code).toContain('I at position 17 read as 1 makes the checksum valid');
    expect(code).toContain('9133010872BQCUE318');
    // The edit box still holds what was read: the proposal is applied only by a click.
    expect(code).toMatch(/<textarea[^>]*data-testid="field-edit"[^>]*>9133010872BQCUE3I8</);
  });

  it('says who confirmed a field, and that an unread field was not found', () => {
    const html = render('doc-bank', null);
    expect(row(html, 'bankName')).toContain('已确认 · 李会计');
    expect(row(html, 'bankName')).toContain('data-confirmed="true"');
    expect(row(html, 'approvalNumber')).toContain('未读取到');
    expect(row(html, 'approvalNumber')).not.toContain('field-confidence');
    // "Confirm all" counts only the document shown (the bank form): not the ID's validUntil,
    // and not the account name with a width to confirm.
    expect(html).toMatch(/确认本材料的高置信度字段（\d+）/);
    expect(html).not.toContain('确认本材料的高置信度字段（1）');
  });

  it('does not list 核准号 or 编号 on a 基本存款账户信息, which never prints them', () => {
    const accountInfo: DocumentView = {
      ...bank,
      info: { ...bank.info, id: 'doc-info' },
      fields: [
        ...bankFields.filter((f) => f.field !== 'approvalNumber'),
        field({ field: 'accountCode', value: 'J3301372491269', confidence: 0.99 }),
        field({ field: 'approvalNumber' }),
        field({ field: 'serialNumber' }),
      ],
    };
    const html = renderToStaticMarkup(
      createElement(I18nProvider, {
        language: 'zh',
        setLanguage: () => undefined,
        children: createElement(ReviewTab, {
          workspace: {} as Workspace,
          view: {
            ...view,
            documents: [accountInfo],
            slots: { ...view.slots, 'bank-permit': accountInfo },
          },
          documentId: 'doc-info',
          field: null,
          onSelect: () => undefined,
        }),
      }),
    );
    expect(html).toContain('data-field="accountCode"');
    expect(html).not.toContain('data-field="approvalNumber"');
    expect(html).not.toContain('data-field="serialNumber"');
    // Not read, but printed on this form: still offered as not read.
    expect(row(html, 'accountNumber')).toContain('未读取到');
  });

  it('shows dates as the documents print them', () => {
    expect(row(render('doc-back', 'validUntil'), 'validUntil')).toContain('2045年08月02日');
    expect(row(render('doc-back', 'validUntil', 'en'), 'validUntil')).toContain('2045-08-02');
  });
});

describe('phone numbers as people type them', () => {
  it('are cleaned of spaces, full-width digits and the country prefix before checking', () => {
    expect(normalisePhone('138 0013 8000')).toBe('13800138000');
    expect(normalisePhone('１３８００１３８０００')).toBe('13800138000');
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(
      accountProblems([{ store: 'A', phone: '１３８ ００１３ ８０００', email: 'a@b.cn' }]),
    ).toEqual([[]]);
    expect(accountProblems([{ store: 'A', phone: '1234', email: 'a@b.cn' }])).toEqual([['phone']]);
  });
});
