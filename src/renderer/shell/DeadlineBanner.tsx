// The banner shown on unlocking the vault: what falls due in the next 7 days (passed
// deadlines included), across every dossier, nearest first; each opens its dossier.
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { dueWithinDays, type CalendarDeadline } from '../../core/deadlines';
import { formatDocumentDate, useI18n } from '../i18n';
import type { Workspace } from '../model/contract';

/** The banner's reach, in calendar days. */
export const BANNER_DAYS = 7;
const SHOWN = 6;

export function DeadlineBanner({
  workspace,
  onOpen,
}: {
  workspace: Workspace;
  onOpen: (dossierId: string) => void;
}) {
  const { t, language } = useI18n();
  const [due, setDue] = useState<CalendarDeadline[] | null>(null);
  const [closed, setClosed] = useState(false);

  // Read once per unlock (the Shell mounts a new banner each time).
  useEffect(() => {
    let live = true;
    workspace.upcomingDeadlines().then(
      (entries) => live && setDue(dueWithinDays(entries, BANNER_DAYS)),
      // The list shows the same deadlines; a banner that cannot load stays away.
      () => live && setDue([]),
    );
    return () => {
      live = false;
    };
  }, [workspace]);

  if (closed || due === null || due.length === 0) return null;
  const passed = due.some((e) => e.item.daysLeft < 0);
  return (
    <Alert
      className="dv-deadline-banner"
      type={passed ? 'error' : 'warning'}
      showIcon
      action={
        <Button size="small" onClick={() => setClosed(true)} data-testid="deadline-banner-close">
          {t('deadlines.banner.close')}
        </Button>
      }
      data-testid="deadline-banner"
      title={t('deadlines.banner.title', { count: due.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {due.slice(0, SHOWN).map((entry) => (
            <li
              key={`${entry.dossierKey}/${entry.item.kind}/${'changeId' in entry.item ? entry.item.changeId : ''}`}
              data-testid="deadline-banner-item"
              data-kind={entry.item.kind}
              data-date={entry.item.date}
            >
              <strong>{formatDocumentDate(entry.item.date, language)}</strong>{' '}
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => {
                  setClosed(true);
                  onOpen(entry.dossierKey);
                }}
              >
                {entry.dossierName}
              </Button>
              ：{entry.item.message[language]}
              {entry.item.warning && (
                <div className="dv-muted" data-testid="deadline-banner-warning">
                  {entry.item.warning[language]}
                </div>
              )}
            </li>
          ))}
          {due.length > SHOWN && (
            <li>{t('deadlines.banner.more', { count: due.length - SHOWN })}</li>
          )}
        </ul>
      }
    />
  );
}
