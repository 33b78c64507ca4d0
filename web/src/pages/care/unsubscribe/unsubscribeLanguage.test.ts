import { describe, expect, it } from 'vitest';
import { unsubscribeLanguage } from './unsubscribeLanguage.ts';

describe('unsubscribeLanguage', () => {
  it('takes ?lang first, then the recipient, else nothing', () => {
    expect(unsubscribeLanguage('en', 'zh-CN')).toBe('en');
    expect(unsubscribeLanguage('zh', 'en')).toBe('zh-CN');
    expect(unsubscribeLanguage(null, 'zh-CN')).toBe('zh-CN');
    expect(unsubscribeLanguage(null, 'en-GB')).toBe('en');
    expect(unsubscribeLanguage('fr', null)).toBeNull();
    expect(unsubscribeLanguage(null, null)).toBeNull();
  });
});
