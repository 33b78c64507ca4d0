import type { Actor, RequestContext } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import type { UserRow } from '../db/types.ts';
import { notificationsRepository as repo } from './notify.repository.ts';
import type { ListNotificationsQuery, Notification, NotificationPage, NotificationSettings } from './notify.schema.ts';
import type { NotificationRow } from './notify.types.ts';

/** How many unread rows the badge looks at; the web shows "99+" well before this. */
const COUNT_SCAN = 500;

export const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind as Notification['kind'],
  recordType: r.record_type as Notification['recordType'],
  recordId: r.record_id,
  params: r.params,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** The actor a user would be when signed in, for checking what a notification may show them (digest, producers). */
export const actorOfUser = (u: UserRow): Actor => ({
  orgId: u.org_id,
  userId: u.id,
  email: u.email,
  displayName: u.display_name,
  roles: u.roles,
  orgUnitId: u.org_unit_id,
  partyId: u.party_id,
  locale: u.locale,
  authMethod: 'session',
  sessionId: null,
  tokenId: null,
  csrfToken: null,
});

/**
 * The caller's own notifications. A notification whose record the caller can no longer read (reassigned, deleted,
 * access changed) is left out of every read — list, count, mark read — so it never names that record; it comes back
 * if access does. Reads write nothing.
 */
export function notificationsService(deps: Deps) {
  const { db } = deps;
  const readable = async <R extends { record_type: string; record_id: string }>(
    trx: Db,
    actor: Actor,
    rows: R[],
  ): Promise<R[]> => {
    const ok = await deps.notifications.visible(
      trx,
      actor,
      rows.map((r) => ({ type: r.record_type, id: r.record_id })),
    );
    return rows.filter((r) => ok.has(`${r.record_type}:${r.record_id}`));
  };
  const mine = async (trx: Db, ctx: RequestContext, id: string) => {
    const row = await repo.find(trx, ctx.actor.orgId, ctx.actor.userId, id);
    if (!row || !(await readable(trx, ctx.actor, [row])).length) {
      throw notFound('Notification');
    }
    return row;
  };

  return {
    /** A page of the caller's notifications, newest first; a page may hold fewer rows than the limit (see above). */
    async list(ctx: RequestContext, q: ListNotificationsQuery): Promise<NotificationPage> {
      const page = await repo.page(db, ctx.actor.orgId, ctx.actor.userId, {
        unread: q.unread === 'true',
        limit: q.limit,
        cursor: q.cursor,
      });
      return { items: (await readable(db, ctx.actor, page.items)).map(toNotification), nextCursor: page.nextCursor };
    },

    async count(ctx: RequestContext): Promise<{ unread: number }> {
      const rows = await repo.unread(db, ctx.actor.orgId, ctx.actor.userId, COUNT_SCAN);
      return { unread: (await readable(db, ctx.actor, rows)).length };
    },

    async markRead(ctx: RequestContext, id: string): Promise<Notification> {
      return db.transaction().execute(async (trx) => {
        await mine(trx, ctx, id);
        const row = await repo.markRead(trx, ctx.actor.orgId, ctx.actor.userId, id, new Date());
        return toNotification(row as NotificationRow);
      });
    },

    async markAllRead(ctx: RequestContext): Promise<{ updated: number }> {
      return { updated: await repo.markAllRead(db, ctx.actor.orgId, ctx.actor.userId, new Date()) };
    },

    async settings(ctx: RequestContext): Promise<NotificationSettings> {
      const s = await repo.setting(db, ctx.actor.orgId, ctx.actor.userId);
      return {
        emailDigest: s?.email_digest ?? false,
        mailConfigured: deps.mail.configured,
        lastDigestOn: s?.digest_sent_on ?? null,
      };
    },

    async putSettings(ctx: RequestContext, input: { emailDigest: boolean }): Promise<NotificationSettings> {
      return db.transaction().execute(async (trx) => {
        const before = await repo.setting(trx, ctx.actor.orgId, ctx.actor.userId);
        const row = await repo.putSetting(trx, ctx.actor.orgId, ctx.actor.userId, input.emailDigest);
        if ((before?.email_digest ?? false) !== row.email_digest) {
          await recordAudit(trx, ctx, {
            action: 'update',
            entityType: 'user',
            entityId: ctx.actor.userId,
            before: { emailDigest: before?.email_digest ?? false },
            after: { emailDigest: row.email_digest },
          });
        }
        return {
          emailDigest: row.email_digest,
          mailConfigured: deps.mail.configured,
          lastDigestOn: row.digest_sent_on,
        };
      });
    },
  };
}
