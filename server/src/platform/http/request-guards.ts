import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { validation } from '../errors.ts';

type Path = (string | number)[];

// A UTF-16 surrogate without its pair: only a JSON \u escape can make one, and PostgreSQL refuses it in
// jsonb (and would store text with it replaced). Well-formed text never holds one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string no column can store as sent: a NUL character or a lone surrogate. */
function textProblem(s: string): { message: string; code: string } | null {
  if (s.includes('\u0000')) {
    return { message: 'NUL characters are not allowed', code: 'nul_character' };
  }
  if (loneSurrogate.test(s)) {
    return { message: 'Text must be well-formed Unicode (a lone surrogate escape)', code: 'lone_surrogate' };
  }
  return null;
}

type Hit = { path: Path; message: string; code: string };

/** Where a value holds text no column can store, and why, or null. */
function badTextAt(value: unknown, path: Path, depth = 0): Hit | null {
  if (typeof value === 'string') {
    const p = textProblem(value);
    return p ? { path, ...p } : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') {
    return null;
  }
  // A streamed upload (an IncomingMessage, whose fields reach the socket and the server) or a binary body is not
  // text a parser built: never walked. (Parsed query strings have their own prototype, so test for what to skip.)
  if (ArrayBuffer.isView(value) || value instanceof EventEmitter) {
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = badTextAt(v, [...path, i], depth + 1);
      if (hit) {
        return hit;
      }
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = textProblem(k);
    const hit = p ? { path: [...path, k], ...p } : badTextAt(v, [...path, k], depth + 1);
    if (hit) {
      return hit;
    }
  }
  return null;
}

/**
 * Input no route can take, refused before validation with the error shape of every other 400: NUL characters
 * and lone surrogates anywhere in the path parameters, query or JSON body.
 */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    for (const [where, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const hit = badTextAt(value, [where]);
      if (hit) {
        done(validation(`Invalid ${hit.path.join('.')}: ${hit.message}`, [hit]));
        return;
      }
    }
    done();
  });
}
