import { describe, expect, it } from 'vitest';
import { newReferralCode, readReferralCode } from './referral-code.ts';

const claim = { orgId: '00000000-0000-4000-8000-000000000001', partyId: '00000000-0000-4000-8000-000000000002' };

describe('referral codes', () => {
  it('round-trip, differ each time, and refuse forgeries', () => {
    const a = newReferralCode('s3cret', claim);
    const b = newReferralCode('s3cret', claim);
    expect(a).not.toBe(b);
    expect(readReferralCode('s3cret', a)).toEqual(claim);
    expect(readReferralCode('other', a)).toBeNull();
    const [payload, sig] = a.split('.');
    expect(readReferralCode('s3cret', `${payload}x.${sig}`)).toBeNull();
    expect(readReferralCode('s3cret', 'nonsense')).toBeNull();
    expect(readReferralCode('s3cret', '')).toBeNull();
  });
});
