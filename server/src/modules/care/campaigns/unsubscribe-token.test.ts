import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';

const claim = {
  orgId: '11111111-1111-4111-8111-111111111111',
  campaignId: '22222222-2222-4222-8222-222222222222',
  partyId: '33333333-3333-4333-8333-333333333333',
};

describe('unsubscribe tokens', () => {
  it('round-trips under the same secret only', () => {
    const t = unsubscribeToken('secret-a', claim);
    expect(readUnsubscribeToken('secret-a', t)).toEqual(claim);
    expect(readUnsubscribeToken('secret-b', t)).toBeNull();
  });
  it('refuses a token changed to name another party, and garbage', () => {
    const t = unsubscribeToken('s', claim);
    const [, sig] = t.split('.');
    const other = Buffer.from(JSON.stringify([claim.orgId, claim.campaignId, claim.orgId])).toString('base64url');
    expect(readUnsubscribeToken('s', `${other}.${sig ?? ''}`)).toBeNull();
    expect(readUnsubscribeToken('s', 'x')).toBeNull();
    expect(readUnsubscribeToken('s', 'a.b.c')).toBeNull();
  });
});
