import { z } from 'zod';
import { ctxOf } from './actor.ts';
import { SESSION_COOKIE, toSessionUser, type AuthService } from './auth.service.ts';
import {
  apiTokenCreatedSchema,
  apiTokenSchema,
  createTokenSchema,
  listTokensQuerySchema,
  loginResponseSchema,
  loginSchema,
  meResponseSchema,
  sessionUserSchema,
  updateMeSchema,
} from './auth.schema.ts';
import type { tokensService } from './tokens.service.ts';
import { recordAudit, diff } from '../audit/audit.ts';
import { notFound } from '../errors.ts';
import { idParamsSchema, pageSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { usersRepository } from '../identity/users.repository.ts';
import { organizationsRepository } from '../identity/organizations.repository.ts';

export function authRoutes(
  app: TandemApp,
  deps: Deps,
  auth: AuthService,
  tokens: ReturnType<typeof tokensService>,
  secureCookies: boolean,
) {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password',
      body: loginSchema,
      response: { 200: loginResponseSchema },
    },
    handler: async (req, reply) => {
      const res = await auth.login(req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      void reply.setCookie(SESSION_COOKIE, res.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies || req.protocol === 'https',
        maxAge: res.maxAgeSeconds,
      });
      return { user: res.user, csrfToken: res.csrfToken };
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out (ends the cookie session)', response: { 204: z.null() } },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      await auth.logout(ctx.actor, { ip: req.ip, requestId: req.id });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, their organisation and CSRF token',
      response: { 200: meResponseSchema },
    },
    handler: async (req) => {
      const { actor } = ctxOf(req);
      const org = await organizationsRepository.findById(deps.db, actor.orgId);
      if (!org) {
        throw notFound('Organisation');
      }
      return {
        user: {
          id: actor.userId,
          email: actor.email,
          displayName: actor.displayName,
          roles: actor.roles,
          orgId: actor.orgId,
          locale: actor.locale,
          orgUnitId: actor.orgUnitId,
          partyId: actor.partyId,
        },
        org: { id: org.org_id, name: org.name, slug: org.slug, defaultLocale: org.default_locale },
        csrfToken: actor.csrfToken,
        authMethod: actor.authMethod,
      };
    },
  });

  app.patch('/api/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own language or display name',
      body: updateMeSchema,
      response: { 200: z.object({ user: sessionUserSchema }) },
    },
    handler: async (req) => {
      const ctx = ctxOf(req);
      const { orgId, userId } = ctx.actor;
      const user = await deps.db.transaction().execute(async (trx) => {
        const before = await usersRepository.findById(trx, orgId, userId);
        if (!before) {
          throw notFound('User');
        }
        const row = await usersRepository.update(trx, orgId, userId, before.version, {
          ...(req.body.locale !== undefined ? { locale: req.body.locale } : {}),
          ...(req.body.displayName !== undefined ? { display_name: req.body.displayName } : {}),
        });
        if (!row) {
          throw notFound('User');
        }
        const d = diff(toSessionUser(before), toSessionUser(row));
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'user',
          entityId: userId,
          before: d.before,
          after: d.after,
        });
        return toSessionUser(row);
      });
      return { user };
    },
  });

  app.get('/api/tokens', {
    schema: {
      tags: ['auth'],
      summary: 'Your API tokens (admins: everyone’s with all=true)',
      querystring: listTokensQuerySchema,
      response: { 200: pageSchema(apiTokenSchema) },
    },
    handler: (req) =>
      tokens.list(ctxOf(req), {
        all: req.query.all ?? false,
        includeRevoked: req.query.includeRevoked ?? false,
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  });

  app.post('/api/tokens', {
    schema: {
      tags: ['auth'],
      summary: 'Create an API token; the secret is returned once',
      body: createTokenSchema,
      response: { 201: apiTokenCreatedSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await tokens.create(ctxOf(req), req.body.name)),
  });

  app.delete('/api/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke an API token', params: idParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await tokens.revoke(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
