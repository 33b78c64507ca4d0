import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup({ bodyLimit: 64 * 1024 });
const admin = () => h.as(h.org.admin);

describe('health and OpenAPI', () => {
  it('reports status, engine and version', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves a valid OpenAPI 3.1 document that covers every route', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) {
        documented.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
      }
    }
    const routes = h.app.printRoutes({ commonPrefix: false, includeMeta: false }).split('\n').filter(Boolean);
    expect(routes.length).toBeGreaterThan(0);
    for (const r of [
      'POST /api/auth/login',
      'GET /api/users',
      'PATCH /api/users/:id',
      'GET /api/audit',
      'POST /api/tokens',
      'DELETE /api/tokens/:id',
      'GET /api/org-units',
      'GET /api/health',
      'GET /api/search',
      'GET /api/views',
    ]) {
      expect(documented, r).toContain(r);
    }
    expect(doc.components.schemas.User).toBeDefined();
  });

  it('has a human-readable docs page', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(res.statusCode);
    const page =
      res.statusCode === 302
        ? await h.app.inject({ method: 'GET', url: `/api/docs/${String(res.headers.location).replace(/^.*\//, '')}` })
        : res;
    expect(page.body).toContain('swagger');
  });
});

describe('bad input never produces a 5xx', () => {
  it('malformed JSON, empty JSON and wrong types answer 400 VALIDATION_FAILED', async () => {
    for (const payload of ['{"email":', '', 'null', '[]', '"x"']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const wrongType = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 42, password: ['x'] },
    });
    expect(wrongType.statusCode).toBe(400);
  });

  it('an unsupported content type answers 415', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<email/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversized body answers 413 and writes nothing', async () => {
    const res = await admin().post('/api/org-units', { name: 'x'.repeat(70 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const long = await admin().post('/api/org-units', { name: 'y'.repeat(5000) });
    expect(long.statusCode).toBe(400);
  });

  it('prototype-poisoning JSON is refused', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.c","password":"x","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(400);
  });

  it('SQL-looking strings are stored and returned literally', async () => {
    const name = "Robert'); DROP TABLE app_user; -- 张";
    const res = await admin().post('/api/org-units', { name });
    expect(res.statusCode).toBe(201);
    expect((await admin().get(`/api/org-units/${res.json().id}`)).json().name).toBe(name);
    expect((await admin().get('/api/users')).statusCode).toBe(200);
  });

  it('unknown routes answer JSON 404', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('an unexpected failure answers 500 INTERNAL without internals', async () => {
    const { buildApp } = await import('../src/app.ts');
    const app = await buildApp({ database: h.db, secret: 'x'.repeat(40) });
    app.get('/api/boom', { config: { public: true } }, () => {
      throw new Error('secret internal detail at /srv/db.ts:42');
    });
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal error' } });
  });
});

describe('security headers', () => {
  it('sends CSP and nosniff; HSTS only behind HTTPS', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const { buildApp } = await import('../src/app.ts');
    const secure = await buildApp({ database: h.db, secret: 'x'.repeat(40), secureCookies: true });
    const r2 = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(r2.headers['strict-transport-security']).toContain('max-age');
    const login = await secure.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.org.admin.email, password: 'correct-horse-battery-9' },
    });
    expect(login.cookies.find((c) => c.name === 'tandem_session')?.secure).toBe(true);
    await secure.close();
  });
});
