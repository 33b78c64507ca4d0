import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  createFieldDefinitionSchema,
  createStakeholderGroupSchema,
  fieldDefinitionSchema,
  listFieldDefinitionsQuerySchema,
  listStakeholderGroupsQuerySchema,
  relationshipMapSchema,
  stakeholderGroupSchema,
  updateFieldDefinitionSchema,
  updateStakeholderGroupSchema,
} from './settings.schema.ts';
import { settingsService } from './settings.service.ts';
import { relationshipMapService } from './relationship-map.ts';

export function settingsRoutes(app: TandemApp, deps: Deps) {
  const settings = settingsService(deps);
  const map = relationshipMapService(deps);

  app.get('/api/stakeholder-groups/relationship-map', {
    schema: {
      tags: ['stakeholder-groups'],
      summary:
        'Relationship map: current roles per stakeholder group × current and target Kotler level, and × HR quadrant (parties you may see)',
      response: { 200: relationshipMapSchema },
    },
    handler: (req) => map.get(ctxOf(req)),
  });

  app.get('/api/stakeholder-groups', {
    schema: {
      tags: ['stakeholder-groups'],
      summary: 'Stakeholder groups (the eight defaults of docs/domain.md, plus your own)',
      querystring: listStakeholderGroupsQuerySchema,
      response: { 200: pageSchema(stakeholderGroupSchema) },
    },
    handler: (req) =>
      settings.listGroups(ctxOf(req), req.query.active, { limit: req.query.limit, cursor: req.query.cursor }),
  });
  app.post('/api/stakeholder-groups', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['stakeholder-groups'],
      summary: 'Add a stakeholder group (admin)',
      body: createStakeholderGroupSchema,
      response: { 201: stakeholderGroupSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await settings.createGroup(ctxOf(req), req.body)),
  });
  app.patch('/api/stakeholder-groups/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['stakeholder-groups'],
      summary: 'Rename, reorder or deactivate a stakeholder group (admin)',
      params: idParamsSchema,
      body: updateStakeholderGroupSchema,
      response: { 200: stakeholderGroupSchema },
    },
    handler: (req) =>
      settings.updateGroup(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });

  app.get('/api/field-definitions', {
    schema: {
      tags: ['field-definitions'],
      summary: 'Custom fields of parties',
      querystring: listFieldDefinitionsQuerySchema,
      response: { 200: pageSchema(fieldDefinitionSchema) },
    },
    handler: (req) =>
      settings.listDefinitions(ctxOf(req), req.query.active, { limit: req.query.limit, cursor: req.query.cursor }),
  });
  app.get('/api/field-definitions/:id', {
    schema: {
      tags: ['field-definitions'],
      summary: 'One custom field definition',
      params: idParamsSchema,
      response: { 200: fieldDefinitionSchema },
    },
    handler: (req) => settings.getDefinition(ctxOf(req), req.params.id),
  });
  app.post('/api/field-definitions', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['field-definitions'],
      summary: 'Define a custom field (admin)',
      body: createFieldDefinitionSchema,
      response: { 201: fieldDefinitionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await settings.createDefinition(ctxOf(req), req.body)),
  });
  app.patch('/api/field-definitions/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['field-definitions'],
      summary: 'Relabel, change options, require or deactivate a custom field (admin)',
      params: idParamsSchema,
      body: updateFieldDefinitionSchema,
      response: { 200: fieldDefinitionSchema },
    },
    handler: (req) =>
      settings.updateDefinition(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });
}
