import { z } from 'zod';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { feedbackService } from './feedback.service.ts';
import { feedbackInputSchema, feedbackTokenParamsSchema, publicFeedbackSchema } from './feedback.schema.ts';

// No sign-in: the token is the credential. Unknown and expired ones answer the same 404; rate-limited per address.
export function feedbackRoutes(app: TandemApp, svc: ReturnType<typeof feedbackService>) {
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
    handler: (req) => svc.publicFeedback(req.params.token, req.ip),
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
      reply.status(201).send(await svc.submitFeedback(req.params.token, req.body, { ip: req.ip, requestId: req.id })),
  });
}
