import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { PROJECT_ROLES } from '../constants.ts';
import {
  burnDownSchema,
  closeProjectSchema,
  createCostSchema,
  createLogSchema,
  createProjectSchema,
  listProjectsQuerySchema,
  projectSchema,
  projectsSchema,
  updateProjectSchema,
} from './projects.schema.ts';
import { projectsService } from './projects.service.ts';

const tags = ['projects'];
const config = { roles: [...PROJECT_ROLES] };

/** Relationship projects (docs/projects.md). */
export function projectsRoutes(app: TandemApp, deps: Deps) {
  const svc = projectsService(deps);
  app.get('/api/projects', {
    config,
    schema: {
      tags,
      summary: 'Projects, newest first (up to 500)',
      querystring: listProjectsQuerySchema,
      response: { 200: projectsSchema },
    },
    handler: (req) => svc.list(ctxOf(req), req.query),
  });
  app.post('/api/projects', {
    config,
    schema: {
      tags,
      summary: 'Create a project (planned)',
      body: createProjectSchema,
      response: { 201: projectSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.create(ctxOf(req), req.body)),
  });
  app.get('/api/projects/:id', {
    config,
    schema: {
      tags,
      summary: 'A project with its costs and log',
      params: idParamsSchema,
      response: { 200: projectSchema },
    },
    handler: (req) => svc.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/projects/:id', {
    config,
    schema: {
      tags,
      summary:
        'Change a project; status planned → active (measures the targets’ baselines) or → cancelled; 409 otherwise',
      params: idParamsSchema,
      body: updateProjectSchema,
      response: { 200: projectSchema },
    },
    handler: (req) => svc.update(ctxOf(req), req.params.id, req.body),
  });
  app.post('/api/projects/:id/costs', {
    config,
    schema: {
      tags,
      summary: 'Record a cost (numeric money)',
      params: idParamsSchema,
      body: createCostSchema,
      response: { 201: projectSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.addCost(ctxOf(req), req.params.id, req.body)),
  });
  app.post('/api/projects/:id/log', {
    config,
    schema: {
      tags,
      summary: 'Add a log entry',
      params: idParamsSchema,
      body: createLogSchema,
      response: { 201: projectSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.addLog(ctxOf(req), req.params.id, req.body.text)),
  });
  app.post('/api/projects/:id/close', {
    config,
    schema: {
      tags,
      summary: 'Close an active project: each target measured again against its baseline, cost against budget, lessons',
      params: idParamsSchema,
      body: closeProjectSchema,
      response: { 200: projectSchema },
    },
    handler: (req) => svc.close(ctxOf(req), req.params.id, req.body),
  });
  app.get('/api/projects/:id/burn-down', {
    config,
    schema: {
      tags,
      summary: 'Budget burn-down: cumulative cost by day against the budget line',
      params: idParamsSchema,
      response: { 200: burnDownSchema },
    },
    handler: (req) => svc.burnDown(ctxOf(req), req.params.id),
  });
}
