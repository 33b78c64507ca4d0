import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { pageQuerySchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careListeningAdminRoles, careMarketingRoles, careStaffRoles } from '../constants.ts';
import {
  alertSchema,
  importMentionsSchema,
  importResultSchema,
  inboundTokenSchema,
  mentionInputSchema,
  mentionSchema,
  mentionSettingsSchema,
  mentionsQuerySchema,
  putMentionSettingsSchema,
} from './mentions.schema.ts';
import { mentionsService } from './mentions.service.ts';
import { mentionSettingsService } from './settings.service.ts';

const staff = { roles: [...careStaffRoles] };
const marketing = { roles: [...careMarketingRoles] };
const tags = ['social listening'];

/** Mentions (staff read and add; admins and marketing import and set the alert rule; admins rotate the token). */
export function mentionsRoutes(app: TandemApp, deps: Deps) {
  const svc = mentionsService(deps);
  const settings = mentionSettingsService(deps);

  app.get('/api/mentions', {
    config: staff,
    schema: {
      tags,
      summary: 'Mentions, newest first (those about a party you may not see are left out)',
      querystring: mentionsQuerySchema,
      response: { 200: pageSchema(mentionSchema) },
    },
    handler: (req) => svc.list(ctxOf(req), req.query),
  });
  app.post('/api/mentions', {
    config: staff,
    schema: {
      tags,
      summary: 'Add a mention (sentiment scored by the lexicon when not given); may raise an alert',
      body: mentionInputSchema,
      response: { 201: mentionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  });
  app.post('/api/mentions/import', {
    config: marketing,
    schema: {
      tags,
      summary: 'Import mentions from CSV (all rows or none; every bad row reported with its line)',
      body: importMentionsSchema,
      response: { 201: importResultSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.importCsv(ctxOf(req), req.body.csv)),
  });
  app.get('/api/mentions/alerts', {
    config: staff,
    schema: {
      tags,
      summary: 'Alerts raised by negative mentions, newest first, with their task',
      querystring: pageQuerySchema.strict(),
      response: { 200: pageSchema(alertSchema) },
    },
    handler: (req) => svc.alerts(ctxOf(req), req.query),
  });
  app.get('/api/mentions/settings', {
    config: marketing,
    schema: {
      tags,
      summary: 'The alert rule (defaults until saved) and whether an inbound token is set',
      response: { 200: mentionSettingsSchema },
    },
    handler: (req) => settings.get(ctxOf(req)),
  });
  app.put('/api/mentions/settings', {
    config: marketing,
    schema: {
      tags,
      summary: 'Set the alert rule (version null the first time)',
      body: putMentionSettingsSchema,
      response: { 200: mentionSettingsSchema },
    },
    handler: (req) => settings.put(ctxOf(req), req.body),
  });
  app.post('/api/mentions/token', {
    config: { roles: [...careListeningAdminRoles] },
    schema: {
      tags,
      summary: 'Create or rotate the inbound token (shown once; stored hashed)',
      response: { 201: inboundTokenSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await settings.rotateToken(ctxOf(req))),
  });

  // No sign-in: the organisation's inbound token (X-Tandem-Token) is the credential; rate-limited per address.
  app.post('/api/public/mentions/inbound', {
    config: { public: true },
    schema: {
      tags: ['social listening (public)'],
      summary: 'Webhook: one mention from a listening tool (a bad or missing token: 404)',
      security: [],
      headers: z.object({ 'x-tandem-token': z.string().max(200).optional() }),
      body: mentionInputSchema,
      response: { 201: z.object({ id: z.uuid() }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.inbound(req.headers['x-tandem-token'], req.body, req.ip)),
  });
}
