import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careListeningAdminRoles } from '../constants.ts';
import {
  INBOUND_BODY_LIMIT,
  inboundMailSchema,
  inboundResultSchema,
  mailSettingsSchema,
  mailTokenSchema,
} from './replies.schema.ts';
import { repliesService } from './replies.service.ts';

const admin = { roles: [...careListeningAdminRoles] };
const tags = ['replies'];

/** Inbound mail (docs/care.md "Replies"): admins set the webhook token; the provider posts each message. */
export function repliesRoutes(app: TandemApp, deps: Deps) {
  const svc = repliesService(deps);

  app.get('/api/care/mail/settings', {
    config: admin,
    schema: {
      tags,
      summary: 'Whether an inbound-mail token is set, and since when',
      response: { 200: mailSettingsSchema },
    },
    handler: (req) => svc.settings(ctxOf(req)),
  });
  app.post('/api/care/mail/token', {
    config: admin,
    schema: {
      tags,
      summary: 'Create or rotate the inbound-mail token (shown once; stored hashed)',
      response: { 201: mailTokenSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.rotateToken(ctxOf(req))),
  });

  // No sign-in: the token in the path is the credential (mail providers call a configured address; the log
  // serializer redacts it); rate-limited per address; a body above the limit is a 413.
  app.post('/api/public/mail-inbound/:token', {
    config: { public: true },
    bodyLimit: INBOUND_BODY_LIMIT,
    schema: {
      tags: ['replies (public)'],
      summary: 'Webhook: one inbound message as JSON (a bad token: 404; the same Message-ID again changes nothing)',
      security: [],
      params: z.object({ token: z.string().max(200) }),
      body: inboundMailSchema,
      response: { 200: inboundResultSchema },
    },
    handler: (req) => svc.inbound(req.params.token, req.body, req.ip),
  });
}
