// One check of the rule pack: its status and sentence; for a failed comparison both values
// one above the other with each differing character named; links to the fields it read;
// setting aside a file that claims a kind twice; accepting a failure as a known exception
// with a written reason, and revoking it.
import { Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CheckResult, CheckStatus } from '../../../core/checks/types';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../core/documents';
import { CHECK_NAMES } from '../../../core/checks/names';
import { CharDiff } from '../../components/CharDiff';
import type { DossierView, Workspace } from '../../model/contract';
import { useI18n, type MessageKey } from '../../i18n';
import { comparedValues } from './check-comparison';
import { QualityFlagList } from './ImageFindings';
import { fieldLabel, kindLabel } from './labels';
import { errorSentence } from '../../shell/errors';

const STATUS_COLOURS: Record<CheckStatus, string> = {
  pass: 'success',
  fail: 'error',
  warn: 'warning',
  skip: 'default',
};
const STATUS_KEYS: Record<CheckStatus, MessageKey> = {
  pass: 'dossier.checks.status.pass',
  fail: 'dossier.checks.status.fail',
  warn: 'dossier.checks.status.warn',
  skip: 'dossier.checks.status.skip',
};

const isDocumentKind = (k: string): k is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(k);

/** Where a check points: a document's field (review), or the accounts / declared values. */
export type CheckTarget =
  | { to: 'review'; kind: DocumentKind; field: string }
  | { to: 'documents'; section: 'accounts' | 'declared' };

