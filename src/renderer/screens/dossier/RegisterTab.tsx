// The register of where copies went (使用登记): every pack exported from this dossier, or
// every pack of any dossier that carried this legal representative's ID card ("where has
// this ID been sent"), with purpose, recipient, date, documents and the pack's SHA-256;
// exported as CSV with a BOM.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { kindLabel } from './labels';
import { copyRegisterCsv, type CopyRegisterRow } from '../../../vault';
import { downloadBytes } from '../../bridge/web';
import type { DossierView, Workspace } from '../../model/contract';
import { formatDocumentDate, useI18n } from '../../i18n';
import { errorSentence } from '../../shell/errors';
import { bodyCell, headerCell, plainTable } from '../../components/plain-table';

type Scope = 'dossier' | 'id';

export function RegisterTab({ workspace, view }: { workspace: Workspace; view: DossierView }) {
  const { t, language } = useI18n();
  const idNumber = view.dossier.idNumber;
  const [scope, setScope] = useState<Scope>('dossier');
  const [rows, setRows] = useState<CopyRegisterRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const dossierId = view.dossier.id;

  useEffect(() => {
    let live = true;
    const where = scope === 'id' && idNumber ? { idNumber } : { dossierId };
    workspace.copyRegister(where).then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError(e ?? new Error('unknown')),
    );
    return () => {
      live = false;
    };
  }, [workspace, dossierId, idNumber, scope, view]);

  function exportCsv(): void {
    const name =
      scope === 'id' && idNumber
        ? `register-id-${idNumber.slice(-4)}-${view.today}.csv`
        : `register-${view.dossier.company}-${view.today}.csv`;
    downloadBytes(
      new TextEncoder().encode(copyRegisterCsv(rows ?? [])),
      name,
      'text/csv;charset=utf-8',
    );
  }

  if (error !== null) return <Empty description={errorSentence(error, t)} />;
  const columns = ['date', 'purpose', 'recipient', 'company', 'documents', 'pack'] as const;
  return (
    <Card
      size="small"
      data-testid="register"
      data-scope={scope}
      title={t('register.title', { count: rows?.length ?? 0 })}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          data-testid="register-export"
          disabled={!rows || rows.length === 0}
          onClick={exportCsv}
        >
          {t('register.export')}
        </Button>
      }
    >
      <Segmented<Scope>
        value={scope}
        onChange={setScope}
        data-testid="register-scope"
        style={{ marginBottom: 8 }}
        options={[
          { value: 'dossier', label: t('register.scope.dossier') },
          {
            value: 'id',
            disabled: !idNumber,
            label: idNumber
              ? t('register.scope.id', { id: maskId(idNumber) })
              : t('register.scope.noId'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary">
        {scope === 'id' ? t('register.help.id') : t('register.help.dossier')}
      </Typography.Paragraph>
      {rows !== null && rows.length === 0 ? (
        <Empty description={t('register.empty')} data-testid="register-empty" />
      ) : (
        // A plain table: antd's Table injects a style the app's CSP refuses.
        <table style={plainTable}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" style={headerCell}>
                  {t(`register.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r) => (
              <tr
                key={r.id}
                data-testid="register-row"
                data-dossier={r.dossierId}
                data-recipient={r.recipient}
              >
                <td style={bodyCell}>{formatDocumentDate(r.date, language)}</td>
                <td style={bodyCell}>{r.purpose || '—'}</td>
                <td style={bodyCell}>{r.recipient || '—'}</td>
                <td style={bodyCell}>{r.company}</td>
                <td style={bodyCell}>
                  {r.documents.map((d) => (
                    <div key={d.file}>
                      {kindLabel(t, d.kind)} <span className="dv-muted">{d.file}</span>
                    </div>
                  ))}
                </td>
                <td style={bodyCell}>
                  <div>{r.packName}</div>
                  <code className="dv-muted" title={r.packSha256}>
                    SHA-256 {r.packSha256.slice(0, 16)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** 110105********002X: enough to recognise the card, not to copy it off the screen. */
function maskId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;
}
