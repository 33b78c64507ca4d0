import { locales } from '@tandem/server/api';
import type { Locale } from '../api/types.ts';

export const supportedLanguages: readonly Locale[] = locales;
const storageKey = 'tandem.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** Maps a browser language tag (`zh`, `zh-TW`, `en-GB`, …) onto a supported locale; English otherwise. */
export function localeFromBrowser(tag: string | undefined | null): Locale {
  if (tag && tag.toLowerCase().startsWith('zh')) {
    return 'zh-CN';
  }
  return 'en';
}

/** Language before anybody signs in: the last choice made in this browser, else the browser's language. */
export function initialLanguage(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (isLocale(stored)) {
      return stored;
    }
  } catch {
    // Storage can be blocked (privacy mode); the browser language is a fine default.
  }
  return localeFromBrowser(globalThis.navigator?.language);
}

export function rememberLanguage(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // Not remembering locally is harmless: signed-in users keep theirs on the server.
  }
}
