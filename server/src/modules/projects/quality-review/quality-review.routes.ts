import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { REVIEW_READERS, REVIEW_WRITERS } from '../constants.ts';
import { interviewsService } from './interviews.service.ts';
import {
  createActionSchema,
  createInterviewSchema,
  createReviewSchema,
  interviewSchema,
  nextReviewSchema,
  resultsSchema,
  reviewSchema,
  reviewsSchema,
  updateReviewSchema,
} from './quality-review.schema.ts';
import { resultsService } from './results.service.ts';
import { reviewsService } from './reviews.service.ts';

const tags = ['quality-reviews'];
const read = { roles: [...REVIEW_READERS] };
const write = { roles: [...REVIEW_WRITERS] };

/** The quality review loop (docs/projects.md "Quality review"). */
export function qualityReviewRoutes(app: TandemApp, deps: Deps) {
  const reviews = reviewsService(deps);
  const interviews = interviewsService(deps);
  const results = resultsService(deps);
  app.get('/api/quality-reviews', {
    config: read,
    schema: { tags, summary: 'Quality review cycles, newest first (up to 500)', response: { 200: reviewsSchema } },
    handler: (req) => reviews.list(ctxOf(req)),
  });
  app.post('/api/quality-reviews', {
    config: write,
    schema: {
      tags,
      summary:
        'Start a cycle: key customers from a segment or by hand, indicators, goals, interviewers (trained staff)',
      body: createReviewSchema,
      response: { 201: reviewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await reviews.create(ctxOf(req), req.body)),
  });
  app.get('/api/quality-reviews/:id', {
    config: read,
    schema: {
      tags,
      summary: 'A cycle: its eight steps, key customers the reader may see, actions',
      params: idParamsSchema,
      response: { 200: reviewSchema },
    },
    handler: (req) => reviews.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/quality-reviews/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Change a cycle: step states, owners and evidence; customers, assignments, indicators, goals',
      params: idParamsSchema,
      body: updateReviewSchema,
      response: { 200: reviewSchema },
    },
    handler: (req) => reviews.update(ctxOf(req), req.params.id, req.body),
  });
  app.post('/api/quality-reviews/:id/interviews', {
    config: read,
    schema: {
      tags,
      summary: 'Record an interview (step 3) logged on the customer, with its response to the urgent need (step 4)',
      params: idParamsSchema,
      body: createInterviewSchema,
      response: { 201: interviewSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await interviews.interview(ctxOf(req), req.params.id, req.body)),
  });
  app.post('/api/quality-reviews/:id/actions', {
    config: write,
    schema: {
      tags,
      summary: 'An improvement (steps 5–7) or a communication to staff or customers as tasks (step 8)',
      params: idParamsSchema,
      body: createActionSchema,
      response: { 201: z.object({ id: z.uuid(), taskCount: z.number().int() }) },
    },
    handler: async (req, reply) => reply.code(201).send(await interviews.action(ctxOf(req), req.params.id, req.body)),
  });
  app.get('/api/quality-reviews/:id/results', {
    config: read,
    schema: {
      tags,
      summary:
        'Trust by customer × indicator, relationships in trouble, overdue responses (customers the reader may see)',
      params: idParamsSchema,
      response: { 200: resultsSchema },
    },
    handler: (req) => results.results(ctxOf(req), req.params.id),
  });
  app.post('/api/quality-reviews/:id/next', {
    config: write,
    schema: {
      tags,
      summary: 'Start the next cycle from this one: same customers, interviewers, indicators and goals',
      params: idParamsSchema,
      body: nextReviewSchema.optional(),
      response: { 201: reviewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await reviews.next(ctxOf(req), req.params.id, req.body?.name)),
  });
}
