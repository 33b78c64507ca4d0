import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { grievancesService } from './grievances.service.ts';
import {
  createGrievanceSchema,
  followUpCodeParamsSchema,
  followUpMessageSchema,
  grievanceCreatedSchema,
  grievanceFollowUpSchema,
  myGrievancesSchema,
} from './grievances.schema.ts';

// Filing needs a signed-in employee; following up needs only the code (rate-limited per address). None of
// these routes writes a request log line: an anonymous grievance must not be tied to its caller anywhere.
export function grievancesRoutes(app: TandemApp, svc: ReturnType<typeof grievancesService>) {
  const tags = ['service'];
  const publicTags = ['service (public)'];

  app.post('/api/grievances', {
    // No request log line and no session touch: an anonymous filing must not be tied to its caller anywhere.
    logLevel: 'silent',
    config: { untraced: true },
    schema: {
      tags,
      summary:
        'File a grievance from self-service (signed-in user linked to an employee record). Anonymous: nothing links it to you; keep the follow-up code, shown only once',
      body: createGrievanceSchema,
      response: { 201: grievanceCreatedSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.fileGrievance(ctxOf(req), req.body)),
  });

  app.get('/api/me/grievances', {
    schema: {
      tags,
      summary: 'The named grievances you filed, newest first (anonymous ones are followed up with their code)',
      response: { 200: myGrievancesSchema },
    },
    handler: (req) => svc.mine(ctxOf(req)),
  });

  app.get('/api/public/grievances/:code', {
    config: { public: true },
    logLevel: 'silent',
    schema: {
      tags: publicTags,
      summary: 'An anonymous grievance by its follow-up code: status and public messages',
      security: [],
      params: followUpCodeParamsSchema,
      response: { 200: grievanceFollowUpSchema },
    },
    handler: (req) => svc.followUp(req.params.code, req.ip),
  });

  app.post('/api/public/grievances/:code/messages', {
    config: { public: true },
    logLevel: 'silent',
    schema: {
      tags: publicTags,
      summary: 'Write back on an anonymous grievance (a pending grievance becomes open again)',
      security: [],
      params: followUpCodeParamsSchema,
      body: followUpMessageSchema,
      response: { 201: z.object({ ok: z.literal(true) }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.addFollowUp(req.params.code, req.body.body, req.ip)),
  });
}
