import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { relationshipHistorySchema, relationshipInputSchema } from '../parties/index.ts';
import { HRCRM_READERS, HRCRM_WRITERS } from './constants.ts';
import { evaluationService } from './evaluation.service.ts';
import { groupsService } from './groups.service.ts';
import {
  activitiesSchema,
  activitySchema,
  butterflySchema,
  contributionSchema,
  createActivitySchema,
  createContributionSchema,
  evaluationQuerySchema,
  evaluationSchema,
  groupKeyParamsSchema,
  hrGroupSchema,
  hrGroupsSchema,
  processSchema,
  processStepParamsSchema,
  processStepSchema,
  updateActivitySchema,
  updateProcessStepSchema,
} from './hrcrm.schema.ts';
import { processService } from './process.service.ts';
import { activitiesService } from './activities.service.ts';

const tags = ['hr-crm'];
const read = { roles: [...HRCRM_READERS] };
const write = { roles: [...HRCRM_WRITERS] };

export function groupsRoutes(app: TandemApp, deps: Deps) {
  const groups = groupsService(deps);
  const process = processService(deps);

  app.get('/api/hr-crm/groups', {
    config: read,
    schema: {
      tags,
      summary:
        'The eight HR groups: HR’s own assessment (HR quadrant and Kotler level, each with its target), parties by quadrant, process progress',
      response: { 200: hrGroupsSchema },
    },
    handler: (req) => groups.list(ctxOf(req)).then((items) => ({ items })),
  });
  app.get('/api/hr-crm/butterfly', {
    config: read,
    schema: {
      tags,
      summary: 'The butterfly view: internal groups on one wing, external on the other',
      response: { 200: butterflySchema },
    },
    handler: (req) => groups.butterfly(ctxOf(req)),
  });
  app.put('/api/hr-crm/groups/:key/assessment', {
    config: write,
    schema: {
      tags,
      summary:
        'HR’s assessment of a group, with a reason: the HR quadrant scores (initiative × participation) and target, and the Kotler level and target, kept apart. Omitted fields keep their value',
      params: groupKeyParamsSchema,
      body: relationshipInputSchema,
      response: { 200: hrGroupSchema },
    },
    handler: (req) => groups.putAssessment(ctxOf(req), req.params.key, req.body),
  });
  app.get('/api/hr-crm/groups/:key/assessment/history', {
    config: read,
    schema: {
      tags,
      summary: 'Every assessment of the group, newest first, with actor and reason',
      params: groupKeyParamsSchema,
      response: { 200: relationshipHistorySchema },
    },
    handler: (req) => groups.history(ctxOf(req), req.params.key),
  });

  app.get('/api/hr-crm/groups/:key/process', {
    config: read,
    schema: {
      tags,
      summary: 'The seven steps for a group: state, owner, due date, evidence, and numbers computed now',
      params: groupKeyParamsSchema,
      response: { 200: processSchema },
    },
    handler: (req) => process.get(ctxOf(req), req.params.key),
  });
  app.patch('/api/hr-crm/groups/:key/process/:step', {
    config: write,
    schema: {
      tags,
      summary: 'Record a step’s state, owner, due date or evidence',
      params: processStepParamsSchema,
      body: updateProcessStepSchema,
      response: { 200: processStepSchema },
    },
    handler: (req) => process.updateStep(ctxOf(req), req.params.key, req.params.step, req.body),
  });
}

/** Activities under the 4Rs, the evaluation and contributions of a group. */
export function groupWorkRoutes(app: TandemApp, deps: Deps) {
  const activities = activitiesService(deps);
  const evaluation = evaluationService(deps);

  app.get('/api/hr-crm/groups/:key/activities', {
    config: read,
    schema: {
      tags,
      summary: 'Activities planned for a group under the 4Rs',
      params: groupKeyParamsSchema,
      response: { 200: activitiesSchema },
    },
    handler: (req) => activities.activities(ctxOf(req), req.params.key),
  });
  app.post('/api/hr-crm/groups/:key/activities', {
    config: write,
    schema: {
      tags,
      summary: 'Plan an activity (relevance, response, relationship or return)',
      params: groupKeyParamsSchema,
      body: createActivitySchema,
      response: { 201: activitySchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await activities.createActivity(ctxOf(req), req.params.key, req.body)),
  });
  app.patch('/api/hr-crm/activities/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Change an activity (status, outcome …)',
      params: idParamsSchema,
      body: updateActivitySchema,
      response: { 200: activitySchema },
    },
    handler: (req) => activities.updateActivity(ctxOf(req), req.params.id, req.body),
  });

  app.get('/api/hr-crm/groups/:key/evaluation', {
    config: read,
    schema: {
      tags,
      summary:
        'Expected vs perceived value per dimension from the gap surveys aimed at the group (anonymity minimum applied), the trend per month, and the group’s contributions',
      params: groupKeyParamsSchema,
      querystring: evaluationQuerySchema,
      response: { 200: evaluationSchema },
    },
    handler: (req) => evaluation.get(ctxOf(req), req.params.key, req.query),
  });
  app.post('/api/hr-crm/groups/:key/contributions', {
    config: write,
    schema: {
      tags,
      summary: 'Record what the group contributed (its own part of the value exchange)',
      params: groupKeyParamsSchema,
      body: createContributionSchema,
      response: { 201: contributionSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await evaluation.contribute(ctxOf(req), req.params.key, req.body)),
  });
}

export const noContent = z.null();
