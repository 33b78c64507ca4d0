import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRelative } from './format.ts';

/** Locale-bound formatters for the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      dateTime: (v: string | Date | null | undefined) => formatDateTime(v, locale),
      date: (v: string | Date | null | undefined) => formatDate(v, locale),
      number: (v: number | null | undefined) => formatNumber(v, locale),
      money: (v: number | null | undefined, currency = 'CNY') => formatMoney(v, currency, locale),
      relative: (v: string | Date | null | undefined) => formatRelative(v, locale),
    }),
    [locale],
  );
}
