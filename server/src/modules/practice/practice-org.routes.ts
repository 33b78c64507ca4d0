import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { PRACTICE_ORG_ADMINS } from './constants.ts';
import {
  addTraineeSchema,
  createdPracticeOrgSchema,
  createPracticeOrgSchema,
  practiceOrgDetailSchema,
  practiceOrgsSchema,
  traineeSchema,
} from './practice-org.schema.ts';
import { practiceOrgService } from './practice-org.service.ts';

const tags = ['practice'];
const admins = { roles: [...PRACTICE_ORG_ADMINS] };

export function practiceOrgRoutes(app: TandemApp, deps: Deps) {
  const orgs = practiceOrgService(deps);
  app.get('/api/practice/orgs', {
    config: admins,
    schema: {
      tags,
      summary: 'Practice organisations this organisation created (admin)',
      response: { 200: practiceOrgsSchema },
    },
    handler: (req) => orgs.list(ctxOf(req)),
  });
  app.post('/api/practice/orgs', {
    config: admins,
    schema: {
      tags,
      summary: 'Create a practice organisation from the demo generator (admin; its admin password is shown once)',
      body: createPracticeOrgSchema.optional(),
      response: { 201: createdPracticeOrgSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await orgs.create(ctxOf(req))),
  });
  app.get('/api/practice/orgs/:id', {
    config: admins,
    schema: {
      tags,
      summary: 'One practice organisation with its accounts and the digest of its data (admin)',
      params: idParamsSchema,
      response: { 200: practiceOrgDetailSchema },
    },
    handler: (req) => orgs.get(ctxOf(req), req.params.id),
  });
  app.post('/api/practice/orgs/:id/reset', {
    config: admins,
    schema: {
      tags,
      summary: 'Restore the practice organisation to its starting state (its accounts stay) (admin)',
      params: idParamsSchema,
      body: z.object({}).strict().optional(),
      response: { 200: practiceOrgDetailSchema },
    },
    handler: (req) => orgs.reset(ctxOf(req), req.params.id),
  });
  app.post('/api/practice/orgs/:id/trainees', {
    config: admins,
    schema: {
      tags,
      summary: 'Add a trainee account to the practice organisation (admin)',
      params: idParamsSchema,
      body: addTraineeSchema,
      response: { 201: traineeSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await orgs.addTrainee(ctxOf(req), req.params.id, req.body)),
  });
}
