// The dossier's audit log: who did what and when (imports, confirmations, edits,
// exceptions, exports), newest first, filtered, exported as CSV with a BOM, verified
// (components/AuditLog.tsx, shared with Settings' vault history).
import { useCallback } from 'react';
import { auditActionsOf } from '../../../vault';
import type { AuditRow, DossierView, Workspace } from '../../model/contract';
import { AuditLog } from '../../components/AuditLog';
import { useI18n } from '../../i18n';
import { fieldLabel } from './labels';

const NAMED_ACTIONS = auditActionsOf('dossier');

export function AuditTab({ workspace, view }: { workspace: Workspace; view: DossierView }) {
  const { t } = useI18n();
  const dossierId = view.dossier.id;
  const load = useCallback(() => workspace.auditLog(dossierId), [workspace, dossierId]);
  const detailOf = useCallback(
    (r: AuditRow) =>
      r.action === 'confirm'
        ? fieldLabel(t, r.detail)
        : r.action === 'set-aside'
          ? t(r.detail === 'on' ? 'dossier.slots.setAside' : 'dossier.slots.useAgain')
          : r.detail,
    [t],
  );
  return (
    <AuditLog
      workspace={workspace}
      load={load}
      // The view changes with every write, so the log is read again with it.
      version={view}
      actions={NAMED_ACTIONS}
      title={(count) => t('audit.title', { count })}
      fileName={`audit-${view.dossier.company}-${view.today}.csv`}
      testId="audit"
      detailOf={detailOf}
    />
  );
}
