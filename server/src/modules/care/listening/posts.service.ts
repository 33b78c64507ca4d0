import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound, validation, versionConflict } from '../../../platform/errors.ts';
import { campaignsRepository } from '../campaigns/campaigns.repository.ts';
import { ratioOf, RATIO_DAYS } from '../campaigns/ratio.ts';
import type { PostRow } from '../care.tables.ts';
import { DEFAULT_COMMERCIAL_CAP } from '../constants.ts';
import { postsRepository as repo } from './posts.repository.ts';
import type { CreatePost, Post, PostRatio, UpdatePost } from './posts.schema.ts';

const DAY_MS = 86_400_000;

const toPost = (r: PostRow & { owner_name: string | null }): Post => ({
  id: r.id,
  channel: r.channel,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  scheduledAt: r.scheduled_at.toISOString(),
  commercial: r.commercial,
  text: r.text,
  status: r.status,
  overrideReason: r.override_reason,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

/**
 * The commercial share with the post plan (docs/metrics.md "Commercial-content ratio"): the outbox's messages of the
 * last 30 days plus the posts planned or published from 30 days ago on; with `add`, what one more post makes it.
 */
export async function postRatio(
  db: Db,
  orgId: string,
  except: string | null,
  add?: { commercial: boolean },
): Promise<PostRatio> {
  const mail = await campaignsRepository.sentVolume(db, orgId, RATIO_DAYS);
  const posts = await repo.volume(db, orgId, RATIO_DAYS, except);
  const volume = { total: mail.total + posts.total, commercial: mail.commercial + posts.commercial };
  const r = ratioOf(volume, DEFAULT_COMMERCIAL_CAP, add ? { commercial: add.commercial, messages: 1 } : undefined);
  return {
    days: RATIO_DAYS,
    ...r,
    posts: posts.total,
    commercialPosts: posts.commercial,
    note: volume.total ? null : 'Not enough data: nothing was sent or planned in the last 30 days',
  };
}

/** Refuses a commercial post above the cap unless an admin overrides (403 for anyone else's override). */
async function guard(
  db: Db,
  ctx: RequestContext,
  except: string | null,
  input: { commercial: boolean; override?: { reason: string } | undefined },
): Promise<string | null> {
  if (input.override && !hasRole(ctx.actor, 'admin')) {
    throw forbidden('Only an admin overrides the commercial-content cap');
  }
  if (!input.commercial) {
    return null;
  }
  const ratio = await postRatio(db, ctx.actor.orgId, except, { commercial: true });
  if (ratio.allowed) {
    return null;
  }
  if (!input.override) {
    throw new AppError(
      'COMMERCIAL_RATIO_EXCEEDED',
      'Commercial content would exceed the cap of the last 30 days',
      ratio,
    );
  }
  return input.override.reason;
}

async function checkOwner(db: Db, orgId: string, ownerId: string | undefined) {
  if (ownerId && !(await repo.activeUser(db, orgId, ownerId))) {
    throw validation('No such active user', [
      { path: ['body', 'ownerId'], message: 'No such active user', code: 'unknown_reference' },
    ]);
  }
}

/** An admin's override of the cap: its own audit row with the reason. */
async function auditOverride(trx: Db, ctx: RequestContext, id: string, reason: string | null) {
  if (reason) {
    await recordAudit(trx, ctx, {
      action: 'care_post.override',
      entityType: 'care_post',
      entityId: id,
      after: { reason },
    });
  }
}

/** The social post plan under the commercial-content guard (docs/care.md "Post plan"). */
export function postsService(deps: Deps) {
  const { db } = deps;
  const found = async (orgId: string, id: string) => {
    const row = await repo.find(db, orgId, id);
    if (!row) throw notFound('Post');
    return row;
  };

  return {
    async list(
      ctx: RequestContext,
      q: { from?: string | undefined; to?: string | undefined; status?: string | undefined },
    ) {
      const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
      const from = q.from ? new Date(`${q.from}T00:00:00.000Z`) : new Date(today - 30 * DAY_MS);
      const to = q.to ? new Date(`${q.to}T00:00:00.000Z`) : new Date(today + 61 * DAY_MS);
      if (from >= to) {
        throw validation('The period is empty', [
          { path: ['querystring', 'from'], message: 'Must be before `to`', code: 'empty_period' },
        ]);
      }
      const rows = await repo.list(db, ctx.actor.orgId, { from, to, status: q.status });
      return {
        from: from.toISOString().slice(0, 10),
        to: to.toISOString().slice(0, 10),
        items: rows.map(toPost),
        ratio: await postRatio(db, ctx.actor.orgId, null),
      };
    },

    async create(ctx: RequestContext, input: CreatePost): Promise<Post> {
      const orgId = ctx.actor.orgId;
      await checkOwner(db, orgId, input.ownerId);
      return db.transaction().execute(async (trx) => {
        const overridden = await guard(trx, ctx, null, input);
        const row = await repo.insert(trx, {
          org_id: orgId,
          channel: input.channel,
          owner_id: input.ownerId,
          scheduled_at: new Date(input.scheduledAt),
          commercial: input.commercial,
          text: input.text,
          override_reason: overridden,
          created_by: ctx.actor.userId,
        });
        const out = toPost({ ...row, owner_name: null });
        await recordAudit(trx, ctx, { action: 'create', entityType: 'care_post', entityId: row.id, after: out });
        await auditOverride(trx, ctx, row.id, overridden);
        return toPost((await repo.find(trx, orgId, row.id)) ?? { ...row, owner_name: null });
      });
    },

    /** Changes a post (send version); a post that becomes commercial (or active again) passes the guard. */
    async update(ctx: RequestContext, id: string, version: number, input: UpdatePost): Promise<Post> {
      const orgId = ctx.actor.orgId;
      const before = await found(orgId, id);
      await checkOwner(db, orgId, input.ownerId);
      const commercial = input.commercial ?? before.commercial;
      const status = input.status ?? before.status;
      const countedBefore = before.commercial && before.status !== 'cancelled';
      const becomes = commercial && status !== 'cancelled' && !countedBefore;
      return db.transaction().execute(async (trx) => {
        const overridden = becomes
          ? await guard(trx, ctx, id, { commercial: true, override: input.override })
          : await guard(trx, ctx, id, { commercial: false, override: input.override });
        const ok = await repo.update(trx, orgId, id, version, {
          ...(input.channel !== undefined ? { channel: input.channel } : {}),
          ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
          ...(input.scheduledAt !== undefined ? { scheduled_at: new Date(input.scheduledAt) } : {}),
          ...(input.commercial !== undefined ? { commercial: input.commercial } : {}),
          ...(input.text !== undefined ? { text: input.text } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(overridden ? { override_reason: overridden } : {}),
        });
        if (!ok) {
          const current = await repo.find(trx, orgId, id);
          throw current ? versionConflict(toPost(current)) : notFound('Post');
        }
        const after = toPost((await repo.find(trx, orgId, id)) as PostRow & { owner_name: string | null });
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'care_post',
          entityId: id,
          before: toPost(before),
          after,
        });
        await auditOverride(trx, ctx, id, overridden);
        return after;
      });
    },
  };
}
