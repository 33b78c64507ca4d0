import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The security headers helmet would set on every response, computed once: helmet's middleware is run against a
 * recorder at start, since its output depends only on the options (no nonces here).
 */
export function prebuiltSecurityHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failed: Error | undefined;
  helmet(options)({} as never, recorder as never, (err?: unknown) => {
    failed = err instanceof Error ? err : err ? new Error('helmet refused its options') : undefined;
  });
  if (failed) {
    throw failed;
  }
  return [...headers.entries()];
}

/**
 * The response hooks of every request (docs/architecture.md "Requests"), one each way:
 * - onRequest: the prebuilt security headers, `x-request-id`, and `cache-control: no-store` on API answers (per user
 *   and per moment: never stored by a browser or a proxy). A route that sets a header itself wins (reply headers are
 *   written over these).
 * - onSend of a write: forget what this server keeps in memory that a write may have changed (resolved sessions and
 *   tokens, organisation settings), before the answer goes out, so the caller's next request sees the change.
 */
export function registerResponseHooks(
  app: FastifyInstance,
  opts: { securityHeaders: [string, string][]; afterWrite: (() => void)[] },
): void {
  const { securityHeaders, afterWrite } = opts;
  app.addHook('onRequest', (req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of securityHeaders) {
      res.setHeader(name, value);
    }
    res.setHeader('x-request-id', req.id);
    if (req.url.startsWith('/api/')) {
      res.setHeader('cache-control', 'no-store');
    }
    done();
  });
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (!SAFE_METHODS.has(req.method)) {
      for (const forget of afterWrite) {
        forget();
      }
    }
    done(null, payload);
  });
}
