import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errorMessage.ts';

/** `describe(error)` for inline messages and `notify(error)` for a toast after a failed action. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useCallback((error: unknown) => errorMessage(error, t, i18n), [t, i18n]);
  const notify = useCallback(
    (error: unknown) => {
      void message.error(describe(error));
    },
    [message, describe],
  );
  return { describe, notify };
}
