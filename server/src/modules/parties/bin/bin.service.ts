import { subDays, addDays } from 'date-fns';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditRepository } from '../../../platform/audit/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { usersRepository } from '../../../platform/identity/users.repository.ts';
import { partiesRepository } from '../parties.repository.ts';
import { binRepository } from './bin.repository.ts';
import { BIN_RETENTION_DAYS, type BinItem, type PurgeOutcome } from './bin.schema.ts';

// The bin (docs/domain.md "The bin"): deleted parties wait here to be restored; after the retention period an admin
// may purge them, which erases their personal data for good.
export function binService(deps: Deps) {
  const { db } = deps;
  return {
    /** The deleted parties the caller could restore, newest deletion first, with who deleted them. */
    async list(
      ctx: RequestContext,
      page: { limit: number; cursor: string | undefined },
    ): Promise<Page<BinItem> & { retentionDays: number }> {
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const res = await binRepository.list(db, ctx.actor, visibility, page);
      const ids = [...new Set(res.items.flatMap((r) => (r.deleted_by ? [r.deleted_by] : [])))];
      const names = await usersRepository.displayNames(db, ctx.actor.orgId, ids);
      return {
        retentionDays: BIN_RETENTION_DAYS,
        nextCursor: res.nextCursor,
        items: res.items.map((r) => ({
          type: 'party',
          id: r.id,
          kind: r.kind,
          name: r.display_name,
          deletedAt: r.deleted_at.toISOString(),
          deletedBy: r.deleted_by ? { id: r.deleted_by, name: names.get(r.deleted_by) ?? null } : null,
          purgeableFrom: addDays(r.deleted_at, BIN_RETENTION_DAYS).toISOString(),
        })),
      };
    },

    /** Purges (admins only) the listed parties that have been in the bin for the retention period; says why not the rest. */
    async purge(ctx: RequestContext, ids: string[]): Promise<PurgeOutcome> {
      if (!ctx.actor.roles.includes('admin')) {
        throw forbidden('Only an admin may purge the bin');
      }
      const unique = [...new Set(ids)];
      return db.transaction().execute(async (trx) => {
        const orgId = ctx.actor.orgId;
        const cutoff = subDays(new Date(), BIN_RETENTION_DAYS);
        const binned = await binRepository.lockInBin(trx, orgId, unique);
        const inBin = new Set(binned.map((r) => r.id));
        const purgeable = new Set(binned.filter((r) => r.deleted_at && r.deleted_at <= cutoff).map((r) => r.id));
        const purged = unique.filter((id) => purgeable.has(id));
        await binRepository.erase(trx, orgId, purged);
        await auditRepository.redactEntities(trx, orgId, 'party', purged);
        for (const id of purged) {
          await recordAudit(trx, ctx, { action: 'purge', entityType: 'party', entityId: id });
        }
        const skipped = unique
          .filter((id) => !purgeable.has(id))
          .map((id) => ({ id, reason: inBin.has(id) ? ('retention' as const) : ('not_in_bin' as const) }));
        return { purged, skipped };
      });
    },
  };
}
