import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { CAPABILITY_ROLES } from '../insight.access.ts';
import {
  assessmentsBodySchema,
  assessmentsSchema,
  capabilityQuerySchema,
  capabilitySchema,
  capabilitySettingsBodySchema,
  capabilitySettingsSchema,
  snapshotBodySchema,
  snapshotSchema,
  snapshotsSchema,
} from './capability.schema.ts';
import type { CapabilityService } from './capability.service.ts';

export function capabilityRoutes(app: TandemApp, svc: CapabilityService) {
  const config = { roles: CAPABILITY_ROLES };
  const tags = ['insight'];
  app.get('/api/insight/capability', {
    config,
    schema: {
      tags,
      summary:
        'The CRM capability index: 18 indicators (raw, target, 0–100 score, coverage, what to record when missing), three capability scores, the index, the maturity checklist and business performance',
      querystring: capabilityQuerySchema,
      response: { 200: capabilitySchema },
    },
    handler: (req) => svc.compute(ctxOf(req), req.query),
  });
  app.get('/api/insight/capability/settings', {
    config,
    schema: {
      tags,
      summary: 'Targets and weights (the defaults until changed)',
      response: { 200: capabilitySettingsSchema },
    },
    handler: (req) => svc.settings(ctxOf(req)),
  });
  app.put('/api/insight/capability/settings', {
    config,
    schema: {
      tags,
      summary: 'Change targets and weights (the entries named; send the version once stored)',
      body: capabilitySettingsBodySchema,
      response: { 200: capabilitySettingsSchema },
    },
    handler: (req) => svc.putSettings(ctxOf(req), req.body),
  });
  app.get('/api/insight/capability/assessments', {
    config,
    schema: { tags, summary: 'Ratings by named assessors, newest first (500)', response: { 200: assessmentsSchema } },
    handler: (req) => svc.assessments(ctxOf(req)),
  });
  app.post('/api/insight/capability/assessments', {
    config,
    schema: {
      tags,
      summary: 'Rate assessed items and checklist questions 1–5 as yourself, with evidence',
      body: assessmentsBodySchema,
      response: { 201: assessmentsSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.assess(ctxOf(req), req.body)),
  });
  app.get('/api/insight/capability/snapshots', {
    config,
    schema: {
      tags,
      summary: 'Stored snapshots of the index, oldest first (the trend)',
      response: { 200: snapshotsSchema },
    },
    handler: (req) => svc.snapshots(ctxOf(req)),
  });
  app.post('/api/insight/capability/snapshots', {
    config,
    schema: {
      tags,
      summary:
        'Compute the index and store it as a dated snapshot, optionally tagged before/after an improvement stage',
      body: snapshotBodySchema,
      response: { 201: snapshotSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.snapshot(ctxOf(req), req.body)),
  });
}