function targets(check: CheckResult): CheckTarget[] {
  const seen = new Set<string>();
  const out: CheckTarget[] = [];
  for (const s of check.subjects ?? []) {
    const key = `${s.kind}.${s.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isDocumentKind(s.kind)) out.push({ to: 'review', kind: s.kind, field: s.field });
    else if (s.field === 'accounts') out.push({ to: 'documents', section: 'accounts' });
    else if (s.kind === 'declared' || s.field === 'idValidUntil' || s.field === 'officeAddress') {
      out.push({ to: 'documents', section: 'declared' });
    }
  }
  return out;
}

function subjectLabel(t: (k: MessageKey) => string, kind: string, field: string): string {
  if (isDocumentKind(kind)) return `${kindLabel(t, kind)} · ${fieldLabel(t, field)}`;
  return fieldLabel(t, field);
}

export function CheckRow({
  check,
  view,
  workspace,
  onOpen,
}: {
  check: CheckResult;
  view: DossierView;
  workspace: Workspace;
  onOpen: (target: CheckTarget) => void;
}) {
  const { t, language } = useI18n();
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const comparison = comparedValues(check);
  const subjects = check.subjects ?? [];
  const nameOf = (i: number) => {
    const s = subjects[i];
    return s
      ? subjectLabel(t, s.kind, s.field)
      : i === 0
        ? t('dossier.checks.first')
        : t('dossier.checks.second');
  };

  async function act(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
      setAccepting(false);
      setReason('');
    } catch (e) {
      setError(errorSentence(e, t));
    } finally {
      setBusy(false);
    }
  }

  // files.quality links each flag from its list, with the flag's region.
  const links = check.id === 'files.quality' ? [] : targets(check);
  return (
    <div
      data-testid="check-row"
      data-check={check.id}
      data-status={check.status}
      data-exception={check.exception ? 'true' : 'false'}
      style={{
        borderBottom: '1px solid #f0f0f0',
        padding: '10px 4px',
        display: 'flex',
        flexDirection: 'column',
        gap: 6,
      }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Tag color={STATUS_COLOURS[check.status]} style={{ minWidth: 48, textAlign: 'center' }}>
          {t(STATUS_KEYS[check.status])}
        </Tag>
        {check.exception && <Tag color="gold">{t('dossier.checks.accepted')}</Tag>}
        <Typography.Text style={{ flex: '1 1 300px' }}>
          <Typography.Text strong data-testid="check-name">
            {CHECK_NAMES[check.id][language]}
          </Typography.Text>
          {language === 'zh' ? '：' : ': '}
          <span data-testid="check-message">
            {language === 'zh' ? check.messageZh : check.message}
          </span>
        </Typography.Text>
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {check.id}
        </Typography.Text>
      </div>
      {comparison && (
        <div style={{ paddingLeft: 8 }}>
          <CharDiff
            a={comparison[0]}
            b={comparison[1]}
            diff={check.diff}
            labelA={nameOf(0)}
            labelB={nameOf(1)}
            names={{
              a: { zh: nameOf(0), en: nameOf(0) },
              b: { zh: nameOf(1), en: nameOf(1) },
            }}
          />
        </div>
      )}
      {check.id === 'files.quality' && <QualityFlagList view={view} onOpen={onOpen} />}
      {check.platformCodes && check.status === 'fail' && !check.exception && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dossier.checks.platformCodes', { codes: check.platformCodes.join(', ') })}
        </Typography.Text>
      )}
      {check.exception && (
        <Typography.Text type="secondary" data-testid="exception-reason">
          {t('dossier.checks.exceptionBy', {
            by: check.exception.by,
            at: new Date(check.exception.at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB'),
            reason: check.exception.reason,
          })}
        </Typography.Text>
      )}
      <Space wrap size={4}>
        {links.map((target, i) => (
          <Button
            key={i}
            type="link"
            size="small"
            data-testid="check-link"
            data-target={target.to === 'review' ? `${target.kind}.${target.field}` : target.section}
            onClick={() => onOpen(target)}
            disabled={target.to === 'review' && view.slots[target.kind] === null}
          >
            {target.to === 'review'
              ? t('dossier.checks.openField', { field: subjectLabel(t, target.kind, target.field) })
              : target.section === 'accounts'
                ? t('dossier.checks.openAccounts')
                : t('dossier.checks.openDeclared')}
          </Button>
        ))}
        {(check.claimants ?? []).flatMap((c) =>
          c.files.map((file) => {
            const doc = view.documents.find((d) => d.info.fileName === file && !d.setAside);
            return doc ? (
              <Button
                key={`${c.kind}-${file}`}
                size="small"
                data-testid="check-set-aside"
                data-file={file}
                onClick={() => void act(() => workspace.setAside(doc.info.id, true))}
              >
                {t('dossier.checks.setAsideFile', { file })}
              </Button>
            ) : null;
          }),
        )}
        {check.status === 'fail' && !check.exception && !accepting && (
          <Button size="small" data-testid="accept-exception" onClick={() => setAccepting(true)}>
            {t('dossier.checks.accept')}
          </Button>
        )}
        {check.exception && (
          <Button
            size="small"
            danger
            loading={busy}
            data-testid="revoke-exception"
            onClick={() => void act(() => workspace.revokeException(view.dossier.id, check.id))}
          >
            {t('dossier.checks.revoke')}
          </Button>
        )}
      </Space>
      {accepting && (
        <div
          data-testid="exception-form"
          style={{ display: 'flex', flexDirection: 'column', gap: 6, maxWidth: 640 }}
        >
          <Typography.Text>{t('dossier.checks.reasonPrompt')}</Typography.Text>
          <Input.TextArea
            autoFocus
            value={reason}
            rows={3}
            placeholder={t('dossier.checks.reasonPlaceholder')}
            aria-label={t('dossier.checks.reasonPrompt')}
            data-testid="exception-reason-input"
            onChange={(e) => setReason(e.target.value)}
          />
          <Space>
            <Button
              type="primary"
              loading={busy}
              disabled={reason.trim() === ''}
              data-testid="exception-submit"
              onClick={() =>
                void act(() => workspace.acceptException(view.dossier.id, check.id, reason.trim()))
              }
            >
              {t('dossier.checks.acceptSubmit')}
            </Button>
            <Button onClick={() => setAccepting(false)}>{t('common.cancel')}</Button>
            {reason.trim() === '' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dossier.checks.reasonRequired')}
              </Typography.Text>
            )}
          </Space>
        </div>
      )}
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
