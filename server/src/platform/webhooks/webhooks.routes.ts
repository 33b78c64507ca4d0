import { z } from 'zod';
import { ctxOf } from '../auth/actor.ts';
import { expectedVersion } from '../db/versioned.ts';
import type { Deps } from '../deps.ts';
import { idParamsSchema, pageSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import { defineWebhookJob } from './delivery.ts';
import {
  createWebhookSchema,
  deliveriesQuerySchema,
  updateWebhookSchema,
  webhookDeliverySchema,
  webhookSchema,
  webhookWithSecretSchema,
  webhooksQuerySchema,
} from './webhooks.schema.ts';
import { webhookDeliveriesService, webhookEndpointsService } from './webhooks.service.ts';

/** Webhook endpoints, their delivery log, ping and replay: the admin's (docs/webhooks.md). */
export function webhooksRoutes(app: TandemApp, deps: Deps) {
  const hooks = { ...webhookEndpointsService(deps), ...webhookDeliveriesService(deps) };
  defineWebhookJob(deps);
  const tags = ['webhooks'];
  const config = { roles: ['admin' as const] };
  app.get('/api/webhooks', {
    config,
    schema: {
      tags,
      summary: 'Webhook endpoints (one page: all of them)',
      querystring: webhooksQuerySchema,
      response: { 200: pageSchema(webhookSchema) },
    },
    handler: async (req) => ({ items: await hooks.list(ctxOf(req)), nextCursor: null }),
  });
  app.post('/api/webhooks', {
    config,
    schema: {
      tags,
      summary: 'Add a webhook endpoint (the answer holds its secret, shown this once)',
      body: createWebhookSchema,
      response: { 201: webhookWithSecretSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await hooks.create(ctxOf(req), req.body)),
  });
  app.get('/api/webhooks/:id', {
    config,
    schema: { tags, summary: 'One webhook endpoint', params: idParamsSchema, response: { 200: webhookSchema } },
    handler: async (req) => hooks.read(ctxOf(req), req.params.id),
  });
  app.patch('/api/webhooks/:id', {
    config,
    schema: {
      tags,
      summary: 'Change a webhook endpoint (address, events, enabled)',
      params: idParamsSchema,
      body: updateWebhookSchema,
      response: { 200: webhookSchema },
    },
    handler: async (req) => {
      const version = expectedVersion(req.body.version, req.headers['if-match']);
      return hooks.update(ctxOf(req), req.params.id, version, req.body);
    },
  });
  app.delete('/api/webhooks/:id', {
    config,
    schema: { tags, summary: 'Delete a webhook endpoint', params: idParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await hooks.remove(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post('/api/webhooks/:id/rotate', {
    config,
    schema: {
      tags,
      summary: 'A new secret (shown this once); the previous one keeps signing for 24 hours',
      params: idParamsSchema,
      response: { 200: webhookWithSecretSchema },
    },
    handler: async (req) => hooks.rotate(ctxOf(req), req.params.id),
  });
  app.post('/api/webhooks/:id/ping', {
    config,
    schema: {
      tags,
      summary: 'Send a test ping now; answers the attempt',
      params: idParamsSchema,
      response: { 200: webhookDeliverySchema },
    },
    handler: async (req) => hooks.ping(ctxOf(req), req.params.id),
  });
  app.get('/api/webhooks/:id/deliveries', {
    config,
    schema: {
      tags,
      summary: 'Delivery attempts of an endpoint, newest first',
      params: idParamsSchema,
      querystring: deliveriesQuerySchema,
      response: { 200: pageSchema(webhookDeliverySchema) },
    },
    handler: async (req) => hooks.deliveries(ctxOf(req), req.params.id, req.query.limit, req.query.cursor),
  });
  app.post('/api/webhook-deliveries/:id/replay', {
    config,
    schema: {
      tags,
      summary: 'Send a logged message again now (same webhook-id and body); answers the new attempt',
      params: idParamsSchema,
      response: { 200: webhookDeliverySchema },
    },
    handler: async (req) => hooks.replay(ctxOf(req), req.params.id),
  });
}
