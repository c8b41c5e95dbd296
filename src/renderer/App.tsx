// The app's root: Ant Design in zero-runtime mode (its styles come from antd.css, so the
// strict CSP's style-src 'self' holds), its locale following the interface language, and
// the shell. The language is remembered in localStorage (not secret) so that the gate shows
// it before unlock; once unlocked, the vault's setting wins.
import { StyleProvider } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import type { BridgeHost, VaultBridge } from '../shared/bridge';
import { translator, type Language } from './i18n';
import { Shell } from './shell/Shell';

const LANGUAGE_KEY = 'dv.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/**
 * Popups (modals, menus, messages) render into this element rather than <body>: a modal
 * on <body> makes antd lock the page's scrolling with an injected <style>, which the CSP
 * refuses.
 */
function popupContainer(): HTMLElement {
  let element = document.getElementById('dv-popups');
  if (element === null) {
    element = document.createElement('div');
    element.id = 'dv-popups';
    document.body.append(element);
  }
  return element;
}

/**
 * Even in zero-runtime mode antd 6 still writes its design tokens as CSS variables into
 * <style> elements, which the CSP refuses (one violation each). antd.css already holds the
 * same variables for the default theme, scoped to the class `css-var-_R_0_` (the key its
 * build got); so the app uses that key and sends the runtime copies to an element outside
 * the document, where they are never parsed.
 */
const THEME: ThemeConfig = { zeroRuntime: true, cssVar: { key: 'css-var-_R_0_' } };
const DETACHED_STYLES = document.createElement('div');

export function App({ bridge, host }: { bridge: VaultBridge; host: BridgeHost }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = translator(language)('app.name');
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Storage may be unavailable (a locked-down profile): the language still switches.
    }
  }, []);

  return (
    <StyleProvider container={DETACHED_STYLES}>
      <ConfigProvider
        theme={THEME}
        locale={language === 'zh' ? zhCN : enUS}
        getPopupContainer={popupContainer}
      >
        <AntApp>
          <Shell bridge={bridge} host={host} language={language} onLanguage={setLanguage} />
        </AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}
