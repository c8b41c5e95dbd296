// Key rotation (after a suspected leak): a confirm dialog that says what it does and asks the
// passphrase again, then the progress, record n of m, while the vault's worker seals every
// record again under a new master key (src/vault/rotation.ts).
import { Alert, App, Button, Card, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { RotationProgress } from '../../../vault/rotation';
import { PassphraseField } from '../../components/PassphraseField';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../model/workspace-context';
import { RotationDamagedError } from '../../../vault';
import { errorSentence } from '../../shell/errors';

/** `onRotated`: told once the keys were rotated (the vault history reads its log again). */
export function RotateKeysCard({ onRotated }: { onRotated?: () => void } = {}) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RotationProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  function close(): void {
    if (running) return;
    setOpen(false);
    setPassphrase('');
    setProgress(null);
    setError(null);
  }

  async function rotate(): Promise<void> {
    if (running || passphrase === '') return;
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      const { records, damaged } = await workspace.vault.rotateKeys(passphrase, {
        onProgress: setProgress,
      });
      // Damaged records met midway were left as they were: said as the error would say it.
      if (damaged.length > 0)
        void message.warning(errorSentence(new RotationDamagedError(damaged, true), t), 0);
      setRunning(false);
      setOpen(false);
      setPassphrase('');
      setProgress(null);
      void message.success(t('shell.settings.rotateDone', { records }));
      onRotated?.();
    } catch (e) {
      setRunning(false);
      setError(errorSentence(e, t));
    }
  }

  const percent =
    progress === null || progress.total === 0
      ? 0
      : Math.floor((progress.done / progress.total) * 100);
  return (
    <Card title={t('shell.settings.rotateTitle')} className="dv-card">
      <Typography.Paragraph type="secondary">{t('shell.settings.rotateHelp')}</Typography.Paragraph>
      <Button danger onClick={() => setOpen(true)} data-testid="settings-rotate">
        {t('shell.settings.rotate')}
      </Button>
      <Modal
        open={open}
        title={t('shell.settings.rotateConfirmTitle')}
        okText={t('shell.settings.rotateConfirm')}
        okButtonProps={{
          danger: true,
          disabled: passphrase === '',
          loading: running,
          'data-testid': 'settings-rotate-confirm',
        }}
        cancelText={t('common.cancel')}
        cancelButtonProps={{ disabled: running }}
        closable={!running}
        maskClosable={!running}
        keyboard={!running}
        onOk={() => void rotate()}
        onCancel={close}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title={t('shell.settings.rotateWarning')}
          className="dv-gap"
        />
        <PassphraseField
          id="settings-rotate-passphrase"
          label={t('shell.settings.rotatePassphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          disabled={running}
          onPressEnter={() => void rotate()}
        />
        {progress && (
          <div data-testid="settings-rotate-progress">
            <Typography.Text>
              {t(
                progress.phase === 'checking'
                  ? 'shell.settings.rotateChecking'
                  : 'shell.settings.rotateSealing',
                { done: progress.done, total: progress.total },
              )}
            </Typography.Text>
            <Progress percent={percent} showInfo={false} />
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="settings-rotate-error" />}
      </Modal>
    </Card>
  );
}
