import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage } from './language.ts';
import { setAcceptLanguage } from '../api/client.ts';

/**
 * Each language is its own chunk, fetched when it is first needed (the first paint waits for the initial one;
 * `changeLanguage` loads another before it switches): the sign-in page carries one language, not both.
 */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = language === 'zh-CN' ? import('./zh-CN.json') : import('./en.json');
    load.then(
      (m) => callback(null, m.default as ResourceKey),
      (e: unknown) => callback(e instanceof Error ? e.message : String(e), false),
    );
  },
};

/** Resolves once the initial language is loaded (or failed to load: the app then shows keys, not a blank page). */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: false,
    supportedLngs: ['zh-CN', 'en'],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
    react: { useSuspense: false },
  })
  .catch(() => undefined);

function onLanguage(language: string): void {
  setAcceptLanguage(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
}
onLanguage(i18n.language);
i18n.on('languageChanged', onLanguage);

export default i18n;
