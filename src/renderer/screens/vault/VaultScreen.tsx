// The vault gate: create a vault (passphrase twice, strength meter), unlock it, or restore
// a backup into an empty one. Shown whenever the vault is locked, with the reason when it
// locked itself.
import { Alert, Button, Card, Form, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useRef, useState, type FormEvent } from 'react';
import type { VaultPort } from '../../model/vault-port';
import { PassphraseField } from '../../components/PassphraseField';
import { useI18n, type MessageKey } from '../../i18n';
import { errorSentence } from '../../shell/errors';
import { MIN_SCORE, type StrengthScore } from './strength';
import { PassphraseStrength, usePassphraseScore } from './PassphraseStrength';

export type LockReason = 'manual' | 'idle' | 'hidden';
export type OpenedHow = 'created' | 'unlocked' | 'restored';

export interface VaultScreenProps {
  vault: VaultPort;
  created: boolean;
  /** Why the vault locked itself (null: first start or locked by hand). */
  notice: LockReason | null;
  /** The vault is unlocked (created, unlocked or restored). */
  onOpened: (how: OpenedHow) => void;
}

export function VaultScreen({ vault, created, notice, onOpened }: VaultScreenProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'unlock' | 'create' | 'restore'>(created ? 'unlock' : 'create');
  return (
    <div className="dv-gate">
      <Card className="dv-gate-card" data-testid={`vault-${mode}`}>
        <Typography.Title level={3}>
          <LockOutlined />{' '}
          {t(
            mode === 'unlock'
              ? 'shell.vault.unlockTitle'
              : mode === 'create'
                ? 'shell.vault.createTitle'
                : 'shell.vault.restoreTitle',
          )}
        </Typography.Title>
        {notice !== null && notice !== 'manual' && (
          <Alert
            type="warning"
            showIcon
            data-testid="auto-lock-notice"
            className="dv-gap"
            title={t('shell.vault.autoLocked')}
            description={t(
              notice === 'idle' ? 'shell.vault.lockedIdle' : 'shell.vault.lockedHidden',
            )}
          />
        )}
        {mode === 'unlock' && <UnlockForm vault={vault} onOpened={onOpened} />}
        {mode === 'create' && (
          <>
            <Typography.Paragraph type="secondary">
              {t('shell.vault.createIntro')}
            </Typography.Paragraph>
            <CreateForm vault={vault} onOpened={onOpened} />
            <Button type="link" onClick={() => setMode('restore')} data-testid="vault-restore-mode">
              {t('shell.vault.restoreLink')}
            </Button>
          </>
        )}
        {mode === 'restore' && (
          <>
            <RestoreForm vault={vault} onOpened={onOpened} />
            <Button type="link" onClick={() => setMode('create')}>
              {t('shell.vault.createLink')}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}

function UnlockForm({ vault, onOpened }: { vault: VaultPort; onOpened: (how: OpenedHow) => void }) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || passphrase === '') return;
    setBusy(true);
    setError(null);
    try {
      await vault.unlock(passphrase);
      setPassphrase('');
      onOpened('unlocked');
    } catch (e) {
      setError(errorSentence(e, t));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="unlock-form">
      <PassphraseField
        id="unlock-passphrase"
        label={t('shell.vault.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
        disabled={busy}
        autoFocus
        error={error ? <span data-testid="vault-error">{error}</span> : undefined}
      />
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={busy}
        disabled={passphrase === ''}
        data-testid="unlock-submit"
      >
        {busy ? t('shell.vault.unlocking') : t('shell.vault.unlock')}
      </Button>
    </form>
  );
}

/** The new passphrase twice, with the strength meter under the first. */
export function NewPassphraseFields({
  passphrase,
  repeat,
  score,
  onPassphrase,
  onRepeat,
  disabled,
  testIdPrefix,
}: {
  passphrase: string;
  repeat: string;
  score: StrengthScore | null;
  onPassphrase: (v: string) => void;
  onRepeat: (v: string) => void;
  disabled: boolean;
  testIdPrefix: string;
}) {
  const { t } = useI18n();
  const mismatch = repeat !== '' && repeat !== passphrase;
  return (
    <>
      <PassphraseField
        id={`${testIdPrefix}-passphrase`}
        label={t('shell.vault.newPassphrase')}
        value={passphrase}
        onChange={onPassphrase}
        autoComplete="new-password"
        disabled={disabled}
        extra={<PassphraseStrength passphrase={passphrase} score={score} />}
      />
      <PassphraseField
        id={`${testIdPrefix}-repeat`}
        label={t('shell.vault.repeatPassphrase')}
        value={repeat}
        onChange={onRepeat}
        autoComplete="new-password"
        disabled={disabled}
        error={mismatch ? t('shell.vault.mismatch') : undefined}
      />
    </>
  );
}

/** Why a new passphrase cannot be used yet (null: it can). */
export function newPassphraseProblem(
  passphrase: string,
  repeat: string,
  score: StrengthScore | null,
): MessageKey | null {
  if (passphrase.length < 8) return 'shell.vault.tooShort';
  if (score === null) return 'shell.strength.loading';
  if (score < MIN_SCORE) return 'shell.strength.tooWeak';
  if (repeat !== passphrase) return 'shell.vault.mismatch';
  return null;
}

function CreateForm({ vault, onOpened }: { vault: VaultPort; onOpened: (how: OpenedHow) => void }) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const score = usePassphraseScore(passphrase);
  const problem = newPassphraseProblem(passphrase, repeat, score);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (problem !== null) return setError(t(problem));
    setBusy(true);
    setError(null);
    try {
      await vault.create(passphrase);
      onOpened('created');
    } catch (e) {
      setError(errorSentence(e, t));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="create-form">
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        score={score}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        disabled={busy}
        testIdPrefix="create"
      />
      {error && (
        <Alert type="error" showIcon title={error} className="dv-gap" data-testid="vault-error" />
      )}
      <Typography.Paragraph type="secondary">{t('shell.vault.noRecovery')}</Typography.Paragraph>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={busy}
        disabled={problem !== null}
        data-testid="create-submit"
      >
        {busy ? t('shell.vault.creating') : t('shell.vault.create')}
      </Button>
    </form>
  );
}

function RestoreForm({ vault, onOpened }: { vault: VaultPort; onOpened: (how: OpenedHow) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || file === null || passphrase === '') return;
    setBusy(true);
    setError(null);
    try {
      // The vault is empty here (not created), so nothing can be overwritten.
      await vault.restore(file, passphrase);
      onOpened('restored');
    } catch (e) {
      setError(errorSentence(e, t));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Typography.Paragraph type="secondary">{t('shell.vault.restoreIntro')}</Typography.Paragraph>
      <input
        ref={input}
        type="file"
        hidden
        accept=".dvbackup,application/octet-stream"
        data-testid="restore-file"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <Form.Item layout="vertical" label={t('shell.settings.backupFile')}>
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {file ? file.name : t('shell.settings.chooseBackup')}
        </Button>
      </Form.Item>
      <PassphraseField
        id="restore-passphrase"
        label={t('shell.settings.backupPassphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="off"
        disabled={busy}
      />
      {error && (
        <Alert type="error" showIcon title={error} className="dv-gap" data-testid="vault-error" />
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={busy}
        disabled={file === null || passphrase === ''}
      >
        {t('shell.settings.restore')}
      </Button>
    </form>
  );
}
