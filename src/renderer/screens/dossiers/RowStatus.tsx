// The status tags of one dossier row: verdict, warnings and the nearest deadline (expiry
// or change filing), with the deadline's full sentence on hover.
import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { DossierRow } from '../../model/contract';
import { deadlineLabel } from './status-label';

export function RowStatus({ row }: { row: DossierRow }) {
  const { t, language } = useI18n();
  const tags = [];
  if (row.verdict === null)
    tags.push(
      <Tag key="v" data-status="unchecked">
        {t('shell.status.unchecked')}
      </Tag>,
    );
  else if (row.verdict === 'ready')
    tags.push(
      <Tag key="v" color="green" data-status="ready">
        {t('shell.status.ready')}
      </Tag>,
    );
  else
    tags.push(
      <Tag key="v" color="red" data-status="blocked">
        {t('shell.status.blocked')}
        {row.failed > 0 && ` · ${t('shell.status.failed', { n: row.failed })}`}
      </Tag>,
    );
  if (row.warnings > 0)
    tags.push(
      <Tag key="w" color="orange" data-status="warnings">
        {t(row.warnings === 1 ? 'shell.status.warning' : 'shell.status.warnings', {
          n: row.warnings,
        })}
      </Tag>,
    );
  if (row.nearest) {
    const { text, color } = deadlineLabel(row.nearest, t);
    // A plain title, not an antd Tooltip: a thousand rows scroll past, each would mount one.
    tags.push(
      <Tag key="d" color={color} data-status="deadline" title={row.nearest.message[language]}>
        {text}
      </Tag>,
    );
  }
  return <span className="dv-tags">{tags}</span>;
}
