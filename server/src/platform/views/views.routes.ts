import { z } from 'zod';
import { ctxOf } from '../auth/actor.ts';
import { expectedVersion } from '../db/versioned.ts';
import type { Deps } from '../deps.ts';
import { idParamsSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import { createViewSchema, listViewsQuerySchema, savedViewSchema, updateViewSchema } from './views.schema.ts';
import { viewsService } from './views.service.ts';

export function viewsRoutes(app: TandemApp, deps: Deps) {
  const views = viewsService(deps);
  const tags = ['views'];
  app.get('/api/views', {
    schema: {
      tags,
      summary: 'Your saved views of one table',
      querystring: listViewsQuerySchema,
      response: { 200: z.object({ items: z.array(savedViewSchema) }) },
    },
    handler: async (req) => ({ items: await views.list(ctxOf(req), req.query.table) }),
  });
  app.post('/api/views', {
    schema: { tags, summary: 'Save a table view', body: createViewSchema, response: { 201: savedViewSchema } },
    handler: async (req, reply) => reply.status(201).send(await views.create(ctxOf(req), req.body)),
  });
  app.patch('/api/views/:id', {
    schema: {
      tags,
      summary: 'Rename or change a saved view',
      params: idParamsSchema,
      body: updateViewSchema,
      response: { 200: savedViewSchema },
    },
    handler: async (req) => {
      const version = expectedVersion(req.body.version, req.headers['if-match']);
      return views.update(ctxOf(req), req.params.id, version, req.body);
    },
  });
  app.delete('/api/views/:id', {
    schema: { tags, summary: 'Delete a saved view', params: idParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await views.remove(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
