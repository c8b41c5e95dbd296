// The short label and colour of a dossier's nearest deadline in the list (the full
// sentence, from src/core/deadlines, is the tag's title).
import { isChangeDeadline, type DeadlineItem } from '../../../core/deadlines';
import type { Translate } from '../../i18n';

export function deadlineLabel(item: DeadlineItem, t: Translate): { text: string; color: string } {
  if (isChangeDeadline(item)) {
    const bank = item.kind === 'bank-notification';
    if (item.level !== 'due')
      return {
        text: t(bank ? 'deadlines.status.bankOverdue' : 'shell.status.changeOverdue'),
        color: 'red',
      };
    return {
      text: t(bank ? 'deadlines.status.bankDeadline' : 'shell.status.changeDeadline', {
        n: item.workingDaysLeft,
      }),
      color: item.workingDaysLeft <= 1 ? 'red' : 'orange',
    };
  }
  const what = t(item.kind === 'id-card-expiry' ? 'shell.status.idCard' : 'shell.status.license');
  if (item.daysLeft < 0)
    return { text: t('shell.status.expired', { what, n: -item.daysLeft }), color: 'red' };
  return {
    text: t('shell.status.expiring', { what, n: item.daysLeft }),
    color: item.level === 'critical' ? 'red' : item.level === 'warning' ? 'orange' : 'gold',
  };
}
