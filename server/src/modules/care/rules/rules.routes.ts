import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careRuleWriterRoles, careStaffRoles } from '../constants.ts';
import {
  careRulePreviewSchema,
  careRuleSchema,
  createCareRuleSchema,
  listCareRulesQuerySchema,
  previewQuerySchema,
  updateCareRuleSchema,
} from './rules.schema.ts';
import { careRulesService } from './rules.service.ts';

const staff = { roles: [...careStaffRoles] };
const writers = { roles: [...careRuleWriterRoles] };

/** Care rules: reminders of birthdays, anniversaries, follow-ups after purchases, revisits, renewals (docs/care.md). */
export function careRulesRoutes(app: TandemApp, deps: Deps) {
  const rules = careRulesService(deps);

  app.get('/api/care/rules', {
    config: staff,
    schema: {
      tags: ['care'],
      summary: 'Care rules you see: the organisation’s and your own',
      querystring: listCareRulesQuerySchema,
      response: { 200: pageSchema(careRuleSchema) },
    },
    handler: (req) => rules.list(ctxOf(req), req.query),
  });

  app.post('/api/care/rules', {
    config: writers,
    schema: {
      tags: ['care'],
      summary: 'Add a care rule (organisation-wide: admins, managers, marketing; agents: over their own customers)',
      body: createCareRuleSchema,
      response: { 201: careRuleSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await rules.create(ctxOf(req), req.body)),
  });

  app.get('/api/care/rules/:id', {
    config: staff,
    schema: { tags: ['care'], summary: 'One care rule', params: idParamsSchema, response: { 200: careRuleSchema } },
    handler: (req) => rules.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/care/rules/:id', {
    config: writers,
    schema: {
      tags: ['care'],
      summary: 'Change a care rule (send version); deactivate with active: false',
      params: idParamsSchema,
      body: updateCareRuleSchema,
      response: { 200: careRuleSchema },
    },
    handler: (req) =>
      rules.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.get('/api/care/rules/:id/preview', {
    config: staff,
    schema: {
      tags: ['care'],
      summary: 'Who would be reminded from today to today + days, among the parties you may see (writes nothing)',
      params: idParamsSchema,
      querystring: previewQuerySchema,
      response: { 200: careRulePreviewSchema },
    },
    handler: (req) => rules.preview(ctxOf(req), req.params.id, req.query.days),
  });
}
