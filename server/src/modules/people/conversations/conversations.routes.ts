import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { createOneOnOneSchema, listOneOnOnesQuerySchema, oneOnOneSchema } from './conversations.schema.ts';
import { conversationsService } from './conversations.service.ts';

export function conversationsRoutes(app: TandemApp, deps: Deps) {
  const conversations = conversationsService(deps);
  const tags = ['conversations'];

  app.post('/api/one-on-ones', {
    schema: {
      tags,
      summary:
        'Record a 1:1 or walk-around talk with an employee you manage (or as HR); agreed actions become your tasks',
      body: createOneOnOneSchema,
      response: { 201: oneOnOneSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await conversations.create(ctxOf(req), req.body)),
  });

  app.get('/api/one-on-ones', {
    schema: {
      tags,
      summary: '1:1s you took part in (HR: all). Notes are private to the two and HR',
      querystring: listOneOnOnesQuerySchema,
      response: { 200: z.object({ items: z.array(oneOnOneSchema) }) },
    },
    handler: (req) => conversations.list(ctxOf(req), req.query),
  });
}
