import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { employeeParamsSchema } from '../file/file.schema.ts';
import { peopleHrRoles } from '../constants.ts';
import {
  createExitInterviewSchema,
  createSeparationSchema,
  exitInterviewSchema,
  exitReasonsQuerySchema,
  exitReasonsSchema,
  separationSchema,
} from './exits.schema.ts';
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

  app.post('/api/employees/:id/exit-interview', {
    schema: {
      tags: ['employees'],
      summary:
        'Record an exit interview (HR): structured reasons, would rejoin, rehire eligibility; departing → alumni',
      params: employeeParamsSchema,
      body: createExitInterviewSchema,
      response: { 201: exitInterviewSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await exits.interview(ctxOf(req), req.params.id, req.body)),
  });

  app.get('/api/people/exit-reasons', {
    config: { roles: [...peopleHrRoles] },
    schema: {
      tags: ['people'],
      summary: 'Exit interview reasons aggregated (HR): count and share of interviews naming each',
      querystring: exitReasonsQuerySchema,
      response: { 200: exitReasonsSchema },
    },
    handler: (req) => exits.reasons(ctxOf(req), req.query.from, req.query.to),
  });
}
