type DateInput = string | number | Date | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2024年3月5日 16:09` / `Mar 5, 2024, 4:09 PM`; empty string for no value. */
export function formatDateTime(value: DateInput, locale: string, timeZone?: string): string {
  const date = toDate(value);
  return date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
    : '';
}

export function formatDate(value: DateInput, locale: string, timeZone?: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date) : '';
}

export function formatNumber(
  value: number | null | undefined,
  locale: string,
  options?: Intl.NumberFormatOptions,
): string {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(locale, options).format(value);
}

export function formatMoney(value: number | null | undefined, currency: string, locale: string): string {
  return formatNumber(value, locale, { style: 'currency', currency });
}

/** "3 minutes ago" / "3分钟前" for recent times, the date otherwise. */
export function formatRelative(value: DateInput, locale: string, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) {
    return '';
  }
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < 60) {
    return rtf.format(seconds, 'second');
  }
  if (abs < 3600) {
    return rtf.format(Math.round(seconds / 60), 'minute');
  }
  if (abs < 86_400) {
    return rtf.format(Math.round(seconds / 3600), 'hour');
  }
  if (abs < 7 * 86_400) {
    return rtf.format(Math.round(seconds / 86_400), 'day');
  }
  return formatDate(date, locale);
}
