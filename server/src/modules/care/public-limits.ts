import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../../platform/errors.ts';

// The platform's budget for public endpoints (as the case feedback and survey links): 60 calls a minute per address,
// and 20 failures (unknown codes or tokens) per 15 minutes before the address is refused for a while.
const PUBLIC_LIMITS = { perMinute: 60, failuresPer15Min: 20 };

/** One budget per address and scope (referral landing, mention inbound). */
export function publicLimits(scope: string) {
  const calls = new RateLimiterMemory({ keyPrefix: `${scope}_calls`, points: PUBLIC_LIMITS.perMinute, duration: 60 });
  const failures = new RateLimiterMemory({
    keyPrefix: `${scope}_fail`,
    points: PUBLIC_LIMITS.failuresPer15Min,
    duration: 900,
  });

  async function throttle(ip: string) {
    const [c, f] = await Promise.all([calls.consume(ip).catch(() => null), failures.get(ip)]);
    if (!c || (f && f.remainingPoints <= 0)) {
      throw new AppError('RATE_LIMITED', 'Too many requests; try again later', { retryAfterSeconds: 60 });
    }
  }
  const failed = (ip: string) => failures.consume(ip).catch(() => undefined);
  return { throttle, failed };
}
