import { describe, expect, it } from 'vitest';
import { looksLikePhone, nationalDigits, normalizePhone, phoneSearchTerms } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086 13800138000', '+8613800138000'],
    ['(+86) 138.0013.8000', '+8613800138000'],
    ['021-6123 4567', '+862161234567'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it('keeps the digits of a number it cannot read, and refuses text that is not a phone number', () => {
    expect(normalizePhone('+999 1')).toBe('+9991');
    expect(normalizePhone('n/a')).toBeNull();
    expect(normalizePhone('abc123!!!')).toBeNull();
    expect(normalizePhone('ext. 12')).toBeNull();
    expect(normalizePhone('138 0013 8000 call after 6')).toBeNull();
  });

  it('keeps an extension', () => {
    expect(normalizePhone('021-6123 4567 ext 12')).toBe('+862161234567;ext=12');
    expect(normalizePhone('021-6123 4567转8')).toBe('+862161234567;ext=8');
  });

  it('gives the national digits back for searching', () => {
    expect(nationalDigits('+8613800138000')).toBe('13800138000');
    expect(nationalDigits('12345')).toBe('12345');
  });
});

describe('phone search', () => {
  it('recognises phone-like queries', () => {
    expect(looksLikePhone('138 0013 8000')).toBe(true);
    expect(looksLikePhone('+86-138')).toBe(true);
    expect(looksLikePhone('1380')).toBe(false);
    expect(looksLikePhone('张伟 138')).toBe(false);
  });
  it('searches for the E.164 form and the bare digits', () => {
    expect(phoneSearchTerms('+86 138 0013 8000')).toEqual(
      expect.arrayContaining(['+8613800138000', '13800138000', '8613800138000']),
    );
    expect(phoneSearchTerms('0013 8000')).toContain('00138000');
  });
});
