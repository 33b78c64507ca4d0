import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { attritionScope } from '../people.access.ts';
import { loadPeopleSettings } from '../settings/settings.service.ts';
import type { Renewals, RenewalsQuery } from './attrition.schema.ts';
import { renewalsRepository } from './renewals.repository.ts';

/**
 * Contract renewal intent per unit (docs/metrics.md "Contract renewal flag", [S1]'s 盛益 cascade): a unit is flagged
 * when fewer than `renewalFlagShare` (default half) of its contracts ending within the window are meant to be renewed.
 */
export function renewalsService(deps: Deps) {
  const { db } = deps;
  return {
    async renewals(ctx: RequestContext, q: RenewalsQuery): Promise<Renewals> {
      const settings = await loadPeopleSettings(db, ctx.actor.orgId);
      const days = q.withinDays ?? settings.contractWindowDays;
      const today = new Date().toISOString().slice(0, 10);
      const rows = await renewalsRepository.byUnit(db, ctx.actor.orgId, today, days, attritionScope(ctx.actor));
      return {
        withinDays: days,
        flagShare: settings.renewalFlagShare,
        items: rows.map((r) => {
          const share = r.expiring > 0 ? Math.round((1000 * r.with_intent) / r.expiring) / 1000 : 0;
          return {
            orgUnitId: r.org_unit_id,
            name: r.name,
            expiring: r.expiring,
            withIntent: r.with_intent,
            share,
            flagged: r.expiring > 0 && r.with_intent / r.expiring < settings.renewalFlagShare,
          };
        }),
      };
    },
  };
}
