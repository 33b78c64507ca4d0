import type { FastifyInstance } from 'fastify';
import { validation } from '../errors.ts';

type Path = (string | number)[];

/** Where a value holds a NUL character (PostgreSQL text cannot store one), or null. */
function nulAt(value: unknown, path: Path, depth = 0): Path | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') {
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = nulAt(v, [...path, i], depth + 1);
      if (hit) {
        return hit;
      }
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const hit = k.includes('\u0000') ? [...path, k] : nulAt(v, [...path, k], depth + 1);
    if (hit) {
      return hit;
    }
  }
  return null;
}

/**
 * Input no route can take, refused before validation with the error shape of every other 400: NUL characters
 * anywhere in the path parameters, query or JSON body.
 */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    for (const [where, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const hit = nulAt(value, [where]);
      if (hit) {
        done(
          validation(`Invalid ${hit.join('.')}: NUL characters are not allowed`, [
            { path: hit, message: 'NUL characters are not allowed', code: 'nul_character' },
          ]),
        );
        return;
      }
    }
    done();
  });
  // API answers are per user and per moment: never stored by a browser or a proxy.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
