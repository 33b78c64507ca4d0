import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import { expectedVersion } from '../../platform/db/versioned.ts';
import { idParamsSchema, pageSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { STAFF_ROLES } from './cases.access.ts';
import {
  caseEventSchema,
  caseSchema,
  createCaseSchema,
  listCasesQuerySchema,
  replyInputSchema,
  resolveInputSchema,
  resolveResultSchema,
  updateCaseSchema,
} from './cases.schema.ts';
import type { CasesService } from './cases.service.ts';

export function casesRoutes(app: TandemApp, svc: CasesService) {
  const tags = ['service'];

  app.get('/api/cases', {
    schema: {
      tags,
      summary: 'Cases you may see, latest change first (SLA state as of the request; reading changes nothing)',
      querystring: listCasesQuerySchema,
      response: { 200: pageSchema(caseSchema) },
    },
    handler: (req) => svc.list(ctxOf(req), req.query),
  });

  app.post('/api/cases', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags,
      summary: 'Open a case; due times come from the SLA policy (slaPolicyId or the org default)',
      body: createCaseSchema,
      response: { 201: caseSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  });

  app.get('/api/cases/:id', {
    schema: {
      tags,
      summary: 'One case (SLA state as of the request; reading changes nothing)',
      params: idParamsSchema,
      response: { 200: caseSchema },
    },
    handler: (req) => svc.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/cases/:id', {
    schema: {
      tags,
      summary:
        'Change a case (send version). Status moves new → open → pending → resolved → closed, reopen → open; an illegal move answers 400 with an illegal_transition issue listing legalNextStatuses; resolved only via /resolve',
      params: idParamsSchema,
      body: updateCaseSchema,
      response: { 200: caseSchema },
    },
    handler: (req) =>
      svc.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.get('/api/cases/:id/events', {
    schema: {
      tags,
      summary:
        'The case history: status changes, replies and notes, assignments, resolution, satisfaction (a grievance submitter sees public messages only)',
      params: idParamsSchema,
      response: { 200: z.object({ items: z.array(caseEventSchema) }) },
    },
    handler: async (req) => ({ items: await svc.events(ctxOf(req), req.params.id) }),
  });

  app.post('/api/cases/:id/replies', {
    schema: {
      tags,
      summary:
        'A public reply (the first one stops the first-response clock; a new case becomes open) or an internal note; from a grievance submitter, a follow-up message',
      params: idParamsSchema,
      body: replyInputSchema,
      response: { 201: caseEventSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.reply(ctxOf(req), req.params.id, req.body)),
  });

  app.post('/api/cases/:id/resolve', {
    schema: {
      tags,
      summary:
        'Resolve with root cause and remedy; a party with an email gets a one-question satisfaction link (emailed, or returned to copy when no mail server is set)',
      params: idParamsSchema,
      body: resolveInputSchema,
      response: { 200: resolveResultSchema },
    },
    handler: (req) => svc.resolve(ctxOf(req), req.params.id, req.body),
  });
}
