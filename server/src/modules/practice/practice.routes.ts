import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { PRACTICE_TRAINERS } from './constants.ts';
import {
  createScenarioSchema,
  createScoreSchema,
  createSessionSchema,
  resultsSchema,
  scenarioSchema,
  scenariosSchema,
  scoreSchema,
  sessionSchema,
  sessionsSchema,
  updateScenarioSchema,
  updateSessionSchema,
} from './practice.schema.ts';
import { scenariosService } from './scenarios.service.ts';
import { scoresService } from './scores.service.ts';
import { sessionsService } from './sessions.service.ts';

const tags = ['practice'];
const trainers = { roles: [...PRACTICE_TRAINERS] };

export function scenarioRoutes(app: TandemApp, deps: Deps) {
  const scenarios = scenariosService(deps);
  app.get('/api/practice/scenarios', {
    schema: { tags, summary: 'The scenario library (every signed-in user)', response: { 200: scenariosSchema } },
    handler: (req) => scenarios.list(ctxOf(req)),
  });
  app.get('/api/practice/scenarios/:id', {
    schema: { tags, summary: 'One scenario', params: idParamsSchema, response: { 200: scenarioSchema } },
    handler: (req) => scenarios.get(ctxOf(req), req.params.id),
  });
  app.post('/api/practice/scenarios', {
    config: trainers,
    schema: {
      tags,
      summary: 'Add a scenario in both languages (trainers: admin, HR, managers)',
      body: createScenarioSchema,
      response: { 201: scenarioSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await scenarios.create(ctxOf(req), req.body)),
  });
  app.patch('/api/practice/scenarios/:id', {
    config: trainers,
    schema: {
      tags,
      summary: 'Change or archive a scenario (trainers)',
      params: idParamsSchema,
      body: updateScenarioSchema,
      response: { 200: scenarioSchema },
    },
    handler: (req) => scenarios.update(ctxOf(req), req.params.id, req.body),
  });
  app.post('/api/practice/scenarios/built-ins', {
    config: trainers,
    schema: {
      tags,
      summary: 'Add the built-in scenarios the organisation lacks (edited ones stay as they are)',
      body: z.object({}).strict().optional(),
      response: { 200: scenariosSchema },
    },
    handler: (req) => scenarios.installBuiltIns(ctxOf(req)),
  });
}

export function sessionRoutes(app: TandemApp, deps: Deps) {
  const sessions = sessionsService(deps);
  const scores = scoresService(deps);
  app.get('/api/practice/sessions', {
    schema: {
      tags,
      summary: 'Sessions: all for admin and HR; those you train or play in for everyone else',
      response: { 200: sessionsSchema },
    },
    handler: (req) => sessions.list(ctxOf(req)),
  });
  app.post('/api/practice/sessions', {
    config: trainers,
    schema: {
      tags,
      summary: 'Plan a session: scenario, trainer, schedule, teams with roles (trainers)',
      body: createSessionSchema,
      response: { 201: sessionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await sessions.create(ctxOf(req), req.body)),
  });
  app.get('/api/practice/sessions/:id', {
    schema: { tags, summary: 'One session with its teams', params: idParamsSchema, response: { 200: sessionSchema } },
    handler: (req) => sessions.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/practice/sessions/:id', {
    schema: {
      tags,
      summary: 'Move through the six steps, change teams, write the summary, complete (the trainer, admin, HR)',
      params: idParamsSchema,
      body: updateSessionSchema,
      response: { 200: sessionSchema },
    },
    handler: (req) => sessions.update(ctxOf(req), req.params.id, req.body),
  });
  app.post('/api/practice/sessions/:id/scores', {
    schema: {
      tags,
      summary: 'Score a team 1–10 on the four criteria: a peer team (never its own) or the trainer',
      params: idParamsSchema,
      body: createScoreSchema,
      response: { 201: scoreSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await scores.score(ctxOf(req), req.params.id, req.body)),
  });
  app.get('/api/practice/sessions/:id/results', {
    schema: {
      tags,
      summary: 'Per team and criterion: peer average, trainer average, team score; each person’s result',
      params: idParamsSchema,
      response: { 200: resultsSchema },
    },
    handler: (req) => scores.results(ctxOf(req), req.params.id),
  });
}
