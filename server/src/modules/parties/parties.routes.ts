import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import { expectedVersion } from '../../platform/db/versioned.ts';
import { idParamsSchema, pageSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import type { Deps } from '../../platform/deps.ts';
import {
  createPartySchema,
  endRoleQuerySchema,
  historyEntrySchema,
  historyQuerySchema,
  listPartiesQuerySchema,
  partyRoleSchema,
  partySchema,
  roleInputSchema,
  roleParamsSchema,
  updatePartySchema,
} from './parties.schema.ts';
import { partiesService } from './parties.service.ts';
import { partyRolesService } from './roles/roles.service.ts';

export function partiesRoutes(app: TandemApp, deps: Deps) {
  const parties = partiesService(deps);
  const roles = partyRolesService(deps);
  const tags = ['parties'];

  app.get('/api/parties', {
    schema: {
      tags,
      summary:
        'Parties you may see (employees outside your circle in directory form); filters, search q, sort like -updatedAt,displayName',
      querystring: listPartiesQuerySchema,
      response: { 200: pageSchema(partySchema) },
    },
    handler: (req) => parties.list(ctxOf(req), req.query),
  });

  app.get('/api/parties/:id', {
    schema: {
      tags,
      summary: 'One party with its current roles (a deleted one shows deletedAt; a merged one mergedIntoId)',
      params: idParamsSchema,
      response: { 200: partySchema },
    },
    handler: (req) => parties.get(ctxOf(req), req.params.id),
  });

  app.post('/api/parties', {
    schema: {
      tags,
      summary: 'Create a party, optionally with roles (owner defaults to you)',
      body: createPartySchema,
      response: { 201: partySchema },
    },
    handler: async (req, reply) => reply.status(201).send(await parties.create(ctxOf(req), req.body)),
  });

  app.patch('/api/parties/:id', {
    schema: {
      tags,
      summary: 'Change a party; an owner change lands in the history with the reason',
      params: idParamsSchema,
      body: updatePartySchema,
      response: { 200: partySchema },
    },
    handler: (req) =>
      parties.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.delete('/api/parties/:id', {
    schema: {
      tags,
      summary: 'Soft-delete a party (restore with POST /api/parties/:id/restore)',
      params: idParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await parties.remove(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/parties/:id/restore', {
    schema: { tags, summary: 'Restore a soft-deleted party', params: idParamsSchema, response: { 200: partySchema } },
    handler: (req) => parties.restore(ctxOf(req), req.params.id),
  });

  app.put('/api/parties/:id/roles/:role', {
    schema: {
      tags,
      summary:
        'Start a role (any stage; 201) or change it (200; send the role version; legal stage moves only, else 400 with legalNextStages). Omitted fields keep their value.',
      params: roleParamsSchema,
      body: roleInputSchema,
      response: { 200: partyRoleSchema, 201: partyRoleSchema },
    },
    handler: async (req, reply) => {
      const res = await roles.put(ctxOf(req), req.params.id, req.params.role, req.body, req.headers['if-match']);
      return reply.status(res.created ? 201 : 200).send(res.role);
    },
  });

  app.delete('/api/parties/:id/roles/:role', {
    schema: {
      tags,
      summary: 'End a role (it stays in the history); ?reason=',
      params: roleParamsSchema,
      querystring: endRoleQuerySchema,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await roles.end(ctxOf(req), req.params.id, req.params.role, req.query.version, req.query.reason ?? null);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/parties/:id/history', {
    schema: {
      tags,
      summary: 'Role, stage, level, phase and owner changes, newest first, with actor and reason',
      params: idParamsSchema,
      querystring: historyQuerySchema,
      response: { 200: pageSchema(historyEntrySchema) },
    },
    handler: (req) => {
      const { limit, cursor, ...f } = req.query;
      return parties.history(ctxOf(req), req.params.id, f, { limit, cursor });
    },
  });
}
