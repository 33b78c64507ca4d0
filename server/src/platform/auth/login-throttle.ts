import { hashSecret } from './crypto.ts';
import { throttleRepository } from './throttle.repository.ts';
import type { LoginLimits } from './auth.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';

/**
 * Failed sign-ins per account and per client address, counted in the database so every server sees the same counts
 * (docs/architecture.md "Several servers"). The keys are HMACs: the table never holds an email or an address in
 * clear.
 */
export function loginThrottle(db: Db, secret: string, limits: LoginLimits) {
  const accountKey = (email: string) => `acct:${hashSecret(secret, `login-acct:${email.trim().toLowerCase()}`)}`;
  const addressKey = (ip: string) => `addr:${hashSecret(secret, `login-addr:${ip}`)}`;

  return {
    async refuseIfLocked(email: string, ip: string) {
      const live = await throttleRepository.live(db, [accountKey(email), addressKey(ip)]);
      const blocked = live.filter((r) =>
        r.key.startsWith('acct:') ? r.failures >= limits.perAccount : r.failures >= limits.perAddress,
      );
      if (blocked.length) {
        const ms = Math.max(...blocked.map((r) => r.window_ends_at.getTime() - Date.now()));
        const wait = Math.max(1, Math.ceil(ms / 1000));
        throw new AppError(
          'RATE_LIMITED',
          `Too many failed sign-in attempts; try again in ${Math.ceil(wait / 60)} minute(s)`,
          { retryAfterSeconds: wait },
        );
      }
    },

    async countFailure(email: string, ip: string) {
      await throttleRepository.fail(db, [accountKey(email), addressKey(ip)], limits.windowSeconds);
    },

    /** A successful sign-in clears its account's count (the address keeps its own). */
    async clearAccount(email: string) {
      await throttleRepository.clear(db, accountKey(email));
    },
  };
}
