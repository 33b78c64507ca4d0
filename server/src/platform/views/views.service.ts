import type { RequestContext } from '../auth/actor.ts';
import { diff, recordAudit } from '../audit/audit.ts';
import type { SavedViewRow } from '../db/types.ts';
import { failedUpdate } from '../db/versioned.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound } from '../errors.ts';
import { viewsRepository } from './views.repository.ts';
import { viewStateSchema, type CreateView, type SavedView, type UpdateView } from './views.schema.ts';

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

/** Saved table views, private to their user; every change audited. */
export function viewsService(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext, table: string): Promise<SavedView[]> {
      return (await viewsRepository.list(db, ctx.actor.orgId, ctx.actor.userId, table)).map(toView);
    },

    create(ctx: RequestContext, input: CreateView): Promise<SavedView> {
      return db.transaction().execute(async (trx) => {
        const row = await viewsRepository.insert(trx, ctx.actor.orgId, ctx.actor.userId, input).catch(duplicate);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'view', entityId: row.id, after: toView(row) });
        return toView(row);
      });
    },

    update(ctx: RequestContext, id: string, version: number, input: UpdateView): Promise<SavedView> {
      const { orgId, userId } = ctx.actor;
      return db.transaction().execute(async (trx) => {
        const before = await viewsRepository.find(trx, orgId, userId, id);
        const row = await viewsRepository.update(trx, orgId, userId, id, version, input).catch(duplicate);
        if (!row || !before) {
          failedUpdate(before && toView(before), 'View');
        }
        const d = diff(toView(before), toView(row));
        await recordAudit(trx, ctx, { action: 'update', entityType: 'view', entityId: row.id, ...d });
        return toView(row);
      });
    },

    remove(ctx: RequestContext, id: string): Promise<void> {
      return db.transaction().execute(async (trx) => {
        const before = await viewsRepository.find(trx, ctx.actor.orgId, ctx.actor.userId, id);
        if (!before) {
          throw notFound('View');
        }
        await viewsRepository.delete(trx, ctx.actor.orgId, ctx.actor.userId, id);
        await recordAudit(trx, ctx, {
          action: 'delete',
          entityType: 'view',
          entityId: before.id,
          before: toView(before),
        });
      });
    },
  };
}
