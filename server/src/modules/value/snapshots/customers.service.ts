import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { customerVisibility } from '../../parties/index.ts';
import { listedCustomer, requireValueRole, visibleCustomer } from '../value.access.ts';
import { valueCustomers } from './customers.repository.ts';
import type { ValueCustomersPage, ValueCustomersQuery } from './customers.schema.ts';
import { snapshotsRepository } from './snapshots.repository.ts';

/**
 * Customers by value (docs/metrics.md "Value snapshots"): the latest finished snapshot's rows, filtered and sorted in
 * the database, so the list answers at a million customers without recomputing scores, classes or CLV.
 */
export function valueCustomersService(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext, q: ValueCustomersQuery): Promise<ValueCustomersPage> {
      requireValueRole(ctx.actor);
      const { orgId } = ctx.actor;
      const run = await snapshotsRepository.latestDone(db, orgId);
      if (!run) {
        return { asOf: null, currency: null, items: [], nextCursor: null };
      }
      const vis = await customerVisibility(db, orgId);
      const visible = listedCustomer(ctx.actor, vis) ?? visibleCustomer(ctx.actor, vis);
      const page = await valueCustomers(db, orgId, run.id, visible, q);
      return {
        asOf: run.as_of,
        currency: run.currency,
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          partyId: r.party_id,
          name: r.display_name,
          ownerId: r.owner_id,
          rfmSegment: r.rfm_segment,
          valueClass: r.value_class,
          clv: r.clv,
          recencyDays: r.recency_days,
          frequency: r.frequency,
          monetary: r.monetary,
          r: r.r,
          f: r.f,
          m: r.m,
        })),
      };
    },
  };
}
