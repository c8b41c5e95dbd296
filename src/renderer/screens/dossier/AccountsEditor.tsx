// The accounts to link (1 to 5: store, login phone, login e-mail), validated as typed with
// the same rules as the `accounts.contact` check, and the values declared on the platform's
// form (ID expiry as entered there, office address).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { memo, useEffect, useRef, useState } from 'react';
import type { Account, Declared } from '../../../core/dossier';
import type { DossierView, Workspace } from '../../model/contract';
import { formatDocumentDate, useI18n } from '../../i18n';
import { EMAIL, MAINLAND_MOBILE } from '../../../core/checks/accounts';
import { parseDateInput } from './labels';
import { errorSentence } from '../../shell/errors';
import { useUnsavedChanges } from '../../shell/unsaved';

const MAX_ACCOUNTS = 5;
const blank = (): Account => ({ store: '', phone: '', email: '' });

type Problem = 'store' | 'phone' | 'phoneRepeated' | 'email' | 'emailRepeated';

/**
 * A phone number as people type it, cleaned: full-width digits (１３８) made half-width,
 * spaces, hyphens and a +86 / 0086 prefix removed.
 */
export function normalisePhone(typed: string): string {
  return typed
    .normalize('NFKC')
    .replace(/[\s\-()（）]/gu, '')
    .replace(/^(\+86|0086)(?=1\d{10}$)/u, '');
}

/** What is wrong with each row, as typed. */
export function accountProblems(rows: readonly Account[]): Problem[][] {
  return rows.map((row, i) => {
    const problems: Problem[] = [];
    const phone = normalisePhone(row.phone);
    const email = row.email.trim().toLowerCase();
    if (row.store.trim() === '') problems.push('store');
    if (!MAINLAND_MOBILE.test(phone)) problems.push('phone');
    else if (rows.slice(0, i).some((r) => normalisePhone(r.phone) === phone)) {
      problems.push('phoneRepeated');
    }
    if (!EMAIL.test(email)) problems.push('email');
    else if (rows.slice(0, i).some((r) => r.email.trim().toLowerCase() === email)) {
      problems.push('emailRepeated');
    }
    return problems;
  });
}

const same = (a: readonly Account[], b: readonly Account[]) =>
  a.length === b.length &&
  a.every((x, i) => x.store === b[i]?.store && x.phone === b[i]?.phone && x.email === b[i]?.email);

