// The window's frame, one column in the page's flow (shell.css): the app's name,
// navigation, language switch and the lock button in the header (the lock button whenever
// the vault is unlocked; it never shrinks away), the screen, and the offline status line
// after it.
import { Button, Segmented, Tooltip, Typography } from 'antd';
import {
  LockOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { BridgeHost } from '../../shared/bridge';
import { useI18n, type Language } from '../i18n';

export type NavTarget = 'list' | 'settings';

export function AppFrame({
  host,
  unlocked,
  active,
  onNavigate,
  onLock,
  children,
}: {
  host: BridgeHost;
  unlocked: boolean;
  /** The highlighted navigation item (null: a dossier or the gate). */
  active: NavTarget | null;
  onNavigate: (target: NavTarget) => void;
  onLock: () => void;
  children: ReactNode;
}) {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="dv-frame">
      <header className="dv-header">
        <Typography.Title level={4} className="dv-title" data-testid="app-name">
          <SafetyCertificateOutlined /> <span className="dv-title-text">{t('app.name')}</span>
        </Typography.Title>
        {unlocked && (
          <nav className="dv-nav" aria-label={t('shell.nav.label')}>
            <Button
              type={active === 'list' ? 'primary' : 'text'}
              ghost={active === 'list'}
              icon={<UnorderedListOutlined />}
              onClick={() => onNavigate('list')}
              data-testid="nav-list"
              aria-label={t('shell.nav.dossiers')}
            >
              {t('shell.nav.dossiers')}
            </Button>
            <Button
              type={active === 'settings' ? 'primary' : 'text'}
              ghost={active === 'settings'}
              icon={<SettingOutlined />}
              onClick={() => onNavigate('settings')}
              data-testid="nav-settings"
              aria-label={t('shell.nav.settings')}
            >
              {t('shell.nav.settings')}
            </Button>
          </nav>
        )}
        <span className="dv-spacer" />
        <div className="dv-header-tools">
          <Segmented<Language>
            size="small"
            value={language}
            onChange={setLanguage}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
            aria-label={t('shell.settings.language')}
            data-testid="language-switch"
          />
          {unlocked && (
            <Tooltip title={t('shell.lock.shortcut')}>
              <Button icon={<LockOutlined />} onClick={onLock} data-testid="lock-button">
                {t('shell.lock.button')}
              </Button>
            </Tooltip>
          )}
        </div>
      </header>
      <main className="dv-main">{children}</main>
      <footer className="dv-footer">
        <span role="status" data-testid="offline-status">
          {t('app.offline')}
          {host === 'web' && ` · ${t('shell.status.browserPreview')}`}
        </span>
      </footer>
    </div>
  );
}
