import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { idParamsSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import { ctxOf } from './actor.ts';
import { accountService } from './account.service.ts';
import { changePasswordSchema, ownSessionSchema } from './auth.schema.ts';

/** Your own sessions and password. */
export function accountRoutes(app: TandemApp, deps: Deps) {
  const account = accountService(deps);
  const tags = ['auth'];

  app.get('/api/auth/sessions', {
    schema: {
      tags,
      summary: 'Your signed-in sessions (devices)',
      response: { 200: z.object({ items: z.array(ownSessionSchema) }) },
    },
    handler: async (req) => ({ items: await account.sessions(ctxOf(req)) }),
  });

  app.delete('/api/auth/sessions/:id', {
    schema: { tags, summary: 'Sign one of your sessions out', params: idParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await account.endSession(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/sessions/sign-out-others', {
    schema: { tags, summary: 'Sign every other session of yours out', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await account.endOtherSessions(ctxOf(req));
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/password', {
    schema: {
      tags,
      summary:
        'Change your password (at least 10 characters, not a common password, not your email); signs out your other sessions and revokes your API tokens',
      body: changePasswordSchema,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await account.changePassword(ctxOf(req), req.body);
      return reply.status(204).send(null);
    },
  });
}
