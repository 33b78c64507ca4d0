import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { publicSurveySchema, submitResponseSchema, tokenParamsSchema } from './surveys.schema.ts';
import type { responsesService } from './responses.service.ts';

// No sign-in: the token is the credential. Unknown and expired links answer the same 404; rate-limited per address.
export function publicSurveyRoutes(app: TandemApp, _deps: Deps, surveys: ReturnType<typeof responsesService>) {
  const tags = ['surveys (public)'];

  app.get('/api/public/surveys/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'The survey behind an answer link (409 ALREADY_ANSWERED / SURVEY_CLOSED / SURVEY_NOT_OPEN)',
      security: [],
      params: tokenParamsSchema,
      response: { 200: publicSurveySchema },
    },
    handler: (req) => surveys.publicSurvey(req.params.token, req.ip),
  });

  app.post('/api/public/surveys/:token/responses', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Answer once through the link; answers are checked against the questions',
      security: [],
      params: tokenParamsSchema,
      body: submitResponseSchema,
      response: { 201: z.object({ ok: z.literal(true) }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await surveys.respond(req.params.token, req.body, { ip: req.ip, requestId: req.id })),
  });
}
