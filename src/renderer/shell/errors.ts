// One sentence for a person from any error a screen catches: the vault's errors are
// already one sentence (translated here where the vault's wording is English-only);
// anything else is a bug, said as such with what to do next.
import { BackupError, VaultError, VaultLockedError, WrongPassphraseError } from '../../vault';
import type { Translate } from '../i18n';

export function errorSentence(error: unknown, t: Translate): string {
  if (error instanceof WrongPassphraseError) return t('shell.error.wrongPassphrase');
  if (error instanceof VaultLockedError) return t('shell.error.locked');
  if (error instanceof BackupError) return t('shell.error.backup', { reason: error.message });
  if (error instanceof VaultError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return t('shell.error.unexpected', { detail });
}
