// An audit log as a person reads it: who did what and when, newest first, filtered by
// action and text, exported as CSV with a BOM so that a spreadsheet opens the Chinese text
// as it is, and the whole log's hash chain verified on request. One component for every
// scope: a dossier's actions (screens/dossier/AuditTab.tsx) and the vault's own history
// (screens/settings/VaultHistoryCard.tsx).
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuditAction, AuditVerdict } from '../../vault';
import type { AuditRow, Workspace } from '../model/contract';
import { auditCsv } from '../model/workspace-verdict';
import { useI18n, type MessageKey } from '../i18n';
import { errorSentence } from '../shell/errors';
import { bodyCell, headerCell, plainTable } from './plain-table';

export interface AuditLogProps {
  workspace: Workspace;
  /** Reads the rows (newest first); read again whenever `version` changes. */
  load: () => Promise<AuditRow[]>;
  version?: unknown;
  /** The actions this scope has, offered by the filter (others read "other"). */
  actions: readonly AuditAction[];
  title: (count: number) => ReactNode;
  /** The CSV's file name. */
  fileName: string;
  /** The data-testid of the card; its parts are `${testId}-verify`, `-row`, … */
  testId: string;
  /** The detail column as shown (default: the entry's detail). */
  detailOf?: (row: AuditRow) => string;
  /** A sentence under the title. */
  help?: ReactNode;
}

export function AuditLog({
  workspace,
  load,
  version,
  actions,
  title,
  fileName,
  testId,
  detailOf = (r) => r.detail,
  help,
}: AuditLogProps) {
  const { t, language } = useI18n();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<string>('all');
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifying, setVerifying] = useState(false);
  // Every action has its words in both catalogues (checked here by the compiler).
  const actionKey = (a: AuditAction): MessageKey =>
    actions.includes(a) ? (`audit.action.${a}` satisfies MessageKey) : 'audit.action.other';

  async function verify(): Promise<void> {
    setVerifying(true);
    setVerdict(null);
    try {
      setVerdict(await workspace.verifyAuditLog());
    } catch (e) {
      setError(e ?? new Error('unknown'));
    } finally {
      setVerifying(false);
    }
  }

  useEffect(() => {
    let live = true;
    load().then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError(e ?? new Error('unknown')),
    );
    return () => {
      live = false;
    };
  }, [load, version]);

  const when = (at: number) =>
    new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (rows ?? []).filter(
      (r) =>
        (action === 'all' || r.action === action) &&
        (needle === '' ||
          [r.detail, detailOf(r), r.file ?? '', r.who ?? ''].some((v) =>
            v.toLowerCase().includes(needle),
          )),
    );
  }, [rows, action, text, detailOf]);

  function exportCsv(): void {
    const header = [
      t('audit.col.when'),
      t('audit.col.who'),
      t('audit.col.action'),
      t('audit.col.what'),
      t('audit.col.detail'),
    ];
    const body = shown.map((r) => [
      when(r.at),
      r.who ?? '',
      t(actionKey(r.action)),
      r.file ?? '',
      detailOf(r),
    ]);
    const blob = new Blob([auditCsv(header, body)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  if (error !== null) return <Empty description={errorSentence(error, t)} />;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={title(shown.length)}
      extra={
        <Space>
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            data-testid={`${testId}-verify`}
            loading={verifying}
            onClick={() => void verify()}
          >
            {verifying ? t('audit.verifying') : t('audit.verify')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            data-testid={`${testId}-export`}
            disabled={shown.length === 0}
            onClick={exportCsv}
          >
            {t('audit.export')}
          </Button>
        </Space>
      }
    >
      {help}
      {verdict && (
        <Alert
          className="dv-gap"
          showIcon
          type={verdict.broken ? 'error' : 'success'}
          data-testid={`${testId}-verdict`}
          data-broken={verdict.broken ? verdict.broken.problem : 'none'}
          title={
            verdict.broken
              ? t('audit.verify.broken', {
                  seq: verdict.broken.seq,
                  problem: t(`audit.verify.${verdict.broken.problem}`),
                })
              : t('audit.verify.ok', { count: verdict.checked })
          }
        />
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor={`${testId}-action`}>{t('audit.filter.action')}</label>
        <Select<string>
          id={`${testId}-action`}
          size="small"
          style={{ minWidth: 160 }}
          value={action}
          data-testid={`${testId}-action`}
          onChange={setAction}
          options={[
            { value: 'all', label: t('audit.filter.all') },
            ...actions.map((a) => ({ value: a, label: t(actionKey(a)) })),
          ]}
        />
        <label htmlFor={`${testId}-text`}>{t('audit.filter.text')}</label>
        <Input
          id={`${testId}-text`}
          size="small"
          style={{ width: 220 }}
          value={text}
          data-testid={`${testId}-text`}
          onChange={(e) => setText(e.target.value)}
        />
      </Space>
      {/* A plain table: antd's Table measures its scrollbar with an injected style, which
          the app's CSP (no 'unsafe-inline') refuses. */}
      {rows !== null && shown.length === 0 ? (
        <Empty description={t('audit.empty')} />
      ) : (
        <table style={plainTable}>
          <thead>
            <tr>
              {(['when', 'who', 'action', 'what', 'detail'] as const).map((c) => (
                <th key={c} scope="col" style={headerCell}>
                  {t(`audit.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid={`${testId}-row`} data-action={r.action}>
                {[when(r.at), r.who ?? '—', t(actionKey(r.action)), r.file ?? '—', detailOf(r)].map(
                  (v, i) => (
                    <td key={i} style={bodyCell}>
                      {v}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
