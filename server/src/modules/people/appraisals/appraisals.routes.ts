import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { cycleReaderRoles, peopleHrRoles } from '../constants.ts';
import {
  appraisalSchema,
  listAppraisalsQuerySchema,
  patchAppraisalSchema,
  patchPlanSchema,
  planInputSchema,
  planSchema,
} from './appraisals.schema.ts';
import { appraisalsService } from './appraisals.service.ts';
import { createCycleSchema, cycleSchema, updateCycleSchema } from './cycles.schema.ts';
import { cyclesService } from './cycles.service.ts';

export function appraisalsRoutes(app: TandemApp, deps: Deps) {
  const cycles = cyclesService(deps);
  const appraisals = appraisalsService(deps);
  const tags = ['appraisals'];
  const page = z.object({ items: z.array(appraisalSchema) });

  app.post('/api/appraisal-cycles', {
    config: { roles: [...peopleHrRoles] },
    schema: { tags, summary: 'A draft appraisal cycle (HR)', body: createCycleSchema, response: { 201: cycleSchema } },
    handler: async (req, reply) => reply.status(201).send(await cycles.create(ctxOf(req), req.body)),
  });

  app.get('/api/appraisal-cycles', {
    config: { roles: [...cycleReaderRoles] },
    schema: { tags, summary: 'Appraisal cycles', response: { 200: z.object({ items: z.array(cycleSchema) }) } },
    handler: (req) => cycles.list(ctxOf(req)),
  });

  app.get('/api/appraisal-cycles/:id', {
    config: { roles: [...cycleReaderRoles] },
    schema: { tags, summary: 'One appraisal cycle', params: idParamsSchema, response: { 200: cycleSchema } },
    handler: (req) => cycles.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/appraisal-cycles/:id', {
    config: { roles: [...peopleHrRoles] },
    schema: {
      tags,
      summary:
        'Edit a draft, or move its status one step (send version). 409 reasons: APPRAISAL_TOO_FREQUENT on publish, CRITERIA_NOT_PUBLISHED on open, IMPROVEMENT_PLAN_REQUIRED on close, CRITERIA_IMMUTABLE once published',
      params: idParamsSchema,
      body: updateCycleSchema,
      response: { 200: cycleSchema },
    },
    handler: (req) =>
      cycles.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.get('/api/appraisals', {
    schema: {
      tags,
      summary: 'Appraisals you may read: HR all, managers their reports, everyone their own',
      querystring: listAppraisalsQuerySchema,
      response: { 200: page },
    },
    handler: (req) => appraisals.list(ctxOf(req), req.query.cycleId, false),
  });

  app.get('/api/me/appraisals', {
    schema: {
      tags,
      summary: 'Your own appraisals: criteria from publication, scores and band after the close',
      response: { 200: page },
    },
    handler: (req) => appraisals.list(ctxOf(req), undefined, true),
  });

  app.get('/api/appraisals/:id', {
    schema: {
      tags,
      summary: 'One appraisal (404 outside the circle)',
      params: idParamsSchema,
      response: { 200: appraisalSchema },
    },
    handler: (req) => appraisals.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/appraisals/:id', {
    schema: {
      tags,
      summary:
        'Score (every criterion with its rationale) and band, by HR or the chain while the cycle is open or calibrating; or the employee’s reply within 14 days of the close',
      params: idParamsSchema,
      body: patchAppraisalSchema,
      response: { 200: appraisalSchema },
    },
    handler: (req) =>
      appraisals.patch(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.post('/api/appraisals/:id/improvement-plan', {
    schema: {
      tags,
      summary:
        'An improvement plan for a bottom-band appraisal: training items, a mentor, a reassessment ≥ 60 days later',
      params: idParamsSchema,
      body: planInputSchema,
      response: { 201: planSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await appraisals.createPlan(ctxOf(req), req.params.id, req.body)),
  });

  app.patch('/api/improvement-plans/:id', {
    schema: {
      tags,
      summary: 'Record the reassessment: met, or still below the bar (HR or the chain; send version)',
      params: idParamsSchema,
      body: patchPlanSchema,
      response: { 200: planSchema },
    },
    handler: (req) =>
      appraisals.patchPlan(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });
}
