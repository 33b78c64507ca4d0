import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setUnauthenticatedHandler } from '../api/client.ts';
import { dropSession, useSession } from './session.ts';

/** Wires the API client's 401 handling to the session, and applies the user's saved language. */
export function SessionBridge() {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const { data } = useSession();
  const savedLocale = data?.user.locale ?? null;

  useEffect(() => {
    setUnauthenticatedHandler(() => dropSession(queryClient));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  useEffect(() => {
    // A null locale means "not chosen yet": keep the language detected from the browser.
    if (savedLocale && savedLocale !== i18n.language) {
      void i18n.changeLanguage(savedLocale);
    }
  }, [savedLocale, i18n]);

  return null;
}
