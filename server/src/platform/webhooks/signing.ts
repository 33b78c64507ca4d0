import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

// Standard Webhooks 1.0 (https://www.standardwebhooks.com/, docs/webhooks.md): the signed content is
// `{webhook-id}.{webhook-timestamp}.{body}`, the key the base64-decoded part of the secret after `whsec_`, and the
// header a space-separated list of `v1,<base64 HMAC-SHA256>` — one per secret in force (two during a rotation).

/** A new secret: 24 random bytes (the spec asks for 24 to 64), base64, with the `whsec_` prefix. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** One `v1,…` signature of the exact bytes sent. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

/** The webhook-signature header: the current secret's signature, then the previous one's while it is in force. */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((s) => signature(s, id, timestamp, body)).join(' ');
}

// The secret must be readable to sign with, so it cannot be hashed like a password; it is sealed (AES-256-GCM) under
// a key derived from the instance secret, which the database never holds: a copy of the database alone signs nothing.
const keyOf = (instanceSecret: string) =>
  createHash('sha256').update(`tandem-webhook-secret:${instanceSecret}`).digest();

export function seal(instanceSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(instanceSecret), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

export function unseal(instanceSecret: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(instanceSecret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
