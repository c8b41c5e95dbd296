// Every check of the rule pack, failures first (then warnings; what passed or does not
// apply folded away), each as a CheckRow; the verdict above them, the dossier's deadlines
// and its change notices below.
import { Alert, Card, Collapse, Typography } from 'antd';
import type { CheckResult, CheckStatus } from '../../../core/checks/types';
import type { DossierView, Workspace } from '../../model/contract';
import { useI18n, type MessageKey } from '../../i18n';
import { ChangesPanel } from './ChangesPanel';
import { CheckRow, type CheckTarget } from './CheckRow';
import { Deadlines, Verdict } from './Verdict';

export type { CheckTarget };

const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

export function ChecksTab({
  workspace,
  view,
  onOpen,
}: {
  workspace: Workspace;
  view: DossierView;
  onOpen: (target: CheckTarget) => void;
}) {
  const { t } = useI18n();
  // Failures first (those without an exception before accepted ones), then warnings.
  const checks = [...view.run.checks].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      Number(Boolean(a.exception)) - Number(Boolean(b.exception)),
  );
  const open = (c: CheckResult) => c.status === 'fail' && !c.exception;
  const groups: { key: string; title: MessageKey; checks: CheckResult[]; folded: boolean }[] = [
    { key: 'fail', title: 'dossier.checks.group.fail', checks: checks.filter(open), folded: false },
    {
      key: 'warn',
      title: 'dossier.checks.group.warn',
      checks: checks.filter((c) => c.status === 'warn' || (c.status === 'fail' && c.exception)),
      folded: false,
    },
    {
      key: 'pass',
      title: 'dossier.checks.group.pass',
      checks: checks.filter((c) => c.status === 'pass' || c.status === 'skip'),
      folded: true,
    },
  ];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Verdict view={view} />
      {view.documents.length === 0 && (
        <Alert type="info" showIcon title={t('dossier.checks.noDocuments')} />
      )}
      <Card
        size="small"
        title={t('dossier.checks.title', { count: checks.length })}
        data-testid="checks"
      >
        {/* Failures first, then warnings; what passed or does not apply is folded away. */}
        {groups.map((g) =>
          g.checks.length === 0 ? null : g.folded ? (
            <Collapse
              key={g.key}
              size="small"
              ghost
              data-testid="checks-group"
              data-group={g.key}
              items={[
                {
                  key: g.key,
                  label: t(g.title, { count: g.checks.length }),
                  forceRender: true,
                  children: g.checks.map((c) => (
                    <CheckRow
                      key={c.id}
                      check={c}
                      view={view}
                      workspace={workspace}
                      onOpen={onOpen}
                    />
                  )),
                },
              ]}
            />
          ) : (
            <section key={g.key} data-testid="checks-group" data-group={g.key}>
              <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
                {t(g.title, { count: g.checks.length })}
              </Typography.Title>
              {g.checks.map((c) => (
                <CheckRow key={c.id} check={c} view={view} workspace={workspace} onOpen={onOpen} />
              ))}
            </section>
          ),
        )}
      </Card>
      {/* Below the checks: an empty deadline block must not push the failures down. */}
      <Card size="small" title={t('dossier.deadlines.title')}>
        <Deadlines view={view} />
      </Card>
      <Card size="small" title={t('dossier.changes.title')}>
        <ChangesPanel workspace={workspace} view={view} />
      </Card>
    </div>
  );
}
