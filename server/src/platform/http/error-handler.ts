import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

type Issue = { path: (string | number)[]; message: string; code: string };

function send(status: number, code: string, message: string, details?: unknown) {
  return { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } } };
}

/** Maps every failure to `{ error: { code, message, details } }`; 5xx never leak internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let out;
    if (err instanceof AppError) {
      out = send(err.status, err.code, err.message, err.details);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      // The type provider's issue type does not resolve for the linter; this is its shape.
      const issues = err.validation as unknown as {
        instancePath: string;
        keyword: string;
        message?: string;
        params?: unknown;
      }[];
      const details: Issue[] = issues.map((v) => {
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((p: string) => (/^\d+$/.test(p) ? Number(p) : p));
        const params = v.params as { issue?: { code?: string; keys?: string[] } } | undefined;
        const keys = params?.issue?.keys;
        const message = keys?.length ? `Unknown field(s): ${keys.join(', ')}` : (v.message ?? 'Invalid value');
        return { path: [where, ...path], message, code: params?.issue?.code ?? v.keyword };
      });
      const first = details[0];
      out = send(
        400,
        'VALIDATION_FAILED',
        first ? `Invalid ${first.path.join('.')}: ${first.message}` : 'Invalid request',
        details,
      );
    } else if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      out = send(500, 'INTERNAL', 'Internal error');
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      out = send(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      out = send(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json)');
    } else if (err.statusCode === 429) {
      out = send(429, 'RATE_LIMITED', 'Too many requests; try again later');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, empty JSON body, bad content length and other client mistakes Fastify detects.
      out = send(400, 'VALIDATION_FAILED', err.message);
    } else {
      req.log.error({ err }, 'unhandled error');
      out = send(500, 'INTERNAL', 'Internal error');
    }
    return reply.status(out.status).send(out.body);
  });
}

/** Errors the router raises before any route runs (a bad URL encoding, an over-long path parameter). */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const out =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? send(414, 'URI_TOO_LONG', 'A path parameter is too long')
      : send(400, 'VALIDATION_FAILED', 'The URL is not valid (bad percent-encoding)');
  void reply.status(out.status).header('cache-control', 'no-store').send(out.body);
}

/** 404 as JSON for the API; with a web app, other GETs fall back to its index.html (client-side routes). */
export function registerNotFound(app: FastifyInstance, spa: boolean): void {
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (spa && req.method === 'GET' && !url.startsWith('/api/') && url !== '/api') {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(send(404, 'NOT_FOUND', `No route ${req.method} ${url}`).body);
  });
}
