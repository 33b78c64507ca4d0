import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import { expectedVersion } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import { alertsService } from './alerts/alerts.service.ts';
import { metricsService } from './metrics/metrics.service.ts';
import {
  alertRulesSchema,
  alertSchema,
  caseEventSchema,
  caseSchema,
  createCaseSchema,
  createGrievanceSchema,
  createSlaPolicySchema,
  grievanceCreatedSchema,
  listAlertsQuerySchema,
  listCasesQuerySchema,
  metricsQuerySchema,
  metricsSchema,
  putAlertRulesSchema,
  replyInputSchema,
  resolveInputSchema,
  resolveResultSchema,
  slaPolicySchema,
  updateAlertSchema,
  updateCaseSchema,
  updateSlaPolicySchema,
} from './cases.schema.ts';
import type { casesService } from './cases.service.ts';

// Staff work cases; plain employees only file grievances and follow up on their own.
const staff: Role[] = ['admin', 'executive', 'manager', 'hr', 'agent', 'marketing'];
const configurers: Role[] = ['admin', 'manager'];

export function casesRoutes(app: TandemApp, deps: Deps, cases: ReturnType<typeof casesService>) {
  const alerts = alertsService(deps);
  const metrics = metricsService(deps);
  const tags = ['service'];

  app.get('/api/sla-policies', {
    schema: {
      tags,
      summary: 'SLA policies (the org default is seeded on first use: Mon–Fri 09:00–18:00 Asia/Shanghai)',
      response: { 200: z.object({ items: z.array(slaPolicySchema) }) },
    },
    handler: async (req) => ({ items: await cases.listPolicies(ctxOf(req)) }),
  });

  app.post('/api/sla-policies', {
    config: { roles: configurers },
    schema: {
      tags,
      summary:
        'Create an SLA policy: business hours per weekday in an IANA time zone, holidays, make-up workdays, targets per priority in business minutes',
      body: createSlaPolicySchema,
      response: { 201: slaPolicySchema },
    },
    handler: async (req, reply) => reply.status(201).send(await cases.createPolicy(ctxOf(req), req.body)),
  });

  app.get('/api/sla-policies/:id', {
    schema: { tags, summary: 'One SLA policy', params: idParamsSchema, response: { 200: slaPolicySchema } },
    handler: (req) => cases.getPolicy(ctxOf(req), req.params.id),
  });

  app.patch('/api/sla-policies/:id', {
    config: { roles: configurers },
    schema: {
      tags,
      summary: 'Change an SLA policy (send version); isDefault: true moves the default here',
      params: idParamsSchema,
      body: updateSlaPolicySchema,
      response: { 200: slaPolicySchema },
    },
    handler: (req) =>
      cases.updatePolicy(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });

  app.get('/api/cases', {
    schema: {
      tags,
      summary: 'Cases you may see, latest change first (SLA state refreshed)',
      querystring: listCasesQuerySchema,
      response: { 200: pageSchema(caseSchema) },
    },
    handler: (req) => cases.list(ctxOf(req), req.query),
  });

  app.post('/api/cases', {
    config: { roles: staff },
    schema: {
      tags,
      summary: 'Open a case; due times come from the SLA policy (slaPolicyId or the org default)',
      body: createCaseSchema,
      response: { 201: caseSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await cases.create(ctxOf(req), req.body)),
  });

  app.get('/api/cases/metrics', {
    config: { roles: staff },
    schema: {
      tags,
      summary:
        'Counts, mean and p90 first-response and resolution time (business minutes), breach rate, reopen rate, mean post-resolution CSAT — over cases created in [from, to) that you may see',
      querystring: metricsQuerySchema,
      response: { 200: metricsSchema },
    },
    handler: (req) => metrics.metrics(ctxOf(req), req.query),
  });

  app.get('/api/cases/:id', {
    schema: { tags, summary: 'One case (SLA state refreshed)', params: idParamsSchema, response: { 200: caseSchema } },
    handler: (req) => cases.get(ctxOf(req), req.params.id),
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
      cases.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.get('/api/cases/:id/events', {
    schema: {
      tags,
      summary:
        'The case history: status changes, replies and notes, assignments, resolution, satisfaction (a grievance submitter sees public messages only)',
      params: idParamsSchema,
      response: { 200: z.object({ items: z.array(caseEventSchema) }) },
    },
    handler: async (req) => ({ items: await cases.events(ctxOf(req), req.params.id) }),
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
    handler: async (req, reply) => reply.status(201).send(await cases.reply(ctxOf(req), req.params.id, req.body)),
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
    handler: (req) => cases.resolve(ctxOf(req), req.params.id, req.body),
  });

  app.get('/api/alert-rules', {
    config: { roles: staff },
    schema: {
      tags,
      summary: 'Early-warning rules of the organisation (defaults seeded on first use)',
      response: { 200: alertRulesSchema },
    },
    handler: (req) => alerts.rules(ctxOf(req)),
  });

  app.put('/api/alert-rules', {
    config: { roles: configurers },
    schema: {
      tags,
      summary: 'Change early-warning rules (rules not listed keep their setting)',
      body: putAlertRulesSchema,
      response: { 200: alertRulesSchema },
    },
    handler: (req) => alerts.putRules(ctxOf(req), req.body),
  });

  app.get('/api/alerts', {
    config: { roles: staff },
    schema: {
      tags,
      summary: 'Early-warning alerts on parties you may see, newest first (filter by partyId for one party)',
      querystring: listAlertsQuerySchema,
      response: { 200: pageSchema(alertSchema) },
    },
    handler: (req) => alerts.list(ctxOf(req), req.query),
  });

  app.patch('/api/alerts/:id', {
    config: { roles: staff },
    schema: {
      tags,
      summary: 'Acknowledge an alert (or reopen it)',
      params: idParamsSchema,
      body: updateAlertSchema,
      response: { 200: alertSchema },
    },
    handler: (req) => alerts.setStatus(ctxOf(req), req.params.id, req.body.status),
  });

  app.post('/api/grievances', {
    // No request log line for this route: an anonymous filing must not be tied to its caller anywhere.
    logLevel: 'silent',
    schema: {
      tags,
      summary:
        'File a grievance from self-service (signed-in user linked to an employee record). Anonymous: nothing links it to you; keep the follow-up code, shown only once',
      body: createGrievanceSchema,
      response: { 201: grievanceCreatedSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await cases.fileGrievance(ctxOf(req), req.body)),
  });
}
