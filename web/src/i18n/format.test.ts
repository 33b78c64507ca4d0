import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRelative } from './format.ts';
import { localeFromBrowser } from './language.ts';

const at = '2024-03-05T16:09:00Z';

describe('locale formatting', () => {
  it('formats dates per locale', () => {
    expect(formatDate(at, 'zh-CN', 'UTC')).toBe('2024年3月5日');
    expect(formatDate(at, 'en', 'UTC')).toBe('Mar 5, 2024');
    expect(formatDateTime(at, 'zh-CN', 'UTC')).toBe('2024年3月5日 16:09');
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('');
  });
  it('formats numbers and money per locale', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatMoney(1234.5, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(1234.5, 'CNY', 'en')).toBe('CN¥1,234.50');
    expect(formatMoney(1234.5, 'USD', 'en')).toBe('$1,234.50');
  });
  it('formats recent times relatively', () => {
    const now = new Date('2024-03-05T16:12:00Z');
    expect(formatRelative(at, 'en', now)).toBe('3 minutes ago');
    expect(formatRelative(at, 'zh-CN', now)).toBe('3分钟前');
  });
});

describe('localeFromBrowser', () => {
  it('maps Chinese variants to zh-CN and anything else to English', () => {
    expect(localeFromBrowser('zh')).toBe('zh-CN');
    expect(localeFromBrowser('zh-TW')).toBe('zh-CN');
    expect(localeFromBrowser('en-GB')).toBe('en');
    expect(localeFromBrowser('de')).toBe('en');
    expect(localeFromBrowser(undefined)).toBe('en');
  });
});
