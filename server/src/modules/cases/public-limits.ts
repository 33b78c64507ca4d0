import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../../platform/errors.ts';

const PUBLIC_LIMITS = { perMinute: 60, failuresPer15Min: 20 };

/** One budget per address across the public feedback and grievance follow-up endpoints. */
export function publicLimits() {
  const calls = new RateLimiterMemory({
    keyPrefix: 'case_public_calls',
    points: PUBLIC_LIMITS.perMinute,
    duration: 60,
  });
  const failures = new RateLimiterMemory({
    keyPrefix: 'case_public_fail',
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
export type PublicLimits = ReturnType<typeof publicLimits>;
