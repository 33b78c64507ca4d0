import type { RequestContext } from './actor.ts';
import { hasRole } from './actor.ts';
import { hashSecret, randomToken } from './crypto.ts';
import { TOKEN_PREFIX } from './auth.service.ts';
import { tokensRepository } from './tokens.repository.ts';
import { recordAudit } from '../audit/audit.ts';
import type { ApiTokenRow } from '../db/types.ts';
import { notFound } from '../errors.ts';
import type { Page } from '../http/common.schema.ts';
import type { Deps } from '../deps.ts';
import type { ApiToken, ApiTokenCreated } from './auth.schema.ts';

export function toApiToken(r: ApiTokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    userId: r.user_id,
    prefix: r.prefix,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

export function tokensService(deps: Deps) {
  const { db, secret } = deps;
  return {
    async create(ctx: RequestContext, name: string): Promise<ApiTokenCreated> {
      const token = `${TOKEN_PREFIX}${randomToken()}`;
      return db.transaction().execute(async (trx) => {
        const row = await tokensRepository.insert(trx, {
          orgId: ctx.actor.orgId,
          userId: ctx.actor.userId,
          name,
          prefix: token.slice(0, TOKEN_PREFIX.length + 6),
          tokenHash: hashSecret(secret, token),
        });
        const dto = toApiToken(row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'token', entityId: dto.id, after: dto });
        return { ...dto, token };
      });
    },

    /** Your own tokens; an admin may list everyone's with `all`. */
    async list(
      ctx: RequestContext,
      opts: { all: boolean; includeRevoked: boolean; limit: number; cursor: string | undefined },
    ): Promise<Page<ApiToken>> {
      const owner = opts.all && hasRole(ctx.actor, 'admin') ? null : ctx.actor.userId;
      const res = await tokensRepository.list(db, ctx.actor.orgId, owner, opts.includeRevoked, opts);
      return { items: res.items.map(toApiToken), nextCursor: res.nextCursor };
    },

    /** Revokes your own token (an admin: anyone's). Someone else's token answers 404, like a missing one. */
    async revoke(ctx: RequestContext, id: string): Promise<void> {
      const owner = hasRole(ctx.actor, 'admin') ? null : ctx.actor.userId;
      await db.transaction().execute(async (trx) => {
        const existing = await tokensRepository.findById(trx, ctx.actor.orgId, id, owner);
        if (!existing) {
          throw notFound('Token');
        }
        const row = await tokensRepository.revoke(trx, ctx.actor.orgId, id);
        if (row) {
          await recordAudit(trx, ctx, {
            action: 'revoke',
            entityType: 'token',
            entityId: id,
            before: toApiToken(existing),
            after: toApiToken(row),
          });
        }
      });
    },
  };
}
