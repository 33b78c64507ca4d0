import { describe, expect, it } from 'vitest';
import { pickLanguage, renderTemplate } from './templates.ts';

describe('care templates', () => {
  it('fills merge fields, tolerates spaces, leaves empty what has no value', () => {
    expect(
      renderTemplate('{{name}} turns {{ years }} on {{date}}{{products}}', {
        name: '王芳',
        years: 40,
        date: '2026-05-01',
      }),
    ).toBe('王芳 turns 40 on 2026-05-01');
    expect(renderTemplate('no fields', {})).toBe('no fields');
  });
  it('picks Chinese for zh-CN and English otherwise', () => {
    expect(pickLanguage('zh-CN', 'zh', 'en')).toBe('zh');
    expect(pickLanguage('en', 'zh', 'en')).toBe('en');
    expect(pickLanguage(null, 'zh', 'en')).toBe('en');
  });
});
