import type { TFunction, i18n as I18n } from 'i18next';
import { isApiError } from '../../api/errors.ts';

/**
 * A user-facing message for any error: translated by the server's error code, falling back to the
 * server's own message, then to a generic text — never blank.
 */
export function errorMessage(error: unknown, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  if (isApiError(error)) {
    const key = `errors.${error.code}`;
    if (i18n.exists(key)) {
      return t(key);
    }
    return error.message || t('errors.UNKNOWN');
  }
  return t('errors.UNKNOWN');
}
