import { describe, expect, it } from 'vitest';
import { newInboundToken, tokenMatches, tokenOrg } from './inbound-token.ts';

const org = '0a1b2c3d-0000-4000-8000-00000000abcd';

describe('inbound webhook tokens', () => {
  it('name their organisation, match only their hash', () => {
    const { token, hash } = newInboundToken(org);
    expect(tokenOrg(token)).toBe(org);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(token, newInboundToken(org).hash)).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, 'abc')).toBe(false);
    expect(hash).not.toContain(token.slice(-20));
    expect(tokenOrg('tmi_nonsense')).toBeNull();
    const mail = newInboundToken(org, 'tmm');
    expect(tokenOrg(mail.token, 'tmm')).toBe(org);
    expect(tokenOrg(mail.token)).toBeNull();
    expect(tokenOrg(token, 'tmm')).toBeNull();
  });
});
