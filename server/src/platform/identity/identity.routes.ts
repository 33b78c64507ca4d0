import { z } from 'zod';
import { ctxOf } from '../auth/actor.ts';
import { expectedVersion } from '../db/versioned.ts';
import { idParamsSchema, pageSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import {
  createOrgUnitSchema,
  createUserSchema,
  listOrgUnitsQuerySchema,
  listUsersQuerySchema,
  orgUnitSchema,
  roleSchema,
  updateOrgUnitSchema,
  updateUserSchema,
  userSchema,
} from './identity.schema.ts';
import { orgUnitsService } from './org-units.service.ts';
import { usersService } from './users.service.ts';

export function identityRoutes(app: TandemApp, deps: Deps) {
  const users = usersService(deps);
  const units = orgUnitsService(deps);
  const tags = ['users'];

  app.get('/api/users', {
    schema: {
      tags,
      summary: 'Users of the organisation (directory); scope=team for the units you manage',
      querystring: listUsersQuerySchema,
      response: { 200: pageSchema(userSchema) },
    },
    handler: (req) => {
      const { limit, cursor, ...filters } = req.query;
      return users.list(ctxOf(req), filters, { limit, cursor });
    },
  });

  app.get('/api/users/stats', {
    schema: {
      tags,
      summary: 'Active users per role',
      response: { 200: z.object({ items: z.array(z.object({ role: roleSchema, count: z.number().int() })) }) },
    },
    handler: async (req) => ({ items: await users.stats(ctxOf(req)) }),
  });

  app.get('/api/users/:id', {
    schema: { tags, summary: 'One user', params: idParamsSchema, response: { 200: userSchema } },
    handler: (req) => users.get(ctxOf(req), req.params.id),
  });

  app.post('/api/users', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Create a user (admin)', body: createUserSchema, response: { 201: userSchema } },
    handler: async (req, reply) => reply.status(201).send(await users.create(ctxOf(req), req.body)),
  });

  app.patch('/api/users/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags,
      summary: 'Update a user: roles, unit, deactivate, reset password (admin)',
      params: idParamsSchema,
      body: updateUserSchema,
      response: { 200: userSchema },
    },
    handler: (req) =>
      users.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  const unitTags = ['org-units'];
  app.get('/api/org-units', {
    schema: {
      tags: unitTags,
      summary: 'Org units (flat; build the tree from parentId)',
      querystring: listOrgUnitsQuerySchema,
      response: { 200: pageSchema(orgUnitSchema) },
    },
    handler: (req) => units.list(ctxOf(req), req.query.limit, req.query.cursor),
  });

  app.get('/api/org-units/:id', {
    schema: { tags: unitTags, summary: 'One org unit', params: idParamsSchema, response: { 200: orgUnitSchema } },
    handler: (req) => units.get(ctxOf(req), req.params.id),
  });

  app.post('/api/org-units', {
    config: { roles: ['admin'] },
    schema: {
      tags: unitTags,
      summary: 'Create an org unit (admin)',
      body: createOrgUnitSchema,
      response: { 201: orgUnitSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await units.create(ctxOf(req), req.body)),
  });

  app.patch('/api/org-units/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags: unitTags,
      summary: 'Rename, move or set the manager of an org unit (admin)',
      params: idParamsSchema,
      body: updateOrgUnitSchema,
      response: { 200: orgUnitSchema },
    },
    handler: (req) =>
      units.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });
}
