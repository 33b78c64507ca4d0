import { describe, expect, it } from 'vitest';
import { referralBody } from './referralBody.ts';

describe('referralBody', () => {
  it('sends only what was typed, and email consent only with an email', () => {
    expect(referralBody({ displayName: ' Li ', email: ' li@example.com ', consentEmail: true })).toEqual({
      displayName: 'Li',
      email: 'li@example.com',
      consentEmail: true,
    });
    expect(referralBody({ displayName: 'Li', email: '', phone: '13800000000', consentEmail: true })).toEqual({
      displayName: 'Li',
      phone: '13800000000',
    });
  });
});
