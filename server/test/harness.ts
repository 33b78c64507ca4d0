import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp, type AppOptions } from '../src/app.ts';
import { createOrganization } from '../src/bootstrap.ts';
import { dumpDatabase, openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { TandemApp } from '../src/platform/http/types.ts';
import type { Role } from '../src/platform/identity/constants-types.ts';
import { createUserRecord } from '../src/platform/identity/users.service.ts';
import { systemWho } from '../src/platform/audit/audit.ts';

/**
 * A real database per test file: in-memory PGlite by default, or a fresh database on the PostgreSQL
 * server named by TEST_DATABASE_URL (CI runs the suite both ways).
 */
// One migrated in-memory database per test worker, dumped once; every test file starts from a copy of it.
let template: Promise<Blob> | undefined;
function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const h = await openDatabase({});
    await migrateToLatest(h.db);
    const dump = await dumpDatabase(h);
    await h.close();
    return dump;
  })();
  return template;
}

/** `url`: the PostgreSQL database's address (so a test can open a second pool on it, as another server would). */
export async function openTestDatabase(): Promise<
  DatabaseHandle & { dropAfter: () => Promise<void>; url?: string | undefined }
> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const h = await openDatabase({ loadDataDir: await migratedTemplate() });
    return { ...h, dropAfter: () => h.close() };
  }
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  // A clone of the run's migrated template (global-setup.ts) when there is one; else an empty database, migrated.
  const template = inject('pgTemplate');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (!template) {
    await migrateToLatest(h.db);
  }
  return {
    ...h,
    url: url.toString(),
    dropAfter: async () => {
      await h.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const PASSWORD = 'correct-horse-battery-9';

/** A real nodemailer transport that keeps the messages it sends in memory (`sent`), for an app's `mailTransport`. */
export function capturingMailTransport(): { transport: Transporter; sent: SendMailOptions[] } {
  const sent: SendMailOptions[] = [];
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const realSend = transport.sendMail.bind(transport);
  transport.sendMail = async (mail: SendMailOptions) => {
    const info = await realSend(mail);
    sent.push(mail);
    return info;
  };
  return { transport, sent };
}

export interface TestOrg {
  orgId: string;
  slug: string;
  admin: Session;
}

export interface Session {
  userId: string;
  email: string;
  cookie: string;
  csrf: string;
}

export interface Harness {
  app: TandemApp;
  /** `url`: on PostgreSQL, the test database's address (another server's pool can open it). */
  db: DatabaseHandle & { url?: string | undefined };
  org: TestOrg;
  /** Creates a user directly (no HTTP) and signs them in. */
  user(roles: Role[], opts?: { orgId?: string; orgUnitId?: string | null; name?: string }): Promise<Session>;
  login(email: string, password?: string): Promise<Session>;
  newOrg(slug: string): Promise<TestOrg>;
  /** `app.inject` as a session: cookie plus CSRF header on writes. */
  as(s: Session): Requester;
}

type InjectOpts = { headers?: Record<string, string>; query?: Record<string, string> };
type Reply = Promise<LightMyRequestResponse>;
export interface Requester {
  get(url: string, o?: InjectOpts): Reply;
  post(url: string, body?: unknown, o?: InjectOpts): Reply;
  patch(url: string, body?: unknown, o?: InjectOpts): Reply;
  put(url: string, body?: unknown, o?: InjectOpts): Reply;
  delete(url: string, o?: InjectOpts): Reply;
}

let counter = 0;

export async function setup(options: Partial<AppOptions> = {}): Promise<Harness> {
  const db = await openTestDatabase();
  const app = await buildApp({
    database: db,
    secret: 'test-secret-test-secret-test-secret-0',
    validateResponses: true,
    ...options,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.dropAfter();
  });

  async function login(email: string, password = PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) {
      throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    }
    const cookie = res.cookies.find((c) => c.name === 'tandem_session');
    const body = res.json<{ user: { id: string }; csrfToken: string }>();
    return { userId: body.user.id, email, cookie: `tandem_session=${cookie?.value ?? ''}`, csrf: body.csrfToken };
  }

  async function newOrg(slug: string): Promise<TestOrg> {
    const email = `admin@${slug}.test`;
    const first = await createOrganization(db.db, {
      name: `Org ${slug}`,
      slug,
      locale: 'en',
      adminEmail: email,
      adminPassword: PASSWORD,
      demo: false,
    });
    return { orgId: first.org.org_id, slug, admin: await login(email) };
  }

  const org = await newOrg(`org${randomBytes(3).toString('hex')}`);

  return {
    app,
    db,
    org,
    login,
    newOrg,
    async user(roles, opts = {}) {
      const orgId = opts.orgId ?? org.orgId;
      const email = `u${++counter}-${randomBytes(3).toString('hex')}@example.com`;
      await createUserRecord(
        db.db,
        orgId,
        {
          email,
          displayName: opts.name ?? `User ${counter}`,
          password: PASSWORD,
          roles,
          orgUnitId: opts.orgUnitId ?? null,
        },
        systemWho(orgId),
      );
      return login(email);
    },
    as(s) {
      const headers = (o?: InjectOpts, write = false) => ({
        cookie: s.cookie,
        ...(write ? { 'x-csrf-token': s.csrf } : {}),
        ...o?.headers,
      });
      return {
        get: (url, o) =>
          app.inject({ method: 'GET', url, headers: headers(o), ...(o?.query ? { query: o.query } : {}) }),
        post: (url, body, o) =>
          app.inject({
            method: 'POST',
            url,
            headers: headers(o, true),
            ...(body === undefined ? {} : { payload: body as object }),
          }),
        patch: (url, body, o) =>
          app.inject({
            method: 'PATCH',
            url,
            headers: headers(o, true),
            ...(body === undefined ? {} : { payload: body as object }),
          }),
        put: (url, body, o) =>
          app.inject({
            method: 'PUT',
            url,
            headers: headers(o, true),
            ...(body === undefined ? {} : { payload: body as object }),
          }),
        delete: (url, o) => app.inject({ method: 'DELETE', url, headers: headers(o, true) }),
      };
    },
  };
}
