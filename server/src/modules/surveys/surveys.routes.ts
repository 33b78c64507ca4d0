import { ctxOf } from '../../platform/auth/actor.ts';
import { expectedVersion } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import { surveyManagerRoles, surveyReaderRoles } from './constants.ts';
import { resultsService } from './results.service.ts';
import {
  createSurveySchema,
  driversQuerySchema,
  driversSchema,
  listSurveysQuerySchema,
  resultsQuerySchema,
  resultsSchema,
  surveySchema,
  textAnswersQuerySchema,
  textAnswersSchema,
  updateSurveySchema,
} from './surveys.schema.ts';
import { invitationRoutes } from './invitations.routes.ts';
import { surveysService } from './surveys.service.ts';

// Who: hr, marketing and admin build and run surveys; executives read results. Employee-side surveys
// (audience employees, eNPS, engagement) exist only for hr and admin (404 for everyone else).
export const managers: Role[] = [...surveyManagerRoles];
const readers: Role[] = [...surveyReaderRoles];

export function surveysRoutes(app: TandemApp, deps: Deps) {
  const surveys = surveysService(deps);
  const results = resultsService(deps);
  const tags = ['surveys'];

  app.get('/api/surveys', {
    config: { roles: readers },
    schema: {
      tags,
      summary: 'Surveys you may see, newest change first',
      querystring: listSurveysQuerySchema,
      response: { 200: pageSchema(surveySchema) },
    },
    handler: (req) => surveys.list(ctxOf(req), { ...req.query, cursor: req.query.cursor }),
  });

  app.post('/api/surveys', {
    config: { roles: managers },
    schema: {
      tags,
      summary: 'Create a draft survey; without questions it starts from the template of its kind',
      body: createSurveySchema,
      response: { 201: surveySchema },
    },
    handler: async (req, reply) => reply.status(201).send(await surveys.create(ctxOf(req), req.body)),
  });

  app.get('/api/surveys/:id', {
    config: { roles: readers },
    schema: { tags, summary: 'One survey', params: idParamsSchema, response: { 200: surveySchema } },
    handler: (req) => surveys.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/surveys/:id', {
    config: { roles: managers },
    schema: {
      tags,
      summary: 'Change a survey (send version); status draft → open → closed, else 400 with legalNextStatuses',
      params: idParamsSchema,
      body: updateSurveySchema,
      response: { 200: surveySchema },
    },
    handler: (req) =>
      surveys.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  invitationRoutes(app, deps, surveys);

  app.get('/api/surveys/:id/results', {
    config: { roles: readers },
    schema: {
      tags,
      summary:
        'Results per group (docs/metrics.md: NPS, CSAT, CES, gap); employee-side and anonymous surveys suppress groups below minGroupSize and their complement',
      params: idParamsSchema,
      querystring: resultsQuerySchema,
      response: { 200: resultsSchema },
    },
    handler: (req) => results.results(ctxOf(req), req.params.id, req.query.groupBy),
  });

  app.get('/api/surveys/:id/drivers', {
    config: { roles: readers },
    schema: {
      tags,
      summary: "Driver analysis: Pearson r with the outcome, Johnson's relative weights (sum to R²), mean, quadrant",
      params: idParamsSchema,
      querystring: driversQuerySchema,
      response: { 200: driversSchema },
    },
    handler: (req) => results.drivers(ctxOf(req), req.params.id, req.query.outcome),
  });

  app.get('/api/surveys/:id/text-answers', {
    config: { roles: readers },
    schema: {
      tags,
      summary:
        'Text answers; with respondent only for named customer surveys, otherwise per group passing the threshold',
      params: idParamsSchema,
      querystring: textAnswersQuerySchema,
      response: { 200: textAnswersSchema },
    },
    handler: (req) => results.texts(ctxOf(req), req.params.id, req.query),
  });
}
