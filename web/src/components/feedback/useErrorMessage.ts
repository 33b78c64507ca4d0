import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errorMessage.ts';
import { useToast } from './toast.tsx';

/** `describe(error)` for inline messages and `notify(error)` for a toast after a failed action. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  const message = useToast();
  const describe = useCallback((error: unknown) => errorMessage(error, t, i18n), [t, i18n]);
  const notify = useCallback(
    (error: unknown) => {
      void message.error(describe(error));
    },
    [message, describe],
  );
  return { describe, notify };
}
