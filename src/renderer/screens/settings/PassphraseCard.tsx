// Changing the master passphrase (the master key is wrapped again; no data is re-encrypted).
import { Alert, App, Button, Card } from 'antd';
import { useState, type FormEvent } from 'react';
import { PassphraseField } from '../../components/PassphraseField';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';
import { NewPassphraseFields, newPassphraseProblem } from '../vault/VaultScreen';
import { usePassphraseScore } from '../vault/PassphraseStrength';

export function PassphraseCard() {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const score = usePassphraseScore(next);
  const problem = newPassphraseProblem(next, repeat, score);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || current === '') return;
    if (problem !== null) return setError(t(problem));
    setBusy(true);
    setError(null);
    try {
      await workspace.vault.changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      void message.success(t('shell.settings.passphraseChanged'));
    } catch (e) {
      setError(errorSentence(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('shell.settings.changePassphrase')} className="dv-card">
      <form onSubmit={(e) => void submit(e)} className="dv-narrow">
        <PassphraseField
          id="settings-current-passphrase"
          label={t('shell.settings.currentPassphrase')}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          disabled={busy}
        />
        <NewPassphraseFields
          passphrase={next}
          repeat={repeat}
          score={score}
          onPassphrase={setNext}
          onRepeat={setRepeat}
          disabled={busy}
          testIdPrefix="settings-new"
        />
        {error && <Alert type="error" showIcon title={error} className="dv-gap" />}
        <Button htmlType="submit" loading={busy} disabled={current === '' || problem !== null}>
          {t('shell.settings.changePassphrase')}
        </Button>
      </form>
    </Card>
  );
}
