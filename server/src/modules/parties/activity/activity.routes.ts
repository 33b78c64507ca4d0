import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  createInteractionSchema,
  createTaskSchema,
  interactionSchema,
  listInteractionsQuerySchema,
  listTasksQuerySchema,
  taskSchema,
  timelineItemSchema,
  timelineQuerySchema,
  updateInteractionSchema,
  updateTaskSchema,
} from './activity.schema.ts';
import { activityService } from './activity.service.ts';
import { timelineService } from './timeline.service.ts';

export function activityRoutes(app: TandemApp, deps: Deps) {
  const activity = activityService(deps);
  const timeline = timelineService(deps);

  app.get('/api/interactions', {
    schema: {
      tags: ['interactions'],
      summary: 'Interactions with parties you may see, newest first',
      querystring: listInteractionsQuerySchema,
      response: { 200: pageSchema(interactionSchema) },
    },
    handler: (req) => activity.listInteractions(ctxOf(req), req.query),
  });
  app.get('/api/interactions/:id', {
    schema: {
      tags: ['interactions'],
      summary: 'One interaction',
      params: idParamsSchema,
      response: { 200: interactionSchema },
    },
    handler: (req) => activity.getInteraction(ctxOf(req), req.params.id),
  });
  app.post('/api/interactions', {
    schema: {
      tags: ['interactions'],
      summary: 'Log an interaction (a call, visit, message…) with a party you may change',
      body: createInteractionSchema,
      response: { 201: interactionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await activity.createInteraction(ctxOf(req), req.body)),
  });
  app.patch('/api/interactions/:id', {
    schema: {
      tags: ['interactions'],
      summary: 'Correct an interaction',
      params: idParamsSchema,
      body: updateInteractionSchema,
      response: { 200: interactionSchema },
    },
    handler: (req) =>
      activity.updateInteraction(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });

  app.get('/api/tasks', {
    schema: {
      tags: ['tasks'],
      summary: 'Tasks you may see, by due date; assignee=me&due=overdue|today|week for “My tasks”',
      querystring: listTasksQuerySchema,
      response: { 200: pageSchema(taskSchema) },
    },
    handler: (req) => activity.listTasks(ctxOf(req), req.query),
  });
  app.get('/api/tasks/:id', {
    schema: { tags: ['tasks'], summary: 'One task', params: idParamsSchema, response: { 200: taskSchema } },
    handler: (req) => activity.getTask(ctxOf(req), req.params.id),
  });
  app.post('/api/tasks', {
    schema: {
      tags: ['tasks'],
      summary: 'Create a follow-up task (assignee defaults to you)',
      body: createTaskSchema,
      response: { 201: taskSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await activity.createTask(ctxOf(req), req.body)),
  });
  app.patch('/api/tasks/:id', {
    schema: {
      tags: ['tasks'],
      summary: 'Change, reassign, complete (status done) or cancel a task',
      params: idParamsSchema,
      body: updateTaskSchema,
      response: { 200: taskSchema },
    },
    handler: (req) =>
      activity.updateTask(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });

  app.get('/api/parties/:id/timeline', {
    schema: {
      tags: ['parties'],
      summary:
        'Interactions, tasks (at their due date), role/stage/level/owner changes and care notes of a party, newest first',
      params: idParamsSchema,
      querystring: timelineQuerySchema,
      response: { 200: pageSchema(timelineItemSchema) },
    },
    handler: (req) =>
      timeline.list(ctxOf(req), req.params.id, req.query.types, { limit: req.query.limit, cursor: req.query.cursor }),
  });
}
