import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The organisation's webhook tokens (docs/care.md "Social listening", "Replies"): `<prefix>_<org id>_<32 random
 * bytes>`, `tmi` for mentions and `tmm` for inbound mail. The organisation part says whose settings to read; only a
 * SHA-256 hash is stored, so the database never holds a usable token, and the hashes are compared in constant time.
 */
export type InboundTokenPrefix = 'tmi' | 'tmm';

export function newInboundToken(orgId: string, prefix: InboundTokenPrefix = 'tmi'): { token: string; hash: string } {
  const token = `${prefix}_${orgId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The organisation a token claims to be for, or null when it is not shaped like one of this prefix. */
export function tokenOrg(token: string, prefix: InboundTokenPrefix = 'tmi'): string | null {
  const m = new RegExp(`^${prefix}_([0-9a-f]{32})_[A-Za-z0-9_-]{43}$`).exec(token);
  return m?.[1] ? m[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5') : null;
}

/** Whether the token matches the stored hash (constant time over equal-length hex digests). */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) {
    return false;
  }
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
