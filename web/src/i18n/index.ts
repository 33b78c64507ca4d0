import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import { initialLanguage } from './language.ts';
import { setAcceptLanguage } from '../api/client.ts';

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

function onLanguage(language: string): void {
  setAcceptLanguage(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
}
onLanguage(i18n.language);
i18n.on('languageChanged', onLanguage);

export default i18n;
