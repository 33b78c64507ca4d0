import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { PartyRoleName } from '../constants.ts';
import { toRole } from '../parties.mapper.ts';
import { partiesRepository } from '../parties.repository.ts';
import type { PartyRole, RoleInput } from '../parties.schema.ts';
import { readableParty, writableParty } from '../parties.service.ts';
import { applyRole, endRole } from './roles.service.ts';

/** PUT/DELETE of one role of a party: access on the party, the rules in applyRole/endRole. */
export function partyRolesService(deps: Deps) {
  const { db } = deps;
  return {
    /** Starts the role, or changes it (then the role's version is required: body or If-Match). Omitted fields keep their value. */
    async put(
      ctx: RequestContext,
      partyId: string,
      role: PartyRoleName,
      input: RoleInput,
      ifMatch: string | string[] | undefined,
    ): Promise<{ role: PartyRole; created: boolean }> {
      const { row, created } = await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        const res = await applyRole(trx, ctx, partyId, role, input, () => expectedVersion(input.version, ifMatch));
        await partiesRepository.touch(trx, ctx.actor.orgId, partyId);
        return res;
      });
      const visible = await readableParty(db, ctx, partyId).catch(() => null);
      return { role: toRole(row, visible?.can_sensitive ?? true), created };
    },

    async end(
      ctx: RequestContext,
      partyId: string,
      role: PartyRoleName,
      version: number | undefined,
      reason: string | null,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        await endRole(trx, ctx, partyId, role, version, reason);
        await partiesRepository.touch(trx, ctx.actor.orgId, partyId);
      });
    },
  };
}
