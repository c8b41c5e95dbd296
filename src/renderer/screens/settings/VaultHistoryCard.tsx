// Settings → the vault's history: the audit entries tied to no dossier (creating and
// unlocking the vault, failed unlocks, locks, passphrase changes, key rotations, key
// derivation upgrades, settings, backups, restores, integrity failures, purges), in the
// same audit log component as a dossier's (filter, CSV with BOM, chain verification).
import { Typography } from 'antd';
import { useCallback } from 'react';
import { auditActionsOf } from '../../../vault';
import { AuditLog } from '../../components/AuditLog';
import { useI18n } from '../../i18n';
import { vaultAudit } from '../../model/workspace-verdict';
import { useWorkspace } from '../../model/workspace-context';

const VAULT_ACTIONS = auditActionsOf('vault');

/** `version`: read again when it changes (a rotation in this screen). */
export function VaultHistoryCard({ version }: { version?: unknown }) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const load = useCallback(() => vaultAudit(workspace.vault), [workspace]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <AuditLog
      workspace={workspace}
      load={load}
      version={version}
      actions={VAULT_ACTIONS}
      title={(count) => t('history.title', { count })}
      fileName={`vault-history-${today}.csv`}
      testId="vault-history"
      help={<Typography.Paragraph type="secondary">{t('history.help')}</Typography.Paragraph>}
    />
  );
}
