import { z } from 'zod';
import type { TandemApp } from '../../platform/http/types.ts';
import {
  feedbackInputSchema,
  feedbackTokenParamsSchema,
  followUpCodeParamsSchema,
  followUpMessageSchema,
  grievanceFollowUpSchema,
  publicFeedbackSchema,
} from './cases.schema.ts';
import type { casesService } from './cases.service.ts';

// No sign-in: the token (or follow-up code) is the credential. Unknown and expired ones answer the same
// 404; rate-limited per address. The grievance routes write no request log line.
export function publicCaseRoutes(app: TandemApp, cases: ReturnType<typeof casesService>) {
  const tags = ['service (public)'];

  app.get('/api/public/case-feedback/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'The resolved case behind a satisfaction link',
      security: [],
      params: feedbackTokenParamsSchema,
      response: { 200: publicFeedbackSchema },
    },
    handler: (req) => cases.publicFeedback(req.params.token, req.ip),
  });

  app.post('/api/public/case-feedback/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Answer once: how satisfied are you with how we resolved it (1–5)? (409 ALREADY_ANSWERED)',
      security: [],
      params: feedbackTokenParamsSchema,
      body: feedbackInputSchema,
      response: { 201: z.object({ ok: z.literal(true) }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await cases.submitFeedback(req.params.token, req.body, { ip: req.ip, requestId: req.id })),
  });

  app.get('/api/public/grievances/:code', {
    config: { public: true },
    logLevel: 'silent',
    schema: {
      tags,
      summary: 'An anonymous grievance by its follow-up code: status and public messages',
      security: [],
      params: followUpCodeParamsSchema,
      response: { 200: grievanceFollowUpSchema },
    },
    handler: (req) => cases.followUp(req.params.code, req.ip),
  });

  app.post('/api/public/grievances/:code/messages', {
    config: { public: true },
    logLevel: 'silent',
    schema: {
      tags,
      summary: 'Write back on an anonymous grievance (a pending grievance becomes open again)',
      security: [],
      params: followUpCodeParamsSchema,
      body: followUpMessageSchema,
      response: { 201: z.object({ ok: z.literal(true) }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await cases.addFollowUp(req.params.code, req.body.body, req.ip)),
  });
}
