// Preferences: the interface language, the idle lock, the operator's name, the OCR engine.
import { Button, Card, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useState } from 'react';
import type { VaultSettings } from '../../../vault';
import { useI18n, type Language } from '../../i18n';
import type { OcrEngineId } from '../../model/contract';

export function PreferenceCard({
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
