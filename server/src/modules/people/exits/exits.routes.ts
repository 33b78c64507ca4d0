import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { employeeParamsSchema } from '../file/file.schema.ts';
import { createSeparationSchema, separationSchema } from './exits.schema.ts';
import { exitsService } from './exits.service.ts';

export function exitsRoutes(app: TandemApp, deps: Deps) {
  const exits = exitsService(deps);
  app.post('/api/employees/:id/separation', {
    schema: {
      tags: ['employees'],
      summary:
        'Record a separation (HR): exit date, type, reason; the employee moves to departing, then alumni. performance answers 409 IMPROVEMENT_PLAN_REQUIRED without a completed plan still below the bar',
      params: employeeParamsSchema,
      body: createSeparationSchema,
      response: { 201: separationSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await exits.separate(ctxOf(req), req.params.id, req.body)),
  });
}
