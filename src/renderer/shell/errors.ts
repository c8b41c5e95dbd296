// One sentence for a person, in the interface's language, from any error a screen
// catches: the vault's and the workspace's errors are worded from their reason; the
// vault's other errors are already one sentence; anything else is a bug, said as such
// with what to do next.
import {
  BackupError,
  damagedRecordList,
  MalformedMessageError,
  RotationDamagedError,
  SettingsTamperedError,
  VaultBusyError,
  VaultError,
  VaultIntegrityError,
  VaultLockedError,
  WrongPassphraseError,
} from '../../vault';
import { WorkspaceError } from '../model/workspace-error';
import type { Translate } from '../i18n';
import { BACKUP_REFUSAL_KEYS } from '../i18n/review';

export function errorSentence(error: unknown, t: Translate): string {
  if (error instanceof WorkspaceError) return t(`workspace.error.${error.reason}`, error.values);
  if (error instanceof WrongPassphraseError) return t('shell.error.wrongPassphrase');
  if (error instanceof VaultLockedError) return t('shell.error.locked');
  if (error instanceof VaultIntegrityError) return t('shell.error.integrity');
  if (error instanceof BackupError) {
    const reason = t(BACKUP_REFUSAL_KEYS[error.reason], error.values);
    return t('shell.error.backup', { reason });
  }
  if (error instanceof VaultError && error.code === 'keyring-damaged')
    return t('vault.error.keyring-damaged');
  if (error instanceof VaultError && error.code === 'weak-kdf') return t('vault.error.weak-kdf');
  if (error instanceof VaultError && error.code === 'purge-failed')
    return t('vault.error.purge-failed');
  if (error instanceof VaultError && error.code === 'restore-interrupted')
    return t('vault.error.restore-interrupted');
  if (error instanceof VaultError && error.code === 'settings-damaged')
    return t('vault.error.settings-damaged');
  if (error instanceof VaultBusyError) return t(`vault.error.busy.${error.operation}`);
  if (error instanceof VaultError && error.code === 'rotation-pending')
    return t('vault.error.rotation-pending');
  if (error instanceof RotationDamagedError) {
    const records = damagedRecordList(error.damaged);
    return t(`vault.error.rotation-damaged.${error.rotated ? 'kept' : 'refused'}`, { records });
  }
  if (error instanceof MalformedMessageError) return t(`vault.error.invalid-${error.direction}`);
  if (error instanceof SettingsTamperedError)
    return t('vault.error.settings-tampered', { names: error.restored.join(', ') });
  if (error instanceof VaultError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return t('shell.error.unexpected', { detail });
}
