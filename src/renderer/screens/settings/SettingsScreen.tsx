// Settings: language, auto-lock, the operator's name, the OCR engine, the rule pack's
// values (read-only), the master passphrase, key rotation, backup and restore, one card
// per file. Loaded lazily: most sessions never open it.
import { App, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { VaultSettings } from '../../../vault';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';
import { BackupCard } from './BackupCard';
import { HolidayScheduleCard } from './HolidayScheduleCard';
import { PassphraseCard } from './PassphraseCard';
import { PreferenceCard } from './PreferenceCard';
import { RemindersCard } from './RemindersCard';
import { RotateKeysCard } from './RotateKeysCard';
import { RulePackCard } from './RulePackCard';
import { VaultHistoryCard } from './VaultHistoryCard';

export interface SettingsScreenProps {
  /** A backup was restored: the vault now holds other data (and maybe another passphrase). */
  onRestored: () => void;
}

export default function SettingsScreen({ onRestored }: SettingsScreenProps) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<VaultSettings | null>(null);
  const [rotations, setRotations] = useState(0);

  useEffect(() => {
    let current = true;
    workspace.settings().then(
      (s) => current && setSettings(s),
      (error: unknown) => void message.error(errorSentence(error, t)),
    );
    return () => {
      current = false;
    };
  }, [workspace, message, t]);

  async function save(patch: Partial<VaultSettings>): Promise<void> {
    try {
      setSettings(await workspace.updateSettings(patch));
      void message.success(t('shell.settings.saved'));
    } catch (error) {
      void message.error(errorSentence(error, t));
    }
  }

  return (
    <section className="dv-screen dv-settings" data-testid="screen-settings">
      <Typography.Title level={3}>{t('shell.settings.title')}</Typography.Title>
      {settings && <PreferenceCard settings={settings} save={save} />}
      <RulePackCard />
      <HolidayScheduleCard />
      {settings && <RemindersCard settings={settings} save={save} />}
      <PassphraseCard />
      <RotateKeysCard onRotated={() => setRotations((n) => n + 1)} />
      <BackupCard onRestored={onRestored} />
      <VaultHistoryCard version={rotations} />
    </section>
  );
}
