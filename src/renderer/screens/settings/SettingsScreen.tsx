// Settings: language, auto-lock, the operator's name, the OCR engine, the rule pack's
// values (read-only), the master passphrase, backup and restore. Loaded lazily: most
// sessions never open it.
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Typography,
} from 'antd';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_RULE_PACK_ID, loadRulePack } from '../../../core/rule-pack';
import type { VaultSettings } from '../../../vault';
import { useI18n, type Language } from '../../i18n';
import type { OcrEngineId } from '../../model/contract';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';
import { NewPassphraseFields, newPassphraseProblem } from '../vault/VaultScreen';
import { usePassphraseScore } from '../vault/PassphraseStrength';
import { HolidayScheduleCard } from './HolidayScheduleCard';
import { RemindersCard } from './RemindersCard';

export interface SettingsScreenProps {
  /** A backup was restored: the vault now holds other data (and maybe another passphrase). */
  onRestored: () => void;
}

export default function SettingsScreen({ onRestored }: SettingsScreenProps) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<VaultSettings | null>(null);

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
      <BackupCard onRestored={onRestored} />
    </section>
  );
}

function PreferenceCard({
  settings,
  save,
}: {
  settings: VaultSettings;
  save: (patch: Partial<VaultSettings>) => Promise<void>;
}) {
  const { t, language, setLanguage } = useI18n();
  const [minutes, setMinutes] = useState<number>(settings.autoLockMinutes);
  const [userName, setUserName] = useState(settings.userName);
  return (
    <Card title={t('shell.settings.preferences')} className="dv-card">
      <Form layout="horizontal" labelCol={{ flex: '10em' }} labelWrap>
        <Form.Item label={t('shell.settings.language')}>
          <Radio.Group
            aria-label={t('shell.settings.language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value as Language)}
            data-testid="settings-language"
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('shell.settings.autoLock')}
          htmlFor="settings-autolock"
          extra={t('shell.settings.autoLockHelp')}
        >
          <Space.Compact>
            <InputNumber
              min={1}
              max={240}
              precision={0}
              value={minutes}
              onChange={(v) => setMinutes(v ?? settings.autoLockMinutes)}
              suffix={t('shell.settings.minutes')}
              id="settings-autolock"
              data-testid="settings-autolock"
            />
            <Button
              disabled={minutes === settings.autoLockMinutes}
              onClick={() => void save({ autoLockMinutes: minutes })}
              data-testid="settings-autolock-save"
            >
              {t('common.save')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={t('shell.settings.userName')}
          htmlFor="settings-username"
          extra={t('shell.settings.userNameHelp')}
        >
          <Space.Compact>
            <Input
              value={userName}
              maxLength={80}
              onChange={(e) => setUserName(e.target.value)}
              onPressEnter={() => void save({ userName: userName.trim() })}
              id="settings-username"
              data-testid="settings-username"
              placeholder={t('shell.settings.userNamePlaceholder')}
            />
            <Button
              disabled={userName.trim() === settings.userName}
              onClick={() => void save({ userName: userName.trim() })}
              data-testid="settings-username-save"
            >
              {t('common.save')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('shell.settings.ocrEngine')} extra={t('shell.settings.ocrEngineHelp')}>
          <Radio.Group
            aria-label={t('shell.settings.ocrEngine')}
            value={settings.ocrEngine}
            onChange={(e) => void save({ ocrEngine: e.target.value as OcrEngineId })}
            data-testid="settings-ocr"
            options={[
              { value: 'paddle', label: t('shell.settings.ocrPaddle') },
              { value: 'tesseract', label: t('shell.settings.ocrTesseract') },
            ]}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

function RulePackCard() {
  const { t, language } = useI18n();
  const pack = loadRulePack(DEFAULT_RULE_PACK_ID);
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes % 1048576 === 0 ? 0 : 1)} MB`;
  const items = [
    {
      key: 'name',
      label: t('shell.pack.name'),
      children: `${pack.name[language]} (${pack.id} ${pack.version})`,
    },
    { key: 'platform', label: t('shell.pack.platform'), children: pack.platform },
    {
      key: 'accounts',
      label: t('shell.pack.accounts'),
      children: `${pack.accounts.min}–${pack.accounts.max}`,
    },
    { key: 'perId', label: t('shell.pack.perIdCard'), children: pack.maxAccountsPerIdCard },
    {
      key: 'minValid',
      label: t('shell.pack.idMinValid'),
      children: t('shell.pack.days', { n: pack.idCard.minValidDays }),
    },
    {
      key: 'tolerance',
      label: t('shell.pack.declaredTolerance'),
      children: t('shell.pack.days', { n: pack.idCard.declaredExpiryToleranceDays }),
    },
    {
      key: 'warn',
      label: t('shell.pack.expiryWarnings'),
      children: pack.expiryWarningDays.map((n) => t('shell.pack.days', { n })).join(' / '),
    },
    {
      key: 'changes',
      label: t('shell.pack.changeFiling'),
      children: t('shell.pack.workingDays', { n: pack.changes.fileWithinWorkingDays }),
    },
    {
      key: 'files',
      label: t('shell.pack.files'),
      children: `${pack.files.formats.map((f) => (f === 'application/pdf' ? 'PDF' : 'JPEG')).join(', ')} · ≤ ${mb(pack.files.maxBytes)} · ≥ ${pack.files.minDpiA4} dpi (A4)`,
    },
    {
      key: 'eligible',
      label: t('shell.pack.eligible'),
      children: pack.eligibleCreditCodeCategories.join(' '),
    },
    {
      key: 'ineligible',
      label: t('shell.pack.ineligible'),
      children: pack.ineligibleCreditCodeCategories
        .map((c) => `${c.prefix}: ${c[language]}`)
        .join('; '),
    },
  ];
  return (
    <Card title={t('shell.settings.rulePack')} className="dv-card" data-testid="settings-rule-pack">
      <Typography.Paragraph type="secondary">
        {t('shell.settings.rulePackHelp')}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={1} items={items} />
    </Card>
  );
}

function PassphraseCard() {
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
        <Form.Item
          layout="vertical"
          label={t('shell.settings.currentPassphrase')}
          htmlFor="settings-current-passphrase"
        >
          <Input.Password
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoComplete="current-password"
            id="settings-current-passphrase"
            data-testid="settings-current-passphrase"
            disabled={busy}
          />
        </Form.Item>
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

function BackupCard({ onRestored }: { onRestored: () => void }) {
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
        <Form.Item
          layout="vertical"
          label={t('shell.settings.backupPassphrase')}
          htmlFor="settings-restore-passphrase"
        >
          <Input.Password
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="off"
            id="settings-restore-passphrase"
            data-testid="settings-restore-passphrase"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </Card>
  );
}
