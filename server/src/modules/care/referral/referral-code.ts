import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Referral codes (docs/care.md "Referral"): the organisation, the referring party and a random nonce, signed with an
 * HMAC-SHA256 under the instance secret. The nonce makes the code unguessable even to someone who knows both ids; the
 * signature lets the public landing refuse a made-up code before any query; the stored code (one per party) is the
 * one that counts, so a code is only good while it is the party's current one.
 */
export interface ReferralClaim {
  orgId: string;
  partyId: string;
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`care-referral:${payload}`).digest('base64url').slice(0, 22);

const hex = (b: Buffer) => b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** Binary ids and a 9-byte nonce keep the code short enough for a path segment (about 80 characters). */
export function newReferralCode(secret: string, c: ReferralClaim): string {
  const bytes = Buffer.concat([
    Buffer.from(c.orgId.replace(/-/g, ''), 'hex'),
    Buffer.from(c.partyId.replace(/-/g, ''), 'hex'),
    randomBytes(9),
  ]);
  const payload = bytes.toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim of a well-signed code, or null (a bad or forged code is simply not found). */
export function readReferralCode(secret: string, code: string): ReferralClaim | null {
  const [payload, sig, ...rest] = code.split('.');
  if (!payload || !sig || rest.length) {
    return null;
  }
  const want = Buffer.from(sign(secret, payload));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    return null;
  }
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== 41) {
    return null;
  }
  return { orgId: hex(bytes.subarray(0, 16)), partyId: hex(bytes.subarray(16, 32)) };
}
