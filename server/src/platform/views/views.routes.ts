import { z } from 'zod';
import type { Kysely } from 'kysely';
import { ctxOf } from '../auth/actor.ts';
import { diff, recordAudit } from '../audit/audit.ts';
import type { Database, SavedViewRow } from '../db/types.ts';
import { expectedVersion, failedUpdate } from '../db/versioned.ts';
import { conflict, notFound } from '../errors.ts';
import { idParamsSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import {
  createViewSchema,
  listViewsQuerySchema,
  savedViewSchema,
  updateViewSchema,
  viewStateSchema,
  type SavedView,
} from './views.schema.ts';

type Db = Kysely<Database>;
const toView = (r: SavedViewRow): SavedView => ({
  id: r.id,
  table: r.table_key,
  name: r.name,
  state: viewStateSchema.parse(r.state),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});
const duplicate = (err: unknown) => {
  if ((err as { code?: string }).code === '23505') {
    throw conflict('You already have a view with this name for this table', [
      { path: ['body', 'name'], message: 'Already in use', code: 'duplicate' },
    ]);
  }
  throw err;
};

// Saved views are private to their user: everything filters on (org, user).
const viewsRepository = {
  list: (db: Db, orgId: string, userId: string, table: string) =>
    db
      .selectFrom('saved_view')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('table_key', '=', table)
      .orderBy('name')
      .limit(200)
      .execute(),
  find: (db: Db, orgId: string, userId: string, id: string) =>
    db
      .selectFrom('saved_view')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst(),
  insert: (db: Db, orgId: string, userId: string, v: { table: string; name: string; state: unknown }) =>
    db
      .insertInto('saved_view')
      .values({ org_id: orgId, user_id: userId, table_key: v.table, name: v.name, state: JSON.stringify(v.state) })
      .returningAll()
      .executeTakeFirstOrThrow(),
  update: (
    db: Db,
    orgId: string,
    userId: string,
    id: string,
    version: number,
    v: { name?: string | undefined; state?: unknown },
  ) =>
    db
      .updateTable('saved_view')
      .set((eb) => ({
        ...(v.name !== undefined ? { name: v.name } : {}),
        ...(v.state !== undefined ? { state: JSON.stringify(v.state) } : {}),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst(),
  delete: (db: Db, orgId: string, userId: string, id: string) =>
    db
      .deleteFrom('saved_view')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst(),
};

export function viewsRoutes(app: TandemApp, deps: Deps) {
  const { db } = deps;
  const tags = ['views'];
  app.get('/api/views', {
    schema: {
      tags,
      summary: 'Your saved views of one table',
      querystring: listViewsQuerySchema,
      response: { 200: z.object({ items: z.array(savedViewSchema) }) },
    },
    handler: async (req) => {
      const { actor } = ctxOf(req);
      return { items: (await viewsRepository.list(db, actor.orgId, actor.userId, req.query.table)).map(toView) };
    },
  });
  app.post('/api/views', {
    schema: { tags, summary: 'Save a table view', body: createViewSchema, response: { 201: savedViewSchema } },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const view = await db.transaction().execute(async (trx) => {
        const row = await viewsRepository.insert(trx, ctx.actor.orgId, ctx.actor.userId, req.body).catch(duplicate);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'view', entityId: row.id, after: toView(row) });
        return toView(row);
      });
      return reply.status(201).send(view);
    },
  });
  app.patch('/api/views/:id', {
    schema: {
      tags,
      summary: 'Rename or change a saved view',
      params: idParamsSchema,
      body: updateViewSchema,
      response: { 200: savedViewSchema },
    },
    handler: async (req) => {
      const ctx = ctxOf(req);
      const { orgId, userId } = ctx.actor;
      const version = expectedVersion(req.body.version, req.headers['if-match']);
      return db.transaction().execute(async (trx) => {
        const before = await viewsRepository.find(trx, orgId, userId, req.params.id);
        const row = await viewsRepository.update(trx, orgId, userId, req.params.id, version, req.body).catch(duplicate);
        if (!row || !before) {
          failedUpdate(before && toView(before), 'View');
        }
        const d = diff(toView(before), toView(row));
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'view',
          entityId: row.id,
          before: d.before,
          after: d.after,
        });
        return toView(row);
      });
    },
  });
  app.delete('/api/views/:id', {
    schema: { tags, summary: 'Delete a saved view', params: idParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      await db.transaction().execute(async (trx) => {
        const before = await viewsRepository.find(trx, ctx.actor.orgId, ctx.actor.userId, req.params.id);
        if (!before) {
          throw notFound('View');
        }
        await viewsRepository.delete(trx, ctx.actor.orgId, ctx.actor.userId, req.params.id);
        await recordAudit(trx, ctx, {
          action: 'delete',
          entityType: 'view',
          entityId: before.id,
          before: toView(before),
        });
      });
      return reply.status(204).send(null);
    },
  });
}