/** Memoised: the dossier view read again after an import leaves its accounts alone. */
export const AccountsEditor = memo(function AccountsEditor({
  workspace,
  dossierId,
  accounts,
}: {
  workspace: Workspace;
  dossierId: string;
  accounts: DossierView['accounts'];
}) {
  const { t } = useI18n();
  const saved: Account[] = accounts.map(({ store, phone, email }) => ({
    store,
    phone,
    email,
  }));
  const [rows, setRows] = useState<Account[]>(saved.length > 0 ? saved : [blank()]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const dirty = !same(rows, saved);
  // Unsaved for the leave guard: edited since the last save, rows left blank not counted.
  const typed = rows.filter((r) => r.store.trim() + r.phone.trim() + r.email.trim() !== '');
  useUnsavedChanges(
    `accounts-${dossierId}`,
    touched.size > 0 && !same(typed, saved) ? t('unsaved.accounts') : null,
  );

  // A reload after someone else's change replaces rows only while nothing is being edited.
  const savedKey = JSON.stringify(saved);
  const editing = useRef(false);
  editing.current = touched.size > 0;
  useEffect(() => {
    const fresh = JSON.parse(savedKey) as Account[];
    if (!editing.current) setRows(fresh.length > 0 ? fresh : [blank()]);
  }, [savedKey]);

  const problems = accountProblems(rows);
  const valid = problems.every((p) => p.length === 0);

  const set = (i: number, key: keyof Account, value: string) => {
    setRows((old) => old.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
    setTouched((old) => new Set(old).add(`${i}.${key}`));
    setStatus(null);
  };

  async function save(): Promise<void> {
    // Saved from the click on: leaving while the save completes asks nothing.
    const edited = touched;
    setTouched(new Set());
    try {
      await workspace.saveAccounts(
        dossierId,
        rows.map((r) => ({
          store: r.store.trim(),
          phone: normalisePhone(r.phone),
          email: r.email.trim(),
        })),
      );
      setStatus({ type: 'success', text: t('dossier.accounts.saved') });
    } catch (e) {
      setTouched(edited);
      setStatus({ type: 'error', text: errorSentence(e, t) });
    }
  }

  const help = (i: number, key: keyof Account): string | undefined => {
    const p = problems[i] ?? [];
    // Empty rows shown at first are not errors yet; a typed value is checked at once.
    if (!touched.has(`${i}.${key}`) && (rows[i]?.[key] ?? '') === '') return undefined;
    if (key === 'store' && p.includes('store')) return t('dossier.accounts.storeRequired');
    if (key === 'phone' && p.includes('phone')) return t('dossier.accounts.phoneInvalid');
    if (key === 'phone' && p.includes('phoneRepeated')) return t('dossier.accounts.phoneRepeated');
    if (key === 'email' && p.includes('email')) return t('dossier.accounts.emailInvalid');
    if (key === 'email' && p.includes('emailRepeated')) return t('dossier.accounts.emailRepeated');
    return undefined;
  };

  const field = (i: number, key: keyof Account, placeholder: string, width: number) => {
    const message = help(i, key);
    return (
      <div style={{ display: 'flex', flexDirection: 'column', width }}>
        <Input
          value={rows[i]?.[key] ?? ''}
          placeholder={placeholder}
          aria-label={placeholder}
          status={message ? 'error' : undefined}
          data-testid={`account-${key}`}
          onChange={(e) => set(i, key, e.target.value)}
        />
        <Typography.Text
          type="danger"
          style={{ fontSize: 12, minHeight: 18 }}
          data-testid="account-error"
        >
          {message ?? ''}
        </Typography.Text>
      </div>
    );
  };

  return (
    <Card size="small" title={t('dossier.accounts.title')} data-testid="accounts-editor">
      <Typography.Paragraph type="secondary">{t('dossier.accounts.intro')}</Typography.Paragraph>
      {rows.map((_, i) => (
        <div
          key={i}
          data-testid="account-row"
          style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}
        >
          <span style={{ width: 20, paddingTop: 5, color: '#8c8c8c' }}>{i + 1}</span>
          {field(i, 'store', t('dossier.accounts.store'), 220)}
          {field(i, 'phone', t('dossier.accounts.phone'), 160)}
          {field(i, 'email', t('dossier.accounts.email'), 240)}
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('dossier.accounts.remove')}
            disabled={rows.length <= 1}
            onClick={() => {
              setRows((old) => old.filter((_, j) => j !== i));
              setTouched((old) => new Set(old).add('removed'));
            }}
          />
        </div>
      ))}
      <Space>
        <Button
          icon={<PlusOutlined />}
          disabled={rows.length >= MAX_ACCOUNTS}
          data-testid="account-add"
          onClick={() => setRows((old) => [...old, blank()])}
        >
          {rows.length >= MAX_ACCOUNTS ? t('dossier.accounts.max') : t('dossier.accounts.add')}
        </Button>
        <Button
          type="primary"
          disabled={!valid || !dirty}
          data-testid="accounts-save"
          onClick={() => void save()}
        >
          {t('common.save')}
        </Button>
        {dirty && !valid && touched.size > 0 && (
          <Typography.Text type="secondary">{t('dossier.accounts.fixFirst')}</Typography.Text>
        )}
        {status && (
          <Typography.Text
            type={status.type === 'error' ? 'danger' : 'success'}
            data-testid="accounts-status"
          >
            {status.text}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
});

type ExpiryMode = 'none' | 'date' | 'long-term';

/** The declared ID expiry as it would be saved ('' for none; a date not yet valid as typed). */
function expiryOf(mode: ExpiryMode, typed: string): string {
  if (mode === 'none') return '';
  if (mode === 'long-term') return 'long-term';
  return parseDateInput(typed) ?? typed;
}

/** Memoised: the dossier view read again after an import leaves its declared values alone. */
export const DeclaredEditor = memo(function DeclaredEditor({
  workspace,
  dossierId,
  declared: initial,
  idBackMissing,
}: {
  workspace: Workspace;
  dossierId: string;
  declared: DossierView['declared'];
  /** No ID card back in its slot: the ID's end of validity is asked for here. */
  idBackMissing: boolean;
}) {
  const { t, language } = useI18n();
  const [mode, setMode] = useState<ExpiryMode>(
    initial.idValidUntil === undefined || initial.idValidUntil === ''
      ? 'none'
      : initial.idValidUntil === 'long-term'
        ? 'long-term'
        : 'date',
  );
  const [date, setDate] = useState(
    initial.idValidUntil && initial.idValidUntil !== 'long-term' ? initial.idValidUntil : '',
  );
  const [office, setOffice] = useState(initial.officeAddress ?? '');
  const [status, setStatus] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  // What was last saved (from the click on), else what the dossier holds: the leave guard
  // compares against it, so leaving while a save completes asks nothing.
  const [savedAs, setSavedAs] = useState<Declared | null>(null);
  const stored = savedAs ?? initial;
  const unsaved = [
    office.trim() !== (stored.officeAddress ?? '') ? t('dossier.field.officeAddress') : null,
    expiryOf(mode, date) !== (stored.idValidUntil ?? '') ? t('dossier.field.idValidUntil') : null,
  ].filter((w): w is string => w !== null);
  useUnsavedChanges(
    `declared-${dossierId}`,
    unsaved.length > 0 ? unsaved.join(t('unsaved.separator')) : null,
  );

  const parsedDate = mode === 'date' ? parseDateInput(date) : null;
  const dateInvalid = mode === 'date' && date !== '' && parsedDate === null;
  const canSave = !(mode === 'date' && parsedDate === null);

  async function save(): Promise<void> {
    const declared: Declared = {};
    if (mode === 'long-term') declared.idValidUntil = 'long-term';
    if (mode === 'date' && parsedDate) declared.idValidUntil = parsedDate;
    if (office.trim() !== '') declared.officeAddress = office.trim();
    setSavedAs(declared);
    try {
      await workspace.saveDeclared(dossierId, declared);
      setStatus({ type: 'success', text: t('dossier.declared.saved') });
    } catch (e) {
      setSavedAs(null);
      setStatus({ type: 'error', text: errorSentence(e, t) });
    }
  }

  return (
    <Card size="small" title={t('dossier.declared.title')} data-testid="declared-editor">
      <Typography.Paragraph type="secondary">{t('dossier.declared.intro')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong id="declared-expiry-label">
          {t('dossier.field.idValidUntil')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="declared-expiry-label"
          value={mode}
          name="declared-expiry-mode"
          onChange={(e) => {
            setMode(e.target.value as ExpiryMode);
            setStatus(null);
          }}
          options={[
            { value: 'none', label: t('dossier.declared.notGiven') },
            { value: 'date', label: t('dossier.declared.date') },
            { value: 'long-term', label: formatDocumentDate('long-term', language) },
          ]}
        />
        {mode === 'date' && (
          <div>
            <Input
              value={date}
              style={{ width: 220 }}
              placeholder={t('dossier.declared.datePlaceholder')}
              aria-label={t('dossier.declared.date')}
              status={dateInvalid ? 'error' : undefined}
              data-testid="declared-expiry"
              onChange={(e) => {
                setDate(e.target.value);
                setStatus(null);
              }}
            />{' '}
            {parsedDate && (
              <Typography.Text type="secondary">
                {formatDocumentDate(parsedDate, language)}
              </Typography.Text>
            )}
            {dateInvalid && (
              <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                {t('dossier.declared.dateInvalid')}
              </Typography.Text>
            )}
          </div>
        )}
        <label htmlFor="declared-office">
          <Typography.Text strong>{t('dossier.field.officeAddress')}</Typography.Text>
        </label>
        <Input
          id="declared-office"
          value={office}
          placeholder={t('dossier.declared.officePlaceholder')}
          data-testid="declared-office"
          onChange={(e) => {
            setOffice(e.target.value);
            setStatus(null);
          }}
        />
        <Space>
          <Button
            type="primary"
            disabled={!canSave}
            data-testid="declared-save"
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
          {status && (
            <Typography.Text type={status.type === 'error' ? 'danger' : 'success'}>
              {status.text}
            </Typography.Text>
          )}
        </Space>
      </Space>
      {idBackMissing && mode !== 'none' && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title={t('dossier.declared.noIdBack')}
        />
      )}
    </Card>
  );
});
