import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { CONFIGURER_ROLES } from '../cases.access.ts';
import type { policiesService } from './policies.service.ts';
import { createSlaPolicySchema, slaPolicySchema, updateSlaPolicySchema } from './sla.schema.ts';

export function policiesRoutes(app: TandemApp, svc: ReturnType<typeof policiesService>) {
  const tags = ['service'];

  app.get('/api/sla-policies', {
    schema: {
      tags,
      summary: 'SLA policies, the org default first (until changed: Mon–Fri 09:00–18:00 Asia/Shanghai)',
      response: { 200: z.object({ items: z.array(slaPolicySchema) }) },
    },
    handler: async (req) => ({ items: await svc.listPolicies(ctxOf(req)) }),
  });

  app.post('/api/sla-policies', {
    config: { roles: CONFIGURER_ROLES },
    schema: {
      tags,
      summary:
        'Create an SLA policy: business hours per weekday in an IANA time zone, holidays, make-up workdays, targets per priority in business minutes',
      body: createSlaPolicySchema,
      response: { 201: slaPolicySchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.createPolicy(ctxOf(req), req.body)),
  });

  app.get('/api/sla-policies/:id', {
    schema: { tags, summary: 'One SLA policy', params: idParamsSchema, response: { 200: slaPolicySchema } },
    handler: (req) => svc.getPolicy(ctxOf(req), req.params.id),
  });

  app.patch('/api/sla-policies/:id', {
    config: { roles: CONFIGURER_ROLES },
    schema: {
      tags,
      summary: 'Change an SLA policy (send version); isDefault: true moves the default here',
      params: idParamsSchema,
      body: updateSlaPolicySchema,
      response: { 200: slaPolicySchema },
    },
    handler: (req) =>
      svc.updatePolicy(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });
}
