import { recordAudit } from '../audit/audit.ts';
import type { Deps } from '../deps.ts';
import { notFound, validation } from '../errors.ts';
import { signOutEverywhere } from '../identity/users.service.ts';
import { usersRepository } from '../identity/users.repository.ts';
import type { RequestContext } from './actor.ts';
import type { ChangePassword, OwnSession } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './crypto.ts';
import { checkPassword } from './password-policy.ts';
import { sessionsRepository } from './sessions.repository.ts';

/** The signed-in user's own account: their sessions and their password. */
export function accountService(deps: Deps) {
  const { db } = deps;
  return {
    async sessions(ctx: RequestContext): Promise<OwnSession[]> {
      const rows = await sessionsRepository.listForUser(db, ctx.actor.orgId, ctx.actor.userId);
      return rows.map((r) => ({
        id: r.id,
        current: r.id === ctx.actor.sessionId,
        ip: r.ip,
        userAgent: r.user_agent,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
      }));
    },

    /** Signs one of your sessions out (another device, or this one). */
    async endSession(ctx: RequestContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await sessionsRepository.deleteOwn(trx, ctx.actor.orgId, ctx.actor.userId, id))) {
          throw notFound('Session');
        }
        await recordAudit(trx, ctx, { action: 'logout', entityType: 'session', entityId: id });
      });
    },

    /** Signs every other session of yours out (API tokens stay: they are managed on their own page). */
    async endOtherSessions(ctx: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessionsRepository.deleteForUser(trx, ctx.actor.orgId, ctx.actor.userId, ctx.actor.sessionId);
        await recordAudit(trx, ctx, { action: 'logout_others', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    /** A new password: the current one first; then every other session and every API token is signed out. */
    async changePassword(ctx: RequestContext, input: ChangePassword): Promise<void> {
      const { orgId, userId } = ctx.actor;
      await db.transaction().execute(async (trx) => {
        const user = await usersRepository.findById(trx, orgId, userId);
        if (!user) {
          throw notFound('User');
        }
        if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
          throw validation('The current password is not right', [
            { path: ['body', 'currentPassword'], message: 'Not your current password', code: 'wrong_password' },
          ]);
        }
        checkPassword(input.newPassword, user.email, 'newPassword');
        const password_hash = await hashPassword(input.newPassword);
        if (!(await usersRepository.update(trx, orgId, userId, user.version, { password_hash }))) {
          throw notFound('User');
        }
        await signOutEverywhere(trx, orgId, userId, ctx.actor.sessionId ?? undefined);
        await recordAudit(trx, ctx, { action: 'update_password', entityType: 'user', entityId: userId });
      });
    },
  };
}
