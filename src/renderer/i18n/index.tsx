// Language switching and message lookup. Chinese by default; dates are shown as the
// documents print them (2036年05月20日) in Chinese and stay ISO in English.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en';
import { zh, type MessageKey } from './zh';

export type Language = 'zh' | 'en';
export type { MessageKey };

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, values) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

/** `2036-05-20` → `2036年05月20日` (zh) or unchanged (en); `long-term` → 长期 / long-term. */
export function formatDocumentDate(iso: string | null | undefined, language: Language): string {
  if (iso === null || iso === undefined || iso === '') return '';
  if (iso === 'long-term') return language === 'zh' ? '长期' : 'long-term';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || language === 'en') return iso;
  return `${m[1]}年${m[2]}月${m[3]}日`;
}

interface I18n {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n>({
  language: 'zh',
  t: translator('zh'),
  setLanguage: () => undefined,
});

export function I18nProvider({
  language,
  setLanguage,
  children,
}: {
  language: Language;
  setLanguage: (language: Language) => void;
  children: ReactNode;
}) {
  // One value per language: a render of the shell above does not render every component
  // that uses the catalogue.
  const value = useMemo(
    () => ({ language, t: translator(language), setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
