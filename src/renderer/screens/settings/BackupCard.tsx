// Backup (streamed to a file the person chooses) and restore (confirmed: it replaces the
// vault's data).
import { Alert, App, Button, Card, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { PassphraseField } from '../../components/PassphraseField';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';

export function BackupCard({ onRestored }: { onRestored: () => void }) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [restoreFile, setRestoreFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function backup(): Promise<void> {
    setBackingUp(true);
    try {
      const saved = await workspace.saveBackup();
      if (saved) void message.success(t('shell.settings.backupDone', { name: saved.savedAs }));
    } catch (e) {
      void message.error(errorSentence(e, t));
    } finally {
      setBackingUp(false);
    }
  }

  async function restore(): Promise<void> {
    if (restoreFile === null || passphrase === '') return;
    setRestoring(true);
    setError(null);
    try {
      // The person confirmed replacing this vault's data in the dialog that called this.
      await workspace.vault.restore(restoreFile, passphrase, {
        overwrite: true,
      });
      setRestoreFile(null);
      setPassphrase('');
      void message.success(t('shell.settings.restoreDone'));
      onRestored();
    } catch (e) {
      setError(errorSentence(e, t));
    } finally {
      setRestoring(false);
    }
  }

  return (
    <Card title={t('shell.settings.backupTitle')} className="dv-card">
      <Typography.Paragraph type="secondary">{t('shell.settings.backupHelp')}</Typography.Paragraph>
      <Space wrap>
        <Button
          type="primary"
          loading={backingUp}
          onClick={() => void backup()}
          data-testid="settings-backup"
        >
          {t('shell.settings.backup')}
        </Button>
        <Button onClick={() => input.current?.click()} data-testid="settings-restore">
          {t('shell.settings.restoreFrom')}
        </Button>
      </Space>
      <input
        ref={input}
        type="file"
        hidden
        accept=".dvbackup,application/octet-stream"
        data-testid="settings-restore-file"
        onChange={(e) => {
          setRestoreFile(e.target.files?.[0] ?? null);
          setError(null);
          e.target.value = '';
        }}
      />
      <Modal
        open={restoreFile !== null}
        title={t('shell.settings.restoreConfirmTitle')}
        okText={t('shell.settings.restoreConfirm')}
        okButtonProps={{ danger: true, disabled: passphrase === '', loading: restoring }}
        cancelText={t('common.cancel')}
        onOk={() => void restore()}
        onCancel={() => {
          setRestoreFile(null);
          setPassphrase('');
        }}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title={t('shell.settings.restoreWarning', { name: restoreFile?.name ?? '' })}
          className="dv-gap"
        />
        <PassphraseField
          id="settings-restore-passphrase"
          label={t('shell.settings.backupPassphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="off"
        />
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </Card>
  );
}
