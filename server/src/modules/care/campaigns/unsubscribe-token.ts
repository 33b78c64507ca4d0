import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click unsubscribe tokens (docs/care.md "Unsubscribe"): the organisation, campaign and party, signed with an
 * HMAC-SHA256 under the instance secret, so the link works without signing in and cannot be made up for another
 * party. It carries no expiry: an unsubscribe link must keep working (RFC 8058 asks for a lasting one).
 */
export interface UnsubscribeClaim {
  orgId: string;
  campaignId: string;
  partyId: string;
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`care-unsubscribe:${payload}`).digest('base64url');

export function unsubscribeToken(secret: string, c: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([c.orgId, c.campaignId, c.partyId])).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim of a well-signed token, or null (a bad or forged token is simply not found). */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [payload, sig, ...rest] = token.split('.');
  if (!payload || !sig || rest.length) {
    return null;
  }
  const want = Buffer.from(sign(secret, payload));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((v) => typeof v === 'string' && uuid.test(v))) {
      const [orgId, campaignId, partyId] = parsed as [string, string, string];
      return { orgId, campaignId, partyId };
    }
  } catch {
    // fall through
  }
  return null;
}
