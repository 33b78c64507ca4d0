import { describe, expect, it } from 'vitest';
import { safeNext, signInUrl } from './next.ts';

describe('safeNext', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNext('/settings/audit?entityType=user')).toBe('/settings/audit?entityType=user');
  });
  it('rejects other origins, protocol-relative and backslash tricks', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
  it('never returns to sign-in', () => {
    expect(safeNext('/sign-in?next=%2Fx')).toBe('/');
  });
});

describe('signInUrl', () => {
  it('encodes the page to return to', () => {
    expect(signInUrl('/settings/users?q=a&b=c')).toBe('/sign-in?next=%2Fsettings%2Fusers%3Fq%3Da%26b%3Dc');
    expect(signInUrl('/')).toBe('/sign-in');
  });
});
