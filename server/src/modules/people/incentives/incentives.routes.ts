import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { employeeParamsSchema } from '../file/file.schema.ts';
import {
  createdIncentiveSchema,
  createIncentiveSchema,
  incentiveSchema,
  listIncentivesQuerySchema,
} from './incentives.schema.ts';
import { incentivesService } from './incentives.service.ts';

export function incentivesRoutes(app: TandemApp, deps: Deps) {
  const incentives = incentivesService(deps);
  const tags = ['employees'];

  app.get('/api/employees/:id/incentives', {
    schema: {
      tags,
      summary: "An employee's incentives, newest first (the circle only; 404)",
      params: employeeParamsSchema,
      querystring: listIncentivesQuerySchema,
      response: { 200: z.object({ items: z.array(incentiveSchema) }) },
    },
    handler: (req) => incentives.list(ctxOf(req), req.params.id, req.query),
  });

  app.post('/api/employees/:id/incentives', {
    schema: {
      tags,
      summary:
        'Record an incentive (HR and the management chain). Money under the org-set share of monthly pay is kept with a small_raise warning',
      params: employeeParamsSchema,
      body: createIncentiveSchema,
      response: { 201: createdIncentiveSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await incentives.create(ctxOf(req), req.params.id, req.body)),
  });
}
