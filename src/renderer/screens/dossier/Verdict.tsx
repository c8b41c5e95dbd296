// The dossier's verdict (ready or blocked, with what holds it back) and its deadlines:
// shown above the checks and on the export tab.
import { Alert, Typography } from 'antd';
import { isChangeDeadline } from '../../../core/deadlines';
import type { DossierView } from '../../model/contract';
import { useI18n } from '../../i18n';

export function Verdict({ view }: { view: DossierView }) {
  const { t } = useI18n();
  const ready = view.run.verdict === 'ready';
  const failed = view.run.checks.filter((c) => c.status === 'fail' && !c.exception).length;
  const warnings = view.run.checks.filter((c) => c.status === 'warn').length;
  const accepted = view.run.checks.filter((c) => c.status === 'fail' && c.exception).length;
  return (
    <Alert
      data-testid="verdict"
      data-verdict={view.run.verdict}
      type={ready ? 'success' : 'error'}
      showIcon
      title={
        <Typography.Text strong style={{ fontSize: 16 }}>
          {ready ? t('dossier.verdict.ready') : t('dossier.verdict.blocked')}
        </Typography.Text>
      }
      description={
        ready
          ? accepted > 0
            ? t('dossier.verdict.readyExceptions', { accepted, warnings })
            : warnings > 0
              ? t('dossier.verdict.readyWarnings', { warnings })
              : t('dossier.verdict.readyHint')
          : t('dossier.verdict.blockedHint', { failed })
      }
    />
  );
}

export function Deadlines({ view }: { view: DossierView }) {
  const { t, language } = useI18n();
  if (view.deadlines.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="deadlines-empty">
        {t('dossier.deadlines.none')}
      </Typography.Text>
    );
  }
  return (
    <ul data-testid="deadlines" style={{ margin: 0, paddingLeft: 20 }}>
      {view.deadlines.map((d, i) => {
        const urgent = isChangeDeadline(d)
          ? d.level !== 'due' || d.workingDaysLeft <= 1
          : d.level === 'expired' || d.level === 'critical';
        return (
          <li key={i} data-testid="deadline" data-kind={d.kind} data-level={d.level}>
            <Typography.Text type={urgent ? 'danger' : 'warning'}>
              {d.message[language]}
            </Typography.Text>
            {d.warning && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {d.warning[language]}
              </Typography.Text>
            )}
          </li>
        );
      })}
    </ul>
  );
}
